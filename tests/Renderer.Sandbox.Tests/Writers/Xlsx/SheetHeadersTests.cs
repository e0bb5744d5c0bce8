using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Tests.Writers.Xlsx;

/// <summary>A worksheet is one page to its header: page numbers count sheets, restarting where the report restarts them.</summary>
public class SheetHeadersTests
{
    [Test]
    public void Sheets_are_numbered_within_the_reports_page_numbering_sections()
    {
        // Five pages, three sheets; the third sheet's first page restarts the page numbers (a ResetPageNumber break).
        var document = new PaginatedDocument("R", [
            Page(1, numberInSection: 1, startsSection: true),
            Page(2, numberInSection: 2),
            Page(3, numberInSection: 3, startsSection: true),
            Page(4, numberInSection: 1, startsSection: true),
            Page(5, numberInSection: 2),
        ]);

        var numbering = SheetHeaders.Number(document, XlsxDocumentWriter.Sections(document));

        Assert.That(numbering, Is.EqualTo(new[]
        {
            new SpanNumbering(1, 2, 1, 3),
            new SpanNumbering(2, 2, 2, 3),
            new SpanNumbering(1, 1, 3, 3),
        }));
    }

    [Test]
    public void A_document_without_pagination_behind_it_keeps_each_sheets_first_page_header()
    {
        var header = new TextItem(new Bounds(0, 0, 100, 20), PageRegion.Header, "Page 3 of 5", "Page 3 of 5", null, TextStyle.Default, BoxStyle.None, []);
        var document = new PaginatedDocument("R", [Page(1, 1, true) with { Items = [header] }]);

        Assert.That(SheetHeaders.Of(document, XlsxDocumentWriter.Sections(document)), Is.EqualTo(new IReadOnlyList<PageItem>?[] { null }));
    }

    private static Page Page(int number, int numberInSection, bool startsSection = false) =>
        new(number, 200, 100, []) { NumberInSection = numberInSection, StartsSection = startsSection };
}
