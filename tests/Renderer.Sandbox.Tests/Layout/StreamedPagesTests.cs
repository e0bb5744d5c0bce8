using System.Globalization;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Tests.Writers;
using Renderer.Sandbox.Tests.Writers.Pdf;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Page = Renderer.Sandbox.Pages.Page;
using Renderer.Sandbox.Writers.Xlsx;
using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>
/// The sandbox renders from a streamed document (pages composed one at a time while the writer runs, see
/// <see cref="Renderer.Sandbox.Layout.PageComposer"/>). Its output must equal what the same pages, all held, give.
/// </summary>
public sealed class StreamedPagesTests
{
    private const string Numbers = "=Globals!PageNumber & \"/\" & Globals!TotalPages & \" \" & Globals!OverallPageNumber & \"/\" & Globals!OverallTotalPages";

    /// <summary>5,000 rows in 5 regions, a page break between regions (a sheet each), page names and "page x of y" footers.</summary>
    private static LayoutRun Render5000() => LayoutRun.Render(
        Report(Table(groupExtra: PageBreak("Between") + "<PageName>=\"Region \" &amp; Fields!Region.Value</PageName>"),
            header: Textbox("Name", "=Globals!PageName"), footer: Textbox("Numbers", Numbers)),
        PagingRdl.Columns, Rows([1000, 1000, 1000, 1000, 1000]));

    [Test]
    public void A_streamed_document_knows_its_page_count_and_pages_without_holding_them()
    {
        var run = Render5000();
        var streamed = run.Streamed;

        Assert.That(streamed.IsStreamed, Is.True);
        Assert.That(streamed.PageCount, Is.EqualTo(run.Pages.Length));
        Assert.That(run.Pages.Length, Is.GreaterThan(300), "15 rows a page");
        Assert.That(Enumerable.Range(0, streamed.PageCount).Select(i => (streamed.DescribePage(i).Name, streamed.DescribePage(i).StartsSection)),
            Is.EqualTo(run.Pages.Select(p => (p.Name, p.StartsSection))));
        Assert.That(streamed.EnumeratePages().Select(Describe), Is.EqualTo(run.Pages.Select(Describe)), "every item, page by page");
        Assert.That(streamed.EnumeratePages().Select(Describe), Is.EqualTo(run.Pages.Select(Describe)), "composing again gives the same pages");
    }

    [Test]
    public void Every_footer_has_its_page_number_and_the_total_of_its_section_and_report()
    {
        var run = Render5000();
        var streamed = run.Streamed;
        var footers = streamed.EnumeratePages()
            .Select(p => p.Items.OfType<TextItem>().Single(t => t.Name == "Numbers").Text).ToArray();
        var names = streamed.EnumeratePages()
            .Select(p => p.Items.OfType<TextItem>().Single(t => t.Name == "Name").Text).ToArray();

        int total = streamed.PageCount;
        Assert.That(footers, Has.Length.EqualTo(total));
        for (int i = 0; i < total; i++)
            Assert.That(footers[i], Does.EndWith(string.Create(CultureInfo.InvariantCulture, $" {i + 1}/{total}")), $"page {i + 1}");
        // Without ResetPageNumber, PageNumber/TotalPages run through the whole report too.
        Assert.That(footers[^1], Is.EqualTo($"{total}/{total} {total}/{total}"));
        Assert.That(names.Distinct(), Is.EqualTo(new[] { "Region A", "Region B", "Region C", "Region D", "Region E" }));
    }

    [Test]
    public void Xlsx_from_the_streamed_document_equals_the_held_pages_cell_by_cell()
    {
        var run = Render5000();
        using var held = Workbook(run.Document);
        using var streamed = Workbook(run.Streamed);

        Assert.That(SheetNames(streamed), Is.EqualTo(new[] { "Region A", "Region B", "Region C", "Region D", "Region E" }));
        Assert.That(SheetNames(streamed), Is.EqualTo(SheetNames(held)));
        foreach (var name in SheetNames(held))
            Assert.That(Cells(streamed, name), Is.EqualTo(Cells(held, name)), name);
        Assert.That(Cells(streamed, "Region C").Where(c => c.Text is { Length: > 1 } t && t[0] == 'C' && char.IsDigit(t[1])).Select(c => c.Text),
            Is.EqualTo(Enumerable.Range(1, 1000).Select(i => "C" + i.ToString(CultureInfo.InvariantCulture))), "each of the region's 1,000 items once, in order");
    }

    [Test]
    public void Xlsx_that_releases_each_page_once_written_equals_the_held_pages_and_the_pages_are_gone_after()
    {
        var run = Render5000();
        using var held = Workbook(run.Document);
        var streamed = run.Streamed;
        using var output = new MemoryStream(OfficeOutput.Xlsx(streamed, releaseWrittenPages: true));
        using var released = SpreadsheetDocument.Open(output, false);

        Assert.That(SheetNames(released), Is.EqualTo(SheetNames(held)));
        foreach (var name in SheetNames(held))
            Assert.That(Cells(released, name), Is.EqualTo(Cells(held, name)), name);
        Assert.That(streamed.PageCount, Is.EqualTo(run.Pages.Length), "the page count is kept");
        Assert.That(streamed.DescribePage(1).Name, Is.EqualTo(run.Pages[1].Name), "and each page's description");
        Assert.That(() => streamed.GetPage(1), Throws.InvalidOperationException, "a released page is not composed empty");
    }

    [Test]
    public void A_held_document_keeps_its_pages_when_a_writer_releases_them()
    {
        var run = Render5000();
        OfficeOutput.Xlsx(run.Document, releaseWrittenPages: true);

        Assert.That(run.Document.GetPage(1).Items, Is.EqualTo(run.Pages[1].Items));
        Assert.That(run.Document.GetPage(1).Items, Is.Not.Empty);
    }

    [Test]
    public void Page_outlines_put_every_body_item_where_the_composed_page_does_without_its_text()
    {
        var run = Render5000();
        static string Where(Renderer.Sandbox.Pages.PageItem item) => item switch
        {
            TextItem t => string.Create(CultureInfo.InvariantCulture, $"text {t.Region} {t.Bounds} {t.Name} {t.Cell}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{item.GetType().Name} {item.Region} {item.Bounds}"),
        };

        for (int i = 0; i < run.Pages.Length; i += 37)
        {
            var outline = run.Streamed.GetPageOutline(i);
            var body = run.Pages[i].Items.Where(item => item.Region == PageRegion.Body);
            Assert.That(outline.Items.Select(Where), Is.EqualTo(body.Select(Where)), $"page {i + 1}");
            Assert.That(outline.Items.OfType<TextItem>().All(t => t.Text.Length == 0 && t.Lines.IsEmpty), Is.True, "outlines carry no text");
            Assert.That(outline.Items.Any(item => item.Region != PageRegion.Body), Is.False, "no header or footer");
        }
    }

    [Test]
    public void Pdf_from_the_streamed_document_equals_the_held_pages_page_by_page()
    {
        var run = Render5000();
        var held = PdfTestFiles.Render(run.Document);
        var streamed = PdfTestFiles.Render(run.Streamed);

        Assert.That(streamed, Is.EqualTo(held), "same bytes (the PDF writer is deterministic)");
    }

    private static string Describe(Page page) =>
        string.Create(CultureInfo.InvariantCulture, $"{page.Number} {page.Name} {page.StartsSection} {page.Width}x{page.Height}: ")
        + string.Join(" | ", page.Items.Select(item => item switch
        {
            TextItem t => string.Create(CultureInfo.InvariantCulture, $"{t.Region} {t.Bounds} {t.Name}={t.Text} {t.Cell} [{string.Join(";", t.Lines.Select(l => l.ToString()))}]"),
            _ => item.ToString(),
        }));

    private static SpreadsheetDocument Workbook(PaginatedDocument document)
    {
        var output = new MemoryStream(OfficeOutput.Xlsx(document));
        return SpreadsheetDocument.Open(output, false);
    }

    private static string[] SheetNames(SpreadsheetDocument book) =>
        [.. book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    /// <summary>Each cell of a sheet: reference, the text a user sees (shared strings resolved) and style index.</summary>
    private static List<(string? Reference, string? Text, uint? Style)> Cells(SpreadsheetDocument book, string sheetName)
    {
        var workbook = book.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Cell>().Select(c => (c.CellReference?.Value,
            c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.CellValue?.Text ?? c.InnerText,
            c.StyleIndex?.Value))];
    }
}
