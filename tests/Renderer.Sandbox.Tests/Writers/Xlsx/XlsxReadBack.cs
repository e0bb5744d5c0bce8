using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Tests.Writers.Xlsx;

/// <summary>Reads a written workbook back the way a user (or Excel) would see it.</summary>
internal sealed class XlsxReadBack : IDisposable
{
    private readonly MemoryStream _stream;

    public XlsxReadBack(byte[] bytes)
    {
        _stream = new MemoryStream(bytes);
        Document = SpreadsheetDocument.Open(_stream, false);
        WorkbookPart = Document.WorkbookPart!;
        Sheet = WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single();
        WorksheetPart = (WorksheetPart)WorkbookPart.GetPartById(Sheet.Id!.Value!);
    }

    public SpreadsheetDocument Document { get; }

    public WorkbookPart WorkbookPart { get; }

    public Sheet Sheet { get; }

    public WorksheetPart WorksheetPart { get; }

    public Worksheet Worksheet => WorksheetPart.Worksheet;

    public IReadOnlyList<Row> Rows => Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

    /// <summary>The workbook of <paramref name="document"/> (validated, see <see cref="OfficeOutput"/>), read back.</summary>
    public static XlsxReadBack Write(PaginatedDocument document) => new(OfficeOutput.Xlsx(document));

    public Cell? GetCell(string reference)
        => Worksheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);

    /// <summary>The text a user sees for a string cell (resolving the shared string table), or the raw value.</summary>
    public string? GetText(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString && raw is not null)
        {
            return WorkbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(raw)).InnerText;
        }

        return cell.InlineString?.InnerText ?? raw;
    }

    public IEnumerable<string> AllTexts()
        => Worksheet.Descendants<Cell>().Select(GetText).OfType<string>();

    public CellFormat GetCellFormat(Cell cell)
        => WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    /// <summary>The number format code of a cell (custom or built-in), or null for General.</summary>
    public string? GetFormatCode(Cell cell)
    {
        var id = GetCellFormat(cell).NumberFormatId?.Value ?? 0;
        if (id == 0)
        {
            return null;
        }

        var custom = WorkbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .FirstOrDefault(f => f.NumberFormatId?.Value == id);
        return custom?.FormatCode?.Value ?? ExcelNumberFormat.GetBuiltInCode(id);
    }

    public Font GetFont(Cell cell)
        => WorkbookPart.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)(GetCellFormat(cell).FontId?.Value ?? 0));

    public Fill GetFill(Cell cell)
        => WorkbookPart.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ElementAt((int)(GetCellFormat(cell).FillId?.Value ?? 0));

    public Border GetBorder(Cell cell)
        => WorkbookPart.WorkbookStylesPart!.Stylesheet.Borders!.Elements<Border>().ElementAt((int)(GetCellFormat(cell).BorderId?.Value ?? 0));

    public IReadOnlyList<string> MergedRanges
        => Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();

    /// <summary>Open XML SDK validation errors, formatted for a failure message.</summary>
    public IReadOnlyList<string> ValidationErrors()
        => new OpenXmlValidator().Validate(Document)
            .Select(e => $"{e.ErrorType} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

    public void Dispose()
    {
        Document.Dispose();
        _stream.Dispose();
    }
}
