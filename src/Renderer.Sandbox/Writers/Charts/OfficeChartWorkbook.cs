using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Charts;

/// <summary>
/// The small workbook a Word chart embeds as its data (what Word's "Edit Data" opens): sheet <c>Sheet1</c> with the
/// categories in column A from row 2 and one column per series from B, its name in row 1, as Word lays out the data of
/// a chart it creates. The chart's series refer to these cells (<see cref="OfficeChartXml"/> with sheet references).
/// </summary>
internal static class OfficeChartWorkbook
{
    public const string SheetName = "Sheet1";
    public static readonly string ContentType = Renderer.Contracts.Formats.OutputFormats.Xlsx.MimeType;
    public const string RelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package";

    /// <summary>True when the chart's data fits the category-by-series layout (not a scatter, at least one category).</summary>
    public static bool Fits(NativeChart chart) => chart.Kind != NativeChartKind.Scatter && chart.Categories.Length > 0;

    /// <summary>Where <see cref="Build"/> puts the chart's data: the names in row 1, the categories and values from row 2.</summary>
    public static OfficeChartRanges Ranges(NativeChart chart) => OfficeChartRanges.Block(SheetName, 1, chart);

    public static byte[] Build(NativeChart chart)
    {
        using var stream = new MemoryStream();
        using (var book = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = book.AddWorkbookPart();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var header = new Row { RowIndex = 1U };
            header.Append(Text("A1", string.Empty));
            for (var s = 0; s < chart.Series.Length; s++) header.Append(Text(Column(s + 1) + "1", chart.Series[s].Name));
            data.Append(header);
            for (var c = 0; c < chart.Categories.Length; c++)
            {
                var number = (uint)(c + 2);
                var row = new Row { RowIndex = number };
                row.Append(Text("A" + number, chart.Categories[c]));
                for (var s = 0; s < chart.Series.Length; s++)
                {
                    if (c < chart.Series[s].Values.Length && chart.Series[s].Values[c] is { } value && double.IsFinite(value))
                        row.Append(new Cell(new CellValue(value)) { CellReference = Column(s + 1) + number });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = SheetName, SheetId = 1U, Id = workbook.GetIdOfPart(sheetPart) }));
        }

        return stream.ToArray();
    }

    /// <summary>The column letters of 0-based column <paramref name="index"/> (0 is A, 26 is AA).</summary>
    public static string Column(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + ((n - 1) % 26)) + letters;
        return letters;
    }

    private static Cell Text(string reference, string text) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString };
}
