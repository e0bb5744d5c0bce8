using System.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using static Renderer.Sandbox.Tests.Writers.Pdf.PdfTestFiles;

namespace Renderer.Sandbox.Tests.Writers.Pdf;

public class PdfOutlineTests
{
    [Test]
    public void DocumentMap_BecomesANestedOutlineWithTargetPages()
    {
        var bytes = Render(TwoLevelDocument());
        using var pdf = PdfDocument.Open(bytes);

        Assert.That(pdf.TryGetBookmarks(out var bookmarks), Is.True);
        var roots = bookmarks!.Roots;
        Assert.Multiple(() =>
        {
            Assert.That(roots.Select(r => r.Title), Is.EqualTo(new[] { "East", "West" }));
            Assert.That(roots[0].Children.Select(c => c.Title), Is.EqualTo(new[] { "Alice", "Bob" }));
            Assert.That(roots[1].Children.Select(c => c.Title), Is.EqualTo(new[] { "Carol" }));
            Assert.That(PageOf(roots[0]), Is.EqualTo(1));
            Assert.That(PageOf(roots[0].Children[1]), Is.EqualTo(2));
            Assert.That(PageOf(roots[1]), Is.EqualTo(3));
            Assert.That(PageOf(roots[1].Children[0]), Is.EqualTo(3));
            Assert.That(((DocumentBookmarkNode)roots[1].Children[0]).Destination.Coordinates.Top, Is.EqualTo(A4Height - 400).Within(0.5));
            Assert.That(roots[0].Children[0].Level, Is.EqualTo(1));
        });
    }

    [Test]
    public void DocumentMap_OpensTheOutlinePanelAndKeepsEveryPageReadable()
    {
        var bytes = Render(TwoLevelDocument());
        using var pdf = PdfDocument.Open(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(pdf.NumberOfPages, Is.EqualTo(3));
            Assert.That(pdf.GetPage(1).Text, Does.Contain("Alice"));
            Assert.That(pdf.GetPage(3).Text, Does.Contain("Carol"));
            Assert.That(pdf.Structure.Catalog.CatalogDictionary.ToString(), Does.Contain("UseOutlines"));
            Assert.That(Encoding.Latin1.GetString(bytes), Does.EndWith("%%EOF\n"));
        });
        AssertQpdfAccepts(bytes);
    }

    [Test]
    public void WithoutADocumentMap_NoOutlineIsWritten()
    {
        var bytes = Render(new PaginatedDocument("Plain", [Page(1, Text(new Bounds(72, 72, 100, 20), "Hi"))]));
        using var pdf = PdfDocument.Open(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(pdf.TryGetBookmarks(out _), Is.False);
            Assert.That(Encoding.Latin1.GetString(bytes), Does.Not.Contain("/Outlines"));
        });
    }

    [Test]
    public void Titles_KeepNonAsciiTextAndPdfSpecialCharacters()
    {
        var document = new PaginatedDocument("Titles", [Page(1,
            Text(new Bounds(72, 72, 100, 20), "a") with { DocumentMapId = "1" },
            Text(new Bounds(72, 100, 100, 20), "b") with { DocumentMapId = "2" })])
        {
            DocumentMap = [new DocumentMapEntry("1", "Zürich (Nord) \\ 東京", 0), new DocumentMapEntry("2", "Sales (2024)", 0)],
        };
        var bytes = Render(document);
        using var pdf = PdfDocument.Open(bytes);

        Assert.That(pdf.TryGetBookmarks(out var bookmarks), Is.True);
        Assert.That(bookmarks!.Roots.Select(r => r.Title), Is.EqualTo(new[] { "Zürich (Nord) \\ 東京", "Sales (2024)" }));
        AssertQpdfAccepts(bytes);
    }

    [Test]
    public void EntriesWhoseItemIsOnNoPage_AreLeftOut()
    {
        var document = TwoLevelDocument() with { };
        document = document with { DocumentMap = document.DocumentMap.Insert(0, new DocumentMapEntry("hidden", "Hidden", 0)) };
        using var pdf = PdfDocument.Open(Render(document));

        Assert.That(pdf.TryGetBookmarks(out var bookmarks), Is.True);
        Assert.That(bookmarks!.Roots.Select(r => r.Title), Is.EqualTo(new[] { "East", "West" }));
    }

    [Test]
    public void Outline_WorksTogetherWithLinks()
    {
        var document = TwoLevelDocument();
        var pages = document.Pages.SetItem(0, document.Pages[0] with
        {
            Items = document.Pages[0].Items.Add(Text(new Bounds(72, 700, 100, 20), "web") with { Hyperlink = "https://example.com" }),
        });
        var bytes = Render(document with { Pages = pages });
        using var pdf = PdfDocument.Open(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(pdf.TryGetBookmarks(out _), Is.True);
            Assert.That(pdf.GetPage(1).GetAnnotations(), Has.Exactly(1).Items);
        });
        AssertQpdfAccepts(bytes);
    }

    [Test]
    public void ManyPages_OutlineFindsPagesThroughANestedPageTree()
    {
        var pages = Enumerable.Range(1, 40)
            .Select(n => Page(n, Text(new Bounds(72, 72, 200, 20), $"Section {n}") with { DocumentMapId = $"s{n}" }))
            .ToList();
        var document = new PaginatedDocument("Long", [.. pages])
        {
            DocumentMap = [.. Enumerable.Range(1, 40).Where(n => n % 13 == 1 || n == 40).Select(n => new DocumentMapEntry($"s{n}", $"Section {n}", 0))],
        };
        var bytes = Render(document);
        using var pdf = PdfDocument.Open(bytes);

        Assert.That(pdf.TryGetBookmarks(out var bookmarks), Is.True);
        Assert.That(bookmarks!.Roots.Select(PageOf), Is.EqualTo(new[] { 1, 14, 27, 40 }));
        AssertQpdfAccepts(bytes);
    }

    [Test]
    public void Append_KeepsTheOriginalBytesAsAPrefix()
    {
        var original = Render(new PaginatedDocument("Plain", [Page(1, Text(new Bounds(72, 72, 100, 20), "Hi"))]));
        var updated = PdfOutlineWriter.Append(original, [new PdfOutlineEntry("Hi", 0, 0, 72, 770)]);

        Assert.Multiple(() =>
        {
            Assert.That(updated.Take(original.Length), Is.EqualTo(original), "an incremental update only appends");
            Assert.That(updated.Length, Is.GreaterThan(original.Length));
        });
        using var pdf = PdfDocument.Open(updated);
        Assert.That(pdf.TryGetBookmarks(out var bookmarks), Is.True);
        Assert.That(bookmarks!.Roots.Single().Title, Is.EqualTo("Hi"));
    }

    [Test]
    public void OutlineTree_NestsByLevelAndCountsDescendants()
    {
        var entries = new[] { Entry("A", 0), Entry("A1", 1), Entry("A1a", 2), Entry("A2", 1), Entry("B", 0), Entry("B1", 3) };
        var tree = OutlineTree.Build(entries);

        Assert.Multiple(() =>
        {
            Assert.That(tree.Roots, Is.EqualTo(new[] { 0, 4 }));
            Assert.That(tree.Children[0], Is.EqualTo(new[] { 1, 3 }));
            Assert.That(tree.Parent[2], Is.EqualTo(1));
            Assert.That(tree.Parent[5], Is.EqualTo(4), "a level jump nests under the previous entry");
            Assert.That(tree.Descendants[0], Is.EqualTo(3));
            Assert.That(tree.Next[1], Is.EqualTo(3));
            Assert.That(tree.Previous[4], Is.EqualTo(0));
            Assert.That(tree.Next[4], Is.EqualTo(-1));
        });

        static PdfOutlineEntry Entry(string title, int level) => new(title, level, 0, 0, 0);
    }

    [Test]
    public void Append_RejectsAFileItDoesNotUnderstand()
    {
        var notPdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n");

        Assert.Throws<InvalidDataException>(() => PdfOutlineWriter.Append(notPdf, [new PdfOutlineEntry("x", 0, 0, 0, 0)]));
    }

    private static int PageOf(BookmarkNode node) => ((DocumentBookmarkNode)node).PageNumber;

    /// <summary>Three pages; East (level 0) with Alice and Bob (level 1) on pages 1-2, West with Carol on page 3.</summary>
    private static PaginatedDocument TwoLevelDocument()
    {
        var page1 = Page(1,
            Text(new Bounds(72, 72, 200, 20), "East") with { DocumentMapId = "g1" },
            Text(new Bounds(72, 100, 200, 20), "Alice") with { DocumentMapId = "d1" });
        var page2 = Page(2,
            Text(new Bounds(72, 72, 200, 20), "East") with { DocumentMapId = "g1" },
            Text(new Bounds(72, 200, 200, 20), "Bob") with { DocumentMapId = "d2" });
        var page3 = Page(3,
            Text(new Bounds(72, 72, 200, 20), "West") with { DocumentMapId = "g2" },
            Text(new Bounds(72, 400, 200, 20), "Carol") with { DocumentMapId = "d3" });
        return new PaginatedDocument("Map", [page1, page2, page3])
        {
            DocumentMap =
            [
                new DocumentMapEntry("g1", "East", 0),
                new DocumentMapEntry("d1", "Alice", 1),
                new DocumentMapEntry("d2", "Bob", 1),
                new DocumentMapEntry("g2", "West", 0),
                new DocumentMapEntry("d3", "Carol", 1),
            ],
        };
    }
}
