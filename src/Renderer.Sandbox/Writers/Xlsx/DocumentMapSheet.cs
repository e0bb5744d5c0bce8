using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// The document map as a worksheet, like SSRS's Excel export: one row per entry, the label indented one column per
/// level, each label a link to the cell its item landed in (entries whose item was not written stay plain text).
/// </summary>
internal static class DocumentMapSheet
{
    private const double ColumnWidthCharacters = 4;
    private const double LastColumnWidthCharacters = 60;
    private const double RowHeight = 15;

    public static void Write(
        IReadOnlyList<DocumentMapEntry> entries,
        IReadOnlyDictionary<string, string> targets,
        Stream part,
        StylesheetBuilder styles,
        SharedStrings sharedStrings)
    {
        var columns = Math.Min(SheetGrid.MaxColumns, entries.Max(e => Math.Max(0, e.Level)) + 1);
        var widths = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            widths[c] = c == columns - 1 ? LastColumnWidthCharacters : ColumnWidthCharacters;
        }

        var linkStyle = styles.GetStyleIndex(TextStyle.Default with { Underline = true, Color = new Rgba(0x05, 0x63, 0xC1) }, BoxStyle.None, null, false);
        var links = new List<SheetHyperlink>();
        using var sheet = new WorksheetWriter(part, sharedStrings, columns);
        var rows = Math.Min(entries.Count, WorksheetWriter.MaxRows);
        sheet.WriteStart(rows, widths);
        var cells = new XlsxCell[columns];
        for (var r = 0; r < rows; r++)
        {
            var entry = entries[r];
            var column = Math.Clamp(entry.Level, 0, columns - 1);
            Array.Clear(cells);
            var linked = targets.TryGetValue(entry.Id, out var location);
            cells[column] = new XlsxCell
            {
                Value = ExcelCellValue.FromText(entry.Label),
                Style = linked ? linkStyle : 0,
                Occupancy = CellOccupancy.Anchor,
            };
            sheet.WriteRow(r + 1, RowHeight, cells);
            if (linked)
            {
                links.Add(new SheetHyperlink(r, column, null, location, entry.Label));
            }
        }

        sheet.WriteEnd([], links);
    }
}
