using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Turns the processed body into bands in continuous coordinates. An item that grows (a CanGrow textbox, a tablix
/// with more rows than designed) pushes down every item that lies entirely below it, by the largest growth above.
/// </summary>
internal sealed class BodyLayout(ItemPlacer placer)
{
    public List<Band> Build(ProcessedReport report)
    {
        var items = report.BodyItems.OrderBy(i => i.Top).ThenBy(i => i.Left).ToList();
        var placed = new List<(double DesignBottom, double Growth)>();
        var bands = new List<Band>();
        foreach (var item in items)
        {
            double push = 0;
            foreach (var (bottom, growth) in placed)
                if (bottom <= item.Top + 0.01) push = Math.Max(push, growth);
            double top = item.Top + push;
            double height = item switch
            {
                TablixInstance tablix => AddTablix(tablix, top, bands),
                _ => AddSimple(item, top, bands),
            };
            placed.Add((item.Top + item.Height, push + height - item.Height));
        }
        return bands;
    }

    private double AddSimple(ItemInstance item, double top, List<Band> bands)
    {
        double height = placer.MeasureHeight(item, item.Width);
        bands.Add(new Band(top, height, (x, y, _, sink) => placer.Emit(item, x + item.Left, y, item.Width, height, PageRegion.Body, sink)));
        return height;
    }

    private double AddTablix(TablixInstance tablix, double top, List<Band> bands)
    {
        var owner = new TablixBands();
        double y = top;
        if (tablix.Rows.Count == 0 && tablix.NoRows is { } noRows)
        {
            double h = placer.MeasureHeight(noRows, tablix.Width);
            bands.Add(new Band(y, h, (x, py, _, sink) => placer.Emit(noRows, x + tablix.Left, py, tablix.Width, h, PageRegion.Body, sink)));
            return h;
        }
        bool leadingHeaders = true;
        for (int i = 0; i < tablix.Rows.Count; i++)
        {
            var row = tablix.Rows[i];
            double height = placer.RowHeight(tablix, row);
            int logicalRow = i;
            var band = new Band(y, height, (x, py, repeat, sink) => placer.EmitRow(tablix, row, x + tablix.Left, py, height, PageRegion.Body, sink, logicalRow, repeat))
            {
                Owner = owner,
                KeepWithNext = row.KeepWithNext,
            };
            if (leadingHeaders && row.RepeatOnNewPage) owner.RepeatedHeaders.Add(band);
            else leadingHeaders = false;
            bands.Add(band);
            y += height;
        }
        return y - top;
    }
}
