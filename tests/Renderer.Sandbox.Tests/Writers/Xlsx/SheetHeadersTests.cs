using System.Runtime.CompilerServices;
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

    [Test]
    public void A_held_workbook_has_each_sheets_header_evaluated_once_and_keeps_no_pagination()
    {
        var (document, source, evaluated) = HeldWorkbook();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var headers = SheetHeaders.Of(document, XlsxDocumentWriter.Sections(document));

        Assert.That(headers.Select(h => ((TextItem)h![0]).Text), Is.EqualTo(new[] { "Page 1 of 2 over pages 1-2", "Page 2 of 2 over pages 3-3" }));
        Assert.That(evaluated(), Is.EqualTo(2), "one evaluation per sheet, while the document was built");
        Assert.That(document.IsStreamed, Is.False);
        Assert.That(source.IsAlive, Is.False, "the pagination behind the held pages was collected");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (PaginatedDocument Document, WeakReference Source, Func<int> Evaluated) HeldWorkbook()
    {
        var source = new SheetSource([Page(1, 1, true), Page(2, 2), Page(3, 3, true)]);
        var counter = source.Counter;
        var document = SheetHeaders.Held("R", source, [.. Enumerable.Range(0, source.Count).Select(source.Compose)]);
        return (document, new WeakReference(source), () => counter.Value);
    }

    /// <summary>Pagination behind three pages in two sheets, whose header names the sheet's numbers and pages.</summary>
    private sealed class SheetSource(Page[] pages) : IPageSource
    {
        public StrongBox<int> Counter { get; } = new(0);

        public int Count => pages.Length;

        public Page Compose(int index) => pages[index];

        public Page Describe(int index) => pages[index];

        public Page ComposeOutline(int index) => pages[index];

        public IReadOnlyList<PageItem> ComposeHeaderOver(int start, int end, SpanNumbering numbering)
        {
            Counter.Value++;
            var text = $"Page {numbering.Number} of {numbering.Total} over pages {start + 1}-{end}";
            return [new TextItem(new Bounds(0, 0, 100, 20), PageRegion.Header, text, text, null, TextStyle.Default, BoxStyle.None, [])];
        }

        public void Release(int index)
        {
        }
    }

    private static Page Page(int number, int numberInSection, bool startsSection = false) =>
        new(number, 200, 100, []) { NumberInSection = numberInSection, StartsSection = startsSection };
}
