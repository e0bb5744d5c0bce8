using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Corpus.Tests.Exports;

/// <summary>A written workbook read back as a user sees it: per sheet, cells by reference with their typed values.</summary>
internal sealed class XlsxWorkbook
{
    public XlsxWorkbook(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0).ToList() ?? [];
        var codes = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var cells = new List<XlsxCell>();
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var raw = cell.CellValue?.Text;
                var type = cell.DataType?.Value;
                object? value = type == CellValues.SharedString && raw is not null ? shared[int.Parse(raw, CultureInfo.InvariantCulture)]
                    : type == CellValues.InlineString ? cell.InlineString?.InnerText
                    : type == CellValues.Boolean ? raw == "1"
                    : type == CellValues.String ? raw
                    : raw is null ? null
                    : double.Parse(raw, CultureInfo.InvariantCulture);
                var formatId = cell.StyleIndex is { } style && style.Value < formats.Count ? formats[(int)style.Value] : 0u;
                var code = formatId == 0 ? null : codes.GetValueOrDefault(formatId, $"builtin:{formatId}");
                cells.Add(new XlsxCell(sheet.Name!.Value!, cell.CellReference!.Value!, value, code));
            }
            Sheets.Add(sheet.Name!.Value!);
            Cells.AddRange(cells);
        }
    }

    public List<string> Sheets { get; } = [];

    public List<XlsxCell> Cells { get; } = [];

    public IEnumerable<double> Numbers => Cells.Select(c => c.Value).OfType<double>();

    public IEnumerable<string> Texts => Cells.Select(c => c.Value).OfType<string>();

    /// <summary>The first cell whose text is <paramref name="text"/>.</summary>
    public XlsxCell Find(string text) =>
        Cells.FirstOrDefault(c => c.Value is string s && s.Trim() == text) ?? throw new AssertionException($"No cell shows '{text}'.");

    /// <summary>The cells of one row, left to right, that hold a value.</summary>
    public IReadOnlyList<XlsxCell> Row(int row) =>
        [.. Cells.Where(c => c.Row == row && c.Value is not null && c.Value is not "").OrderBy(c => c.Column.Length).ThenBy(c => c.Column, StringComparer.Ordinal)];

    /// <summary>The cell in the same row as <paramref name="anchor"/> and the same column as <paramref name="header"/>.</summary>
    public XlsxCell? At(XlsxCell header, XlsxCell anchor) =>
        Cells.FirstOrDefault(c => c.Row == anchor.Row && c.Column == header.Column);
}

internal sealed record XlsxCell(string Sheet, string Reference, object? Value, string? FormatCode)
{
    public string Column => new([.. Reference.TakeWhile(char.IsLetter)]);

    public int Row => int.Parse(Reference[Column.Length..], CultureInfo.InvariantCulture);

    public double Number => Value as double? ?? throw new AssertionException($"{this} is not a number cell.");

    public override string ToString() => $"{Sheet}!{Reference}={Value}";
}
