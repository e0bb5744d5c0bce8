using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Turns the processed body into bands in continuous coordinates. An item that grows (a CanGrow textbox, a tablix
/// with more rows than designed) pushes down every item that lies entirely below it, by the largest growth above.
/// Bands carry their item's pagination: explicit breaks, PageName and KeepTogether blocks (see <see cref="Paginator"/>).
/// </summary>
/// <remarks>
/// A textbox taller than a page (<paramref name="pageBodyHeight"/>) becomes one band per line, so it continues on the
/// next page between lines instead of running off the page (SSRS splits such textboxes the same way); the fragments
/// keep its background, side borders and padding, with its top border on the first and bottom border on the last.
/// A drawn rectangle taller than a page likewise continues on the next pages: its items paginate as bands and its box is
/// drawn as one fragment per page (see <see cref="AddTallBox"/>). A tablix row taller than a page whose cell holds a
/// rectangle, a data region, a subreport or a textbox taller than a page continues on the next pages the same way (see
/// <see cref="AddTallRow"/>); such a row is never a repeated header.
/// </remarks>
internal sealed partial class BodyLayout(ItemPlacer placer, double pageBodyHeight = double.PositiveInfinity)
{
    /// <summary>The right edge of the content laid out so far, in body coordinates (a matrix as wide as its column instances).</summary>
    public double Right { get; private set; }

    /// <summary>Tablixes with repeated leading columns (RepeatRowHeaders, FixedData), by name: how many columns each repeats on horizontal pages.</summary>
    public Dictionary<string, int> RepeatedRowHeaders { get; } = new(StringComparer.Ordinal);

    public List<Band> Build(ProcessedReport report)
    {
        var bands = new List<Band>();
        AddItems(report.BodyItems, 0, 0, null, bands);
        return bands;
    }

    /// <summary>Adds the bands of <paramref name="items"/> (siblings in one container at <paramref name="top"/>, <paramref name="left"/>); returns the height they take.</summary>
    private double AddItems(IEnumerable<ItemInstance> items, double top, double left, string? pageName, List<Band> bands)
    {
        var placed = new List<(double DesignBottom, double Growth)>();
        double extent = 0;
        foreach (var item in items.OrderBy(i => i.Top).ThenBy(i => i.Left))
        {
            double push = 0;
            foreach (var (bottom, growth) in placed)
                if (bottom <= item.Top + 0.01) push = Math.Max(push, growth);
            double itemTop = top + item.Top + push;
            int first = bands.Count;
            var name = item.Paging?.PageName ?? pageName;
            double height = item switch
            {
                TablixInstance tablix => AddTablix(tablix, itemTop, left, name, bands),
                RectangleInstance rectangle when IsContainerOnly(rectangle) => AddContainer(rectangle, itemTop, left, name, bands),
                RectangleInstance rectangle when IsTallerThanPage(rectangle) => AddTallBox(rectangle, itemTop, left, name, bands),
                Processing.Subreports.SubreportInstance subreport => AddSubreport(subreport, itemTop, left, name, bands),
                _ => AddSimple(item, itemTop, left, name, bands),
            };
            if (item.Paging is { } paging && bands.Count > first)
            {
                bands[first].BreakBefore = PageBreakMark.Combine(paging.BreakBefore, bands[first].BreakBefore);
                bands[^1].BreakAfter = PageBreakMark.Combine(bands[^1].BreakAfter, paging.BreakAfter);
                if (paging.KeepTogether) bands[first].AddKeepTogether(itemTop + height - bands[first].Y);
            }
            Right = Math.Max(Right, left + item.Left + (item is TablixInstance t ? Math.Max(t.Width, Sum(t.ColumnWidths)) : item.Width));
            placed.Add((item.Top + item.Height, push + height - item.Height));
            extent = Math.Max(extent, item.Top + push + height);
        }
        return extent;
    }

    private static double Sum(System.Collections.Immutable.ImmutableArray<double> widths)
    {
        double sum = 0;
        foreach (var w in widths) sum += w;
        return sum;
    }

    /// <summary>
    /// A rectangle without background or borders only groups its items: its items become bands of their own, so they
    /// paginate (split across pages, break, grow) like body items, and nothing is drawn for it; a drawn rectangle stays one band.
    /// </summary>
    private static bool IsContainerOnly(RectangleInstance rectangle) => rectangle.Items.Length > 0 && IsUndrawn(rectangle.Box);

    private static bool IsUndrawn(Pages.BoxStyle box) =>
        box.Background.IsTransparent && !box.Left.IsVisible && !box.Top.IsVisible && !box.Right.IsVisible && !box.Bottom.IsVisible;

    private double AddContainer(RectangleInstance rectangle, double top, double left, string? pageName, List<Band> bands) =>
        Math.Max(rectangle.Height, AddItems(rectangle.Items, top, left + rectangle.Left, pageName, bands));

    /// <summary>
    /// A drawn rectangle taller than a page: its items become bands of their own, as in a container, and its box a
    /// <see cref="BoxSpan"/> on a band at its top (before the items, so it is drawn under them) that the paginator draws
    /// as one fragment per page, down to a zero-height band at its bottom that carries pagination on to there.
    /// </summary>
    private double AddTallBox(RectangleInstance rectangle, double top, double left, string? pageName, List<Band> bands) =>
        AddSpannedBox(rectangle.Box, rectangle.Items, rectangle.Height, top, left + rectangle.Left, rectangle.Width, pageName, bands);

    /// <summary>
    /// A drawn rectangle (or a cell's rectangle) whose height is at least <paramref name="minHeight"/>: its items as bands at
    /// (<paramref name="x"/>, <paramref name="top"/>), its box as a <see cref="BoxSpan"/> (see <see cref="AddTallBox"/>); returns its height.
    /// </summary>
    private double AddSpannedBox(Pages.BoxStyle box, IEnumerable<ItemInstance> items, double minHeight, double top, double x, double width, string? pageName, List<Band> bands)
    {
        int first = bands.Count;
        double height = Math.Max(minHeight, AddItems(items, top, x, pageName, bands));
        var firstItem = bands.Skip(first).OrderBy(b => b.Y).FirstOrDefault();
        double opening = firstItem is null ? 0 : Math.Min(height, firstItem.Y + firstItem.Height - top);
        var span = new BoxSpan(top + height, (px, py, h, isFirst, isLast, sink) =>
            sink.Add(new RectangleItem(new Bounds(px + x, py, width, h), PageRegion.Body, BoxSpan.Fragment(box, isFirst, isLast))));
        bands.Insert(first, new Band(top, opening, static (_, _, _, _) => { }) { PageName = pageName, Span = span });
        bands.Add(new Band(top + height, 0, static (_, _, _, _) => { }) { PageName = pageName });
        return height;
    }

    /// <summary>
    /// A drawn rectangle taller than a page: designed so, or grown so by a data region or subreport it holds (measured
    /// only then, and only when pages have a height).
    /// </summary>
    private bool IsTallerThanPage(RectangleInstance rectangle) =>
        rectangle.Height > pageBodyHeight
        || (!double.IsPositiveInfinity(pageBodyHeight) && SubreportFlow.Applies(rectangle) && placer.MeasureHeight(rectangle, rectangle.Width) > pageBodyHeight);

    /// <summary>A subreport's body items become bands of their own at the item's position; it takes its body's height or more.</summary>
    private double AddSubreport(Processing.Subreports.SubreportInstance subreport, double top, double left, string? pageName, List<Band> bands) =>
        Math.Max(subreport.BodyHeight, AddItems(subreport.Items, top, left + subreport.Left, pageName, bands));

    /// <summary>The bands of <paramref name="items"/> laid out from (0, 0), for content that flows inside a cell (a subreport); <paramref name="height"/> is their extent.</summary>
    public List<Band> BuildItems(IEnumerable<ItemInstance> items, out double height)
    {
        var bands = new List<Band>();
        height = AddItems(items, 0, 0, null, bands);
        return bands;
    }

    private double AddSimple(ItemInstance item, double top, double left, string? pageName, List<Band> bands)
    {
        double height = placer.MeasureHeight(item, item.Width);
        if (item is TextboxInstance textbox && height > pageBodyHeight && AddTextLines(textbox, top, left + textbox.Left, textbox.Width, pageName, bands) is { } split)
            return split;
        bands.Add(new Band(top, height, (x, y, _, sink) => placer.Emit(item, x + left + item.Left, y, item.Width, height, PageRegion.Body, sink))
        {
            PageName = pageName,
        });
        return height;
    }

    /// <summary>
    /// One band per line of a textbox too tall for a page, <paramref name="width"/> wide at <paramref name="x"/> (its lines
    /// broken once, here: each band places only its own line); null when it has fewer than two lines.
    /// </summary>
    private double? AddTextLines(TextboxInstance textbox, double top, double x, double width, string? pageName, List<Band> bands)
    {
        var measured = placer.Text.Measure(textbox, width);
        if (measured.Lines.Count < 2) return null;
        var rich = measured.RichLines;
        var box = textbox.Style.Box;
        double y = top;
        for (int i = 0; i < measured.Lines.Count; i++)
        {
            bool first = i == 0, last = i == measured.Lines.Count - 1;
            var fragmentBox = box with
            {
                Top = first ? box.Top : Pages.BorderSide.None,
                Bottom = last ? box.Bottom : Pages.BorderSide.None,
                Padding = box.Padding with { Top = first ? box.Padding.Top : 0, Bottom = last ? box.Padding.Bottom : 0 },
            };
            var fragment = textbox with { Style = textbox.Style with { Box = fragmentBox } };
            if (!first) fragment = fragment with { Links = null };
            // Each fragment carries only its own line's runs (writers that keep paragraphs would repeat the whole text).
            if (textbox.Rich is not null) fragment = fragment with { Rich = rich is null ? null : LineText(rich[i]) };
            // A rich-text line is as tall as its tallest run, and takes the spacing before the next paragraph with it.
            var ownHeight = rich is null ? measured.LineHeight : last ? rich[i].Height : rich[i + 1].Top - rich[i].Top;
            var lineHeight = ownHeight + fragmentBox.Padding.Top + fragmentBox.Padding.Bottom;
            var text = measured with
            {
                Instance = fragment,
                Lines = [measured.Lines[i]],
                RichLines = rich is null ? null : [rich[i] with { Top = 0 }],
                ContentHeight = lineHeight,
            };
            bands.Add(new Band(y, lineHeight, (px, py, _, sink) =>
                sink.Add(placer.Text.Place(text, new Bounds(px + x, py, width, lineHeight), PageRegion.Body, null)))
            {
                PageName = pageName,
            });
            y += lineHeight;
        }
        return y - top;
    }

    private static Pages.RichText LineText(RichLine line) =>
        new([new Pages.RichParagraph([.. line.Segments.Select(s => new Pages.RichRun(s.Text, s.Style) { Link = s.Link })]) { Align = line.Align, LeftIndent = line.Indent }]);

    private double AddTablix(TablixInstance tablix, double top, double left, string? regionName, List<Band> bands)
    {
        var owner = new TablixBands(placer, tablix with { Rows = [] }, left);
        double y = top;
        if (tablix.Rows.Count == 0 && tablix.NoRows is { } noRows)
        {
            double h = placer.MeasureHeight(noRows, tablix.Width);
            bands.Add(new Band(y, h, (x, py, _, sink) => placer.Emit(noRows, x + left + tablix.Left, py, tablix.Width, h, PageRegion.Body, sink)) { PageName = regionName });
            return h;
        }
        if (tablix.RepeatedColumns > 0) RepeatedRowHeaders[tablix.Tablix.Name] = tablix.RepeatedColumns;
        var firstLogicalRow = placer.ReserveLogicalRows(tablix.Tablix.Name, tablix.Rows.Count);
        var rowBands = new int[tablix.Rows.Count + 1];
        var rowTops = new double[tablix.Rows.Count + 1];
        bool leadingHeaders = true;
        for (int i = 0; i < tablix.Rows.Count; i++)
        {
            var row = tablix.Rows[i];
            double height = placer.RowHeight(tablix, row);
            rowBands[i] = bands.Count;
            rowTops[i] = y;
            // A header row taller than a page does not repeat (repeated, it would fill every page the tablix continues on
            // and push the rows below the page): it is laid out once, as any row, and splits across pages when it can.
            bool repeats = leadingHeaders && row.RepeatOnNewPage && height <= pageBodyHeight;
            if (height > pageBodyHeight && CanSplit(tablix, row))
            {
                leadingHeaders = false;
                y += AddTallRow(tablix, row, height, y, left, regionName, bands);
                continue;
            }
            var band = new TablixRowBand(y, height, owner, row, firstLogicalRow + i)
            {
                KeepWithNext = row.KeepWithNext,
                BreakBefore = row.BreakBefore,
                BreakAfter = row.BreakAfter,
                PageName = row.PageName ?? regionName,
            };
            if (repeats) owner.RepeatedHeaders.Add(band);
            else leadingHeaders = false;
            bands.Add(band);
            y += height;
        }
        rowTops[tablix.Rows.Count] = y;
        foreach (var (start, count) in tablix.KeepTogetherRanges)
        {
            if (start < 0 || count < 1 || start + count > tablix.Rows.Count) continue;
            bands[rowBands[start]].AddKeepTogether(rowTops[start + count] - rowTops[start]);
        }
        return y - top;
    }
}
