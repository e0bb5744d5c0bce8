using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Host.Tests.Infrastructure;
using Renderer.Host.Tests.Expressions.Scopes;
using Renderer.Sandbox;
using Renderer.Sandbox.Pages;
using static Renderer.Host.Tests.Expressions.Scopes.RdlKit;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// The page header at the top of each worksheet follows SSRS's Excel semantics (issue 19 item 7): a sheet is one page, so
/// Globals!PageNumber and TotalPages count sheets, and ReportItems in the header (First, Last, Sum over them) read the
/// items of the whole sheet, not of the sheet's first printed page. Two regions, a page break between them, each region
/// about two printed pages long: two sheets of two pages each. Real VB compiler, in process; cells read back typed.
/// </summary>
[SetCulture("en-US")]
public sealed class XlsxSheetHeaderTests
{
    private const int RowsPerRegion = 80;

    private static readonly string Header = $"""
        <PageHeader><Height>2cm</Height><PrintOnFirstPage>true</PrintOnFirstPage><PrintOnLastPage>true</PrintOnLastPage><ReportItems>
          {HeaderBox("Range", "=\"Products \" & First(ReportItems!Product.Value) & \" to \" & Last(ReportItems!Product.Value)", 0, 0)}
          {HeaderBox("SheetTotal", "=Sum(ReportItems!Amount.Value)", 0, 9)}
          {HeaderBox("PageOf", "=\"Page \" & Globals!PageNumber & \" of \" & Globals!TotalPages", 1, 0)}
          {HeaderBox("ToGo", "=Globals!TotalPages - Globals!PageNumber", 1, 9)}
        </ReportItems></PageHeader>
        """;

    [Test]
    public async Task Each_sheet_header_reads_the_items_of_its_whole_sheet_and_counts_sheets()
    {
        var sheets = Read(await RenderXlsxAsync());

        Assert.That(sheets.Select(s => s.Name), Is.EqualTo(new[] { "East", "West" }));
        AssertHeader(sheets[0], "Products E001 to E080", Sum(1, RowsPerRegion), "Page 1 of 2", 1);
        AssertHeader(sheets[1], "Products W001 to W080", 2 * RowsPerRegion, "Page 2 of 2", 0);
    }

    [Test]
    public void A_streamed_document_gives_each_sheet_the_same_header_as_a_held_one()
    {
        var document = Paginate();
        Assert.That(document.PageCount, Is.EqualTo(4), "each region prints on two pages");
        var streamedDocument = Paginate(streamed: true);
        Assert.That(streamedDocument.IsStreamed, Is.True);

        var held = Read(Write(document));
        var streamed = Read(Write(streamedDocument));

        Assert.That(streamed.Select(s => s.Rows[0]), Is.EqualTo(held.Select(s => s.Rows[0])));
        Assert.That(streamed.Select(s => s.Rows[1]), Is.EqualTo(held.Select(s => s.Rows[1])));
        AssertHeader(streamed[1], "Products W001 to W080", 2 * RowsPerRegion, "Page 2 of 2", 0);
    }

    [Test]
    public async Task A_one_sheet_report_shows_page_1_of_1_over_all_its_printed_pages()
    {
        var sheets = Read(await RenderXlsxAsync(pageBreak: false));

        var sheet = sheets.Single();
        AssertHeader(sheet, "Products E001 to W080", Sum(1, RowsPerRegion) + (2 * RowsPerRegion), "Page 1 of 1", 0);
        Assert.That(sheet.Rows.SelectMany(r => r).Count(c => c.Text.StartsWith("Page ", StringComparison.Ordinal)), Is.EqualTo(1), "the header once, at the top");
    }

    private static void AssertHeader(SheetText sheet, string range, double total, string pageOf, double toGo)
    {
        Assert.That(sheet.Rows[0], Is.EqualTo(new[] { new CellText(range, false), new CellText(Number(total), true) }), $"{sheet.Name}: first header row");
        Assert.That(sheet.Rows[1], Is.EqualTo(new[] { new CellText(pageOf, false), new CellText(Number(toGo), true) }), $"{sheet.Name}: second header row");
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Sum(int from, int to) => Enumerable.Range(from, to - from + 1).Sum();

    private static string HeaderBox(string name, string value, double top, double left) =>
        $"<Textbox Name=\"{name}\"><Paragraphs><Paragraph><TextRuns><TextRun><Value>{X(value)}</Value></TextRun></TextRuns></Paragraph></Paragraphs>"
        + $"<Top>{top}cm</Top><Left>{left}cm</Left><Height>0.8cm</Height><Width>{(left == 0 ? 9 : 6)}cm</Width></Textbox>";

    private static string Rdl(bool pageBreak)
    {
        var breakBetween = pageBreak ? "<PageBreak><BreakLocation>Between</BreakLocation></PageBreak><PageName>=Fields!Region.Value</PageName>" : "";
        var table = Tablix(
            "Sales",
            "Items",
            2,
            [Row(("Product", "=Fields!Product.Value"), ("Amount", "=Fields!Amount.Value"))],
            Group("Region", "=Fields!Region.Value", Details(), extra: breakBetween),
            top: 0);
        return Report(DataSet("Items", "Region", "Product", "Amount"), table)
            .Replace("<PageHeight>", Header + "<PageHeight>", StringComparison.Ordinal);
    }

    private static InMemoryData Data()
    {
        var rows = new List<object?[]>();
        for (var i = 1; i <= RowsPerRegion; i++) rows.Add(["East", $"E{i:000}", (double)i]);
        for (var i = 1; i <= RowsPerRegion; i++) rows.Add(["West", $"W{i:000}", 2.0]);
        return new InMemoryData().Add("Items", ["Region", "Product", "Amount"], [.. rows]);
    }

    private static RenderInput Input(bool pageBreak)
    {
        var bytes = Encoding.UTF8.GetBytes(Rdl(pageBreak));
        var read = RdlReader.Read(bytes, "Test.rdl");
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        var compiled = ExpressionCompiler.Compile(read.Report!, "Test.rdl");
        Assert.That(compiled.Success, Is.True, () => string.Join("\n", compiled.Diagnostics));
        return new RenderInput("Sheets", "Test.rdl", bytes, compiled.AssemblyImage, "xlsx", new Dictionary<string, object?[]>(), new DateTime(2024, 5, 6), @"CONTOSO\alice");
    }

    private static async Task<byte[]> RenderXlsxAsync(bool pageBreak = true)
    {
        var output = await OfficeOutputCheck.RenderAsync(Input(pageBreak), Data());
        Assert.That(output.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        return output.Content;
    }

    private static PaginatedDocument Paginate(bool streamed = false)
    {
        var diagnostics = new DiagnosticBag();
        var document = RenderEngine.Paginate(Input(pageBreak: true), Data(), diagnostics, CancellationToken.None, streamed: streamed);
        Assert.That(document, Is.Not.Null, () => string.Join("\n", diagnostics.ToImmutable()));
        return document!;
    }

    private static byte[] Write(PaginatedDocument document) => OfficeOutputCheck.Xlsx(document);

    private readonly record struct CellText(string Text, bool IsNumber);

    private sealed record SheetText(string Name, List<List<CellText>> Rows);

    /// <summary>Each sheet's non-empty rows, cells as a user sees them (shared strings resolved, numbers kept apart).</summary>
    private static List<SheetText> Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var book = SpreadsheetDocument.Open(stream, false);
        var strings = book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new List<SheetText>();
        foreach (var sheet in book.WorkbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!.Value!);
            var rows = part.Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Where(c => c.CellValue is not null || c.InlineString is not null).Select(c => Cell(c, strings)).ToList())
                .Where(r => r.Count > 0)
                .ToList();
            result.Add(new SheetText(sheet.Name!.Value!, rows));
        }

        return result;
    }

    private static CellText Cell(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString && raw is not null) return new CellText(strings[int.Parse(raw, CultureInfo.InvariantCulture)], false);
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number) return new CellText(raw ?? string.Empty, true);
        return new CellText(cell.InlineString?.InnerText ?? raw ?? string.Empty, false);
    }
}
