using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Docx;
using static Renderer.Sandbox.Tests.Writers.Xlsx.XlsxTestDocuments;

namespace Renderer.Sandbox.Tests.Writers.Docx;

public class DocxDocumentWriterTests
{
    private static WordprocessingDocument Open(PaginatedDocument document, out MemoryStream stream)
    {
        stream = new MemoryStream(OfficeOutput.Docx(document));
        return WordprocessingDocument.Open(stream, false);
    }

    [Test]
    public void Pages_become_a_valid_document_with_page_breaks_and_the_first_page_size()
    {
        using var word = Open(TwoPageSales(), out var stream);
        using var _ = stream;
        var body = word.MainDocumentPart!.Document.Body!;

        Assert.That(body.Descendants<PageBreakBefore>().Count(), Is.EqualTo(1), "page 2's first paragraph breaks the page");
        Assert.That(body.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page), Is.Zero, "no paragraph of its own holds the break");
        var size = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.That(size.Width!.Value, Is.EqualTo((uint)(PageWidth * 20)));
        Assert.That(size.Height!.Value, Is.EqualTo((uint)(PageHeight * 20)));
        var margin = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        Assert.That(margin.Left!.Value, Is.EqualTo((uint)(Left * 20)));
    }

    [Test]
    public void A_page_wider_than_word_allows_is_clamped_to_22_inches_and_stays_valid()
    {
        var document = TwoPageSales();
        var wide = document with { Pages = [.. document.Pages.Select(p => p with { Width = 30 * 72 })] };
        using var word = Open(wide, out var stream);
        using var _ = stream;
        var section = word.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>()!;
        Assert.That(section.GetFirstChild<PageSize>()!.Width!.Value, Is.EqualTo(31680u));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.That(margin.Left!.Value + margin.Right!.Value, Is.LessThan(31680u));
    }

    [Test]
    public void Data_region_cells_become_a_table_per_page_and_header_and_footer_become_word_parts()
    {
        using var word = Open(TwoPageSales(), out var stream);
        using var _ = stream;
        var body = word.MainDocumentPart!.Document.Body!;
        var all = body.Elements<Table>().ToList();
        Assert.That(all, Has.Count.EqualTo(3), "page 1's table, the line 5 pt below it, page 2's table");
        Assert.That(all[1].Descendants<TopBorder>().Count(b => b.Val?.Value == BorderValues.Single), Is.GreaterThan(0), "the line is a cell border");
        var tables = new[] { all[0], all[2] };
        Assert.That(tables[0].Elements<TableRow>().Count(), Is.GreaterThanOrEqualTo(4), "header + 3 rows on page 1");
        var firstData = tables[0].Elements<TableRow>().ElementAt(1).Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.That(firstData[0], Is.EqualTo("North"));
        Assert.That(firstData[1], Is.EqualTo("1234.56"));
        Assert.That(tables[1].Elements<TableRow>().Select(r => r.InnerText), Has.Some.Contains("West"));
        Assert.That(body.InnerText, Does.Not.Contain("Sales Report").And.Not.Contain("Page 1 of 2"), "header and footer are not body text");

        var header = word.MainDocumentPart.HeaderParts.Single().Header;
        Assert.That(header.InnerText, Does.Contain("Sales Report"));
        var footer = word.MainDocumentPart.FooterParts.Single().Footer;
        var fields = footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value!.Trim()).ToList();
        Assert.That(fields, Is.EqualTo(new[] { "PAGE", "NUMPAGES" }), "Page 1 of 2 becomes Page {PAGE} of {NUMPAGES}");
        Assert.That(footer.InnerText, Does.StartWith("Page "));
    }

    [Test]
    public void A_header_that_differs_beyond_its_page_numbers_starts_a_new_section_with_its_own_header()
    {
        var document = TwoPageSales();
        var page2 = document.Pages[1];
        var renamed = page2 with { Items = [.. page2.Items.Select(i => i is TextItem { Region: PageRegion.Header } t ? t with { Text = "Region West" } : i)] };
        using var word = Open(document with { Pages = [document.Pages[0], renamed] }, out var stream);
        using var _ = stream;
        var body = word.MainDocumentPart!.Document.Body!;

        var sections = body.Descendants<SectionProperties>().ToList();
        Assert.That(sections, Has.Count.EqualTo(2));
        var headers = sections.Select(s => word.MainDocumentPart.GetPartById(s.GetFirstChild<HeaderReference>()!.Id!.Value!)).Cast<DocumentFormat.OpenXml.Packaging.HeaderPart>().Select(h => h.Header.InnerText).ToList();
        Assert.That(headers[0], Does.Contain("Sales Report"));
        Assert.That(headers[1], Does.Contain("Region West"));
    }

    [Test]
    public void Page_number_fields_are_found_only_where_the_text_shows_the_page_number_or_count()
    {
        Assert.That(DocxRunningSection.Fields("Page 3 of 21", 3, 21), Is.EqualTo("Page \uE000 of \uE001"));
        Assert.That(DocxRunningSection.Fields("Page 1 of 1", 1, 1), Is.EqualTo("Page \uE000 of \uE001"));
        Assert.That(DocxRunningSection.Fields("Total 1.5 and 3,21", 3, 21), Is.Null, "parts of other numbers are not page numbers");
        Assert.That(DocxRunningSection.Fields("Sales 2024", 3, 21), Is.Null);
    }

    [Test]
    public void Writes_to_a_non_seekable_stream_and_an_empty_document_is_valid()
    {
        Assert.That(OfficeOutput.DocxForwardOnly(new PaginatedDocument(string.Empty, [])), Is.Not.Empty);

        using var _ = Open(new PaginatedDocument(string.Empty, []), out var stream);
        using var __ = stream;
    }
}
