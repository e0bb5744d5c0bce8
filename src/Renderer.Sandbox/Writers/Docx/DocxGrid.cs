using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Renderer.Sandbox.Pages;
using BorderStyle = Renderer.Sandbox.Pages.BorderStyle;
using PageItem = Renderer.Sandbox.Pages.PageItem;
using TextItem = Renderer.Sandbox.Pages.TextItem;
using VerticalAlignment = Renderer.Sandbox.Pages.VerticalAlignment;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>
/// Items that share vertical space as one Word table, as SSRS's Word renderer lays them out: every distinct left and right
/// edge is a column boundary and every top and bottom edge a row boundary (in twips, edges closer than
/// <see cref="MinGapTwips"/> merged); each text, image or chart takes the cells it covers (merged across columns and
/// rows), rectangles and boxes paint their fill and borders onto the cells they cover, rows have the exact height of the
/// page. So labels side by side stay side by side, with their borders and widths.
/// </summary>
internal static class DocxGrid
{
    /// <summary>Word's limit of table columns.</summary>
    public const int MaxColumns = 63;

    private const int MinGapTwips = 15;

    /// <summary>
    /// The table of <paramref name="items"/> (page coordinates), indented from <paramref name="leftMargin"/> (points) and
    /// starting at <paramref name="topTwips"/> (items above it are cut to it). <paramref name="fields"/> maps a text item to
    /// its text with page-number fields (running headers and footers), or gives null.
    /// </summary>
    public static Table Build(IReadOnlyList<PageItem> items, double leftMargin, int topTwips, DocxPictures pictures, Func<TextItem, string?>? fields = null, int? bottomTwips = null)
    {
        var columnEdges = Edges(items.SelectMany(i => new[] { Twips(i.Bounds.X), Twips(i.Bounds.Right) }), MinGapTwips);
        for (var gap = MinGapTwips * 2; columnEdges.Length - 1 > MaxColumns; gap *= 2)
        {
            columnEdges = Edges(items.SelectMany(i => new[] { Twips(i.Bounds.X), Twips(i.Bounds.Right) }), gap);
        }

        var rowEdges = Edges(items.SelectMany(i => new[] { Math.Max(topTwips, Twips(i.Bounds.Y)), Math.Max(topTwips, Twips(i.Bounds.Bottom)) }).Append(topTwips).Concat(bottomTwips is { } bottom && bottom > topTwips ? [bottom] : []), MinGapTwips);
        if (columnEdges.Length < 2) columnEdges = [columnEdges.Length == 0 ? 0 : columnEdges[0], (columnEdges.Length == 0 ? 0 : columnEdges[0]) + 20];
        if (rowEdges.Length < 2) rowEdges = [rowEdges[0], rowEdges[0] + MinGapTwips];
        var grid = new CellGrid(rowEdges.Length - 1, columnEdges.Length - 1);

        // Decorations first (rectangles, then the boxes of the items), so content can take its cells.
        foreach (var item in items)
        {
            if (item is RectangleItem rectangle)
            {
                grid.Paint(Span(rectangle.Bounds, rowEdges, columnEdges, topTwips), rectangle.Box);
            }
        }

        var placed = new List<(PageItem Item, CellSpan Span)>();
        foreach (var item in items)
        {
            if (item is RectangleItem or LineItem) continue;
            var span = Span(item.Bounds, rowEdges, columnEdges, topTwips);
            if (!grid.IsFree(span)) continue;
            grid.Take(span, placed.Count);
            placed.Add((item, span));
            if (item is TextItem text) grid.Paint(span, text.Box);
        }

        foreach (var item in items)
        {
            if (item is LineItem line && line.Stroke.IsVisible) grid.Line(line, rowEdges, columnEdges);
        }

        return Emit(grid, placed, rowEdges, columnEdges, Twips(leftMargin), pictures, fields);
    }

    private static Table Emit(CellGrid grid, List<(PageItem Item, CellSpan Span)> placed, int[] rowEdges, int[] columnEdges, int leftMargin, DocxPictures pictures, Func<TextItem, string?>? fields)
    {
        var width = columnEdges[^1] - columnEdges[0];
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Text(width) },
            new TableIndentation { Type = TableWidthUnitValues.Dxa, Width = columnEdges[0] - leftMargin },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Type = TableWidthUnitValues.Dxa, Width = "0" },
                new TableCellLeftMargin { Type = TableWidthValues.Dxa, Width = 0 },
                new BottomMargin { Type = TableWidthUnitValues.Dxa, Width = "0" },
                new TableCellRightMargin { Type = TableWidthValues.Dxa, Width = 0 })));
        var tableGrid = new TableGrid();
        for (var c = 0; c + 1 < columnEdges.Length; c++)
        {
            tableGrid.Append(new GridColumn { Width = Text(columnEdges[c + 1] - columnEdges[c]) });
        }

        table.Append(tableGrid);
        for (var r = 0; r < grid.Rows; r++)
        {
            var height = Math.Max(1, rowEdges[r + 1] - rowEdges[r] - grid.BorderAllowance(r));
            var row = new TableRow(new TableRowProperties(
                new CantSplit(),
                new TableRowHeight { Val = (uint)height, HeightType = HeightRuleValues.Exact }));
            for (var c = 0; c < grid.Columns;)
            {
                var owner = grid.Owner(r, c);
                if (owner >= 0)
                {
                    var (item, span) = placed[owner];
                    var cellWidth = columnEdges[span.LastColumn + 1] - columnEdges[span.FirstColumn];
                    var properties = CellProperties(grid, r, span.FirstColumn, span.LastColumn, cellWidth, span.FirstRow == span.LastRow ? null : r == span.FirstRow);
                    if (r == span.FirstRow)
                    {
                        row.Append(Content(item, properties, pictures, fields));
                    }
                    else
                    {
                        row.Append(new TableCell(properties, new Paragraph(DocxText.CompactSpacing())));
                    }

                    c = span.LastColumn + 1;
                    continue;
                }

                // Runs of empty, undecorated cells become one.
                var last = c;
                if (grid.IsPlain(r, c))
                {
                    while (last + 1 < grid.Columns && grid.Owner(r, last + 1) < 0 && grid.IsPlain(r, last + 1)) last++;
                }

                row.Append(new TableCell(CellProperties(grid, r, c, last, columnEdges[last + 1] - columnEdges[c], null), new Paragraph(DocxText.CompactSpacing())));
                c = last + 1;
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell Content(PageItem item, TableCellProperties properties, DocxPictures pictures, Func<TextItem, string?>? fields)
    {
        switch (item)
        {
            case TextItem text:
                var padding = text.Box.Padding;
                properties.InsertBefore(
                    new TableCellMargin(
                        new TopMargin { Type = TableWidthUnitValues.Dxa, Width = Text(Twips(padding.Top)) },
                        new LeftMargin { Type = TableWidthUnitValues.Dxa, Width = Text(Twips(padding.Left)) },
                        new BottomMargin { Type = TableWidthUnitValues.Dxa, Width = Text(Twips(padding.Bottom)) },
                        new RightMargin { Type = TableWidthUnitValues.Dxa, Width = Text(Twips(padding.Right)) }),
                    properties.GetFirstChild<TableCellVerticalAlignment>());
                properties.GetFirstChild<TableCellVerticalAlignment>()!.Val = text.Style.VerticalAlign switch
                {
                    VerticalAlignment.Middle => TableVerticalAlignmentValues.Center,
                    VerticalAlignment.Bottom => TableVerticalAlignmentValues.Bottom,
                    _ => TableVerticalAlignmentValues.Top,
                };
                if (text.Rich is { Paragraphs.Length: > 0 } rich)
                {
                    return new TableCell([properties, .. DocxText.RichParagraphs(text, rich, pictures.Link)]);
                }

                var marked = fields?.Invoke(text);
                var paragraph = DocxText.Paragraph(text, marked);
                if (marked is null && pictures.Link(text.Hyperlink) is { } link) DocxText.Link(paragraph, link);
                return new TableCell(properties, paragraph);
            case ImageItem image when OfficeImage.From(image) is { } picture:
                return new TableCell(properties, PictureParagraph(pictures.Add(picture), picture.Target, image.Bounds));
            case ChartItem chart when pictures.Add(chart) is { } run:
                return new TableCell(properties, new Paragraph(DocxText.CompactSpacing(), run));
            default:
                return new TableCell(properties, new Paragraph(DocxText.CompactSpacing()));
        }
    }

    /// <summary>A picture placed in its cell where the PDF draws it: indented and spaced from the cell's top-left corner.</summary>
    private static Paragraph PictureParagraph(Run run, Bounds target, Bounds cell)
    {
        var spacing = new SpacingBetweenLines { Before = Text(Math.Max(0, Twips(target.Y - cell.Y))), After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto };
        var properties = new ParagraphProperties(spacing);
        var indent = Twips(target.X - cell.X);
        if (indent > 0) properties.Append(new Indentation { Left = Text(indent) });
        return new Paragraph(properties, run);
    }

    /// <summary>Cell properties in CT_TcPr order: tcW, gridSpan, vMerge, tcBorders, shd, (tcMar), vAlign.</summary>
    private static TableCellProperties CellProperties(CellGrid grid, int row, int first, int last, int width, bool? mergeStart)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Text(width) });
        if (last > first) properties.Append(new GridSpan { Val = last - first + 1 });
        if (mergeStart is { } start) properties.Append(new VerticalMerge { Val = start ? MergedCellValues.Restart : MergedCellValues.Continue });
        var top = grid.Border(row, first, Side.Top);
        var left = grid.Border(row, first, Side.Left);
        var bottom = grid.Border(row, first, Side.Bottom);
        var right = grid.Border(row, last, Side.Right);
        if (top.IsVisible || left.IsVisible || bottom.IsVisible || right.IsVisible)
        {
            properties.Append(new TableCellBorders(Border<TopBorder>(top), Border<LeftBorder>(left), Border<BottomBorder>(bottom), Border<RightBorder>(right)));
        }

        if (grid.Fill(row, first) is { IsTransparent: false } fill)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill.ToHex() });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Top });
        return properties;
    }

    private static T Border<T>(BorderSide side)
        where T : BorderType, new()
    {
        if (!side.IsVisible) return new T { Val = BorderValues.Nil };
        return new T
        {
            Val = side.Style switch
            {
                BorderStyle.Dashed => BorderValues.Dashed,
                BorderStyle.Dotted => BorderValues.Dotted,
                BorderStyle.Double => BorderValues.Double,
                _ => BorderValues.Single,
            },
            Color = side.Color.ToHex(),
            Size = (uint)Math.Clamp(Math.Round(side.Width * 8), 2, 96), // eighths of a point, 2..96
            Space = 0U,
        };
    }

    /// <summary>Sorted distinct edges, each at least <paramref name="gap"/> twips after the previous.</summary>
    private static int[] Edges(IEnumerable<int> values, int gap)
    {
        var sorted = values.Distinct().Order().ToList();
        var edges = new List<int>(sorted.Count);
        foreach (var value in sorted)
        {
            if (edges.Count == 0 || value - edges[^1] >= gap) edges.Add(value);
        }

        return [.. edges];
    }

    private static CellSpan Span(Bounds bounds, int[] rowEdges, int[] columnEdges, int topTwips)
    {
        var firstRow = Nearest(rowEdges, Math.Max(topTwips, Twips(bounds.Y)));
        var lastRow = Math.Max(firstRow, Nearest(rowEdges, Math.Max(topTwips, Twips(bounds.Bottom))) - 1);
        var firstColumn = Nearest(columnEdges, Twips(bounds.X));
        var lastColumn = Math.Max(firstColumn, Nearest(columnEdges, Twips(bounds.Right)) - 1);
        return new CellSpan(
            Math.Min(firstRow, rowEdges.Length - 2),
            Math.Min(lastRow, rowEdges.Length - 2),
            Math.Min(firstColumn, columnEdges.Length - 2),
            Math.Min(lastColumn, columnEdges.Length - 2));
    }

    /// <summary>The index of the edge nearest <paramref name="value"/>.</summary>
    internal static int Nearest(int[] edges, int value)
    {
        var index = Array.BinarySearch(edges, value);
        if (index >= 0) return index;
        index = ~index;
        if (index == 0) return 0;
        if (index == edges.Length) return edges.Length - 1;
        return value - edges[index - 1] <= edges[index] - value ? index - 1 : index;
    }

    internal static int Twips(double points) => (int)Math.Round(points * 20);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
