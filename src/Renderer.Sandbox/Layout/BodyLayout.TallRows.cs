using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Processing.Subreports;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Tablix rows taller than a page (a list row whose rectangle holds a table with many rows, a cell with a very long text): SSRS splits
/// such a row across pages instead of clipping it, so its cells' contents become bands of their own, as the items of a
/// drawn rectangle taller than a page do (<see cref="AddTallBox"/>), and the paginator breaks between them.
/// </summary>
internal sealed partial class BodyLayout
{
    /// <summary>
    /// A row with a cell whose content can continue on the next page: a rectangle, a data region, a subreport, or a
    /// textbox itself taller than a page.
    /// </summary>
    private bool CanSplit(TablixInstance tablix, TablixRowInstance row)
    {
        foreach (var slot in row.Cells)
        {
            if (slot is not { IsContinuation: false } cell) continue;
            if (cell.Content is RectangleInstance or TablixInstance or SubreportInstance) return true;
            if (cell.Content is TextboxInstance textbox && IsTallerThanPage(textbox, ItemPlacer.SpanWidth(tablix, cell))) return true;
        }
        return false;
    }

    private bool IsTallerThanPage(TextboxInstance textbox, double width) => placer.MeasureHeight(textbox, width) > pageBodyHeight;

    /// <summary>
    /// The bands of a row at <paramref name="top"/> that is <paramref name="height"/> tall, more than a page: each cell's
    /// content at its cell's left. A rectangle's items paginate as bands and its box (if drawn) is one fragment per page
    /// (its KeepTogether cannot apply: the row does not fit on a page); a nested tablix's rows paginate as its own rows
    /// (repeating its RepeatOnNewPage headers); a textbox taller than a page flows line by line, as a body textbox does;
    /// other cells keep their content's height on the page where the row starts.
    /// The row's page breaks and PageName apply to its first and last bands. Returns the row's height.
    /// </summary>
    private double AddTallRow(TablixInstance tablix, TablixRowInstance row, double height, double top, double left, string? regionName, List<Band> bands)
    {
        var pageName = row.PageName ?? regionName;
        // A band at the row's top that emits nothing: it carries the row's break before and any KeepTogether block starting here.
        bands.Add(new Band(top, 0, static (_, _, _, _) => { }) { PageName = pageName, BreakBefore = row.BreakBefore });
        double extent = height;
        double x = left + tablix.Left;
        for (int c = 0; c < tablix.ColumnWidths.Length; c++)
        {
            if (row.Cells[c] is { } cell)
            {
                double width = ItemPlacer.SpanWidth(tablix, cell);
                double cellX = x;
                var content = cell.Content;
                double used = content switch
                {
                    _ when cell.IsContinuation => AddCellBand(content, top, cellX, width, height, pageName, bands),
                    RectangleInstance r when IsUndrawn(r.Box) => Math.Max(height, AddItems(r.Items, top, cellX, pageName, bands)),
                    RectangleInstance r => AddSpannedBox(r.Box, r.Items, height, top, cellX, width, pageName, bands),
                    TablixInstance nested => AddItems([nested], top - nested.Top, cellX - nested.Left, pageName, bands) - nested.Top,
                    SubreportInstance subreport => AddItems([subreport], top - subreport.Top, cellX - subreport.Left, pageName, bands) - subreport.Top,
                    TextboxInstance textbox when IsTallerThanPage(textbox, width) && AddTextLines(textbox, top, cellX, width, pageName, bands) is { } lines => lines,
                    _ => AddCellBand(content, top, cellX, width, height, pageName, bands),
                };
                extent = Math.Max(extent, used);
            }
            x += tablix.ColumnWidths[c];
        }
        bands.Add(new Band(top + extent, 0, static (_, _, _, _) => { }) { PageName = pageName, BreakAfter = row.BreakAfter });
        return extent;
    }

    /// <summary>A cell that does not split: its content, as tall as it measures (at most the row), on the page where the row starts.</summary>
    private double AddCellBand(ItemInstance content, double top, double x, double width, double rowHeight, string? pageName, List<Band> bands)
    {
        double height = Math.Min(rowHeight, placer.MeasureHeight(content, width));
        bands.Add(new Band(top, height, (px, py, _, sink) => placer.Emit(content, px + x, py, width, height, PageRegion.Body, sink)) { PageName = pageName });
        return height;
    }
}
