using DocumentFormat.OpenXml.Wordprocessing;
using Renderer.Sandbox.Pages;
using TextItem = Renderer.Sandbox.Pages.TextItem;
using VerticalAlignment = Renderer.Sandbox.Pages.VerticalAlignment;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>
/// A data region's cells on one page as a Word table: rows in page order (repeated headers included, as on the page),
/// one grid column per logical column with its width from the layout, column spans as gridSpan, fills and borders kept.
/// </summary>
internal static class DocxTable
{
    public static Table Build(IReadOnlyList<TextItem> cells)
    {
        var columns = cells.Max(c => c.Cell!.Column + Math.Max(1, c.Cell.ColumnSpan));
        var widths = new double[columns];
        foreach (var cell in cells)
        {
            if (cell.Cell!.ColumnSpan <= 1 && widths[cell.Cell.Column] == 0)
            {
                widths[cell.Cell.Column] = cell.Bounds.Width;
            }
        }

        for (var c = 0; c < columns; c++)
        {
            if (widths[c] <= 0)
            {
                widths[c] = 72;
            }
        }

        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(widths.Sum()).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new TableLayout { Type = TableLayoutValues.Fixed }));
        var grid = new TableGrid();
        foreach (var width in widths)
        {
            grid.Append(new GridColumn { Width = Twips(width).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        var rows = cells.GroupBy(c => (c.Cell!.Row, c.Cell.IsRepeat, Math.Round(c.Bounds.Y, 1)))
            .OrderBy(g => g.Key.Item3);
        foreach (var row in rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new TableRowHeight { Val = (uint)Twips(row.Max(c => c.Bounds.Height)), HeightType = HeightRuleValues.AtLeast }));
            var byColumn = row.GroupBy(c => c.Cell!.Column).ToDictionary(g => g.Key, g => g.First());
            for (var c = 0; c < columns;)
            {
                if (byColumn.TryGetValue(c, out var item))
                {
                    var span = Math.Clamp(item.Cell!.ColumnSpan, 1, columns - c);
                    tableRow.Append(Cell(item, widths.Skip(c).Take(span).Sum(), span));
                    c += span;
                }
                else
                {
                    tableRow.Append(new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(widths[c]).ToString(System.Globalization.CultureInfo.InvariantCulture) }), new Paragraph(DocxText.CompactSpacing())));
                    c++;
                }
            }

            table.Append(tableRow);
        }

        return table;
    }

    private static TableCell Cell(TextItem item, double width, int span)
    {
        // Child order follows CT_TcPr: tcW, gridSpan, tcBorders, shd, vAlign.
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(width).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        var box = item.Box;
        if (box.Top.IsVisible || box.Left.IsVisible || box.Bottom.IsVisible || box.Right.IsVisible)
        {
            properties.Append(new TableCellBorders(
                Border<TopBorder>(box.Top),
                Border<LeftBorder>(box.Left),
                Border<BottomBorder>(box.Bottom),
                Border<RightBorder>(box.Right)));
        }

        if (!box.Background.IsTransparent)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = box.Background.ToHex() });
        }

        properties.Append(new TableCellVerticalAlignment
        {
            Val = item.Style.VerticalAlign switch
            {
                VerticalAlignment.Middle => TableVerticalAlignmentValues.Center,
                VerticalAlignment.Bottom => TableVerticalAlignmentValues.Bottom,
                _ => TableVerticalAlignmentValues.Top,
            },
        });
        return new TableCell(properties, DocxText.Paragraph(item));
    }

    private static T Border<T>(BorderSide side)
        where T : BorderType, new()
    {
        if (!side.IsVisible)
        {
            return new T { Val = BorderValues.Nil };
        }

        return new T
        {
            Val = side.Style switch
            {
                Pages.BorderStyle.Dashed => BorderValues.Dashed,
                Pages.BorderStyle.Dotted => BorderValues.Dotted,
                Pages.BorderStyle.Double => BorderValues.Double,
                _ => BorderValues.Single,
            },
            Color = side.Color.ToHex(),

            // Eighths of a point, 2..96.
            Size = (uint)Math.Clamp(Math.Round(side.Width * 8), 2, 96),
            Space = 0U,
        };
    }

    private static int Twips(double points) => (int)Math.Round(points * 20);
}
