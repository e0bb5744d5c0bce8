using Renderer.Sandbox.Pages;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using static Renderer.Sandbox.Tests.Writers.Pdf.PdfTestFiles;

namespace Renderer.Sandbox.Tests.Writers.Pdf;

public class PdfLinkTests
{
    [Test]
    public void Hyperlink_BecomesAUriLinkOverTheText()
    {
        var item = Text(new Bounds(72, 100, 200, 20), "Visit us") with { Hyperlink = "https://example.com/a?b=1" };
        using var pdf = PdfDocument.Open(Render(new PaginatedDocument("Links", [Page(1, item)])));

        var link = pdf.GetPage(1).GetAnnotations().Single(a => a.Type == AnnotationType.Link);
        Assert.Multiple(() =>
        {
            Assert.That(link.Action, Is.InstanceOf<UriAction>());
            Assert.That(((UriAction)link.Action!).Uri, Is.EqualTo("https://example.com/a?b=1"));
            // PDF space: y grows upwards from the bottom of the page.
            Assert.That(link.Rectangle.Left, Is.EqualTo(72).Within(0.5));
            Assert.That(link.Rectangle.Right, Is.EqualTo(272).Within(0.5));
            Assert.That(link.Rectangle.Top, Is.EqualTo(A4Height - 100).Within(0.5));
            Assert.That(link.Rectangle.Bottom, Is.EqualTo(A4Height - 120).Within(0.5));
        });
    }

    [Test]
    public void MailtoLink_IsKept()
    {
        var item = Text(new Bounds(72, 100, 200, 20), "Mail") with { Hyperlink = "mailto:sales@example.com" };
        using var pdf = PdfDocument.Open(Render(new PaginatedDocument("Links", [Page(1, item)])));

        var link = pdf.GetPage(1).GetAnnotations().Single(a => a.Type == AnnotationType.Link);
        Assert.That(((UriAction)link.Action!).Uri, Is.EqualTo("mailto:sales@example.com"));
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("JavaScript:alert(1)")]
    [TestCase("file:///etc/passwd")]
    [TestCase("relative/path.html")]
    public void UnsafeHyperlink_IsNotWritten(string url)
    {
        var item = Text(new Bounds(72, 100, 200, 20), "Click") with { Hyperlink = url };
        var bytes = Render(new PaginatedDocument("Links", [Page(1, item)]));
        using var pdf = PdfDocument.Open(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(pdf.GetPage(1).GetAnnotations(), Is.Empty);
            Assert.That(System.Text.Encoding.Latin1.GetString(bytes), Does.Not.Contain("javascript").IgnoreCase);
            Assert.That(pdf.GetPage(1).Text, Does.Contain("Click"));
        });
    }

    [Test]
    public void BookmarkLink_JumpsToTheBookmarkedItemsPage()
    {
        var source = Text(new Bounds(72, 100, 200, 20), "See details") with { BookmarkLink = "details" };
        var target = Text(new Bounds(72, 300, 200, 20), "Details") with { BookmarkId = "details" };
        var document = new PaginatedDocument("Bookmarks", [Page(1, source), Page(2, Text(new Bounds(72, 72, 100, 20), "Filler")), Page(3, target)]);
        var bytes = Render(document);
        using var pdf = PdfDocument.Open(bytes);

        var link = pdf.GetPage(1).GetAnnotations().Single(a => a.Type == AnnotationType.Link);
        var destination = LinkDestination(link);
        Assert.Multiple(() =>
        {
            Assert.That(destination.PageNumber, Is.EqualTo(3));
            Assert.That(destination.Coordinates.Top, Is.EqualTo(A4Height - 300).Within(0.5));
            Assert.That(link.Rectangle.Left, Is.EqualTo(72).Within(0.5));
            Assert.That(link.Rectangle.Top, Is.EqualTo(A4Height - 100).Within(0.5));
        });
        AssertQpdfAccepts(bytes);
    }

    [Test]
    public void BookmarkLink_ToAMissingBookmark_IsNotWritten()
    {
        var source = Text(new Bounds(72, 100, 200, 20), "Nowhere") with { BookmarkLink = "missing" };
        using var pdf = PdfDocument.Open(Render(new PaginatedDocument("Bookmarks", [Page(1, source)])));

        Assert.That(pdf.GetPage(1).GetAnnotations(), Is.Empty);
    }

    [Test]
    public void Links_KeepTheFileValid()
    {
        var items = new PageItem[]
        {
            Text(new Bounds(72, 100, 200, 20), "A") with { Hyperlink = "https://example.com/(x)" },
            Text(new Bounds(72, 140, 200, 20), "B") with { BookmarkLink = "b (1)" },
            Text(new Bounds(72, 180, 200, 20), "C") with { BookmarkId = "b (1)" },
        };
        var bytes = Render(new PaginatedDocument("Links", [Page(1, items)]));
        using var pdf = PdfDocument.Open(bytes);

        Assert.That(pdf.GetPage(1).GetAnnotations().Count(a => a.Type == AnnotationType.Link), Is.EqualTo(2));
        AssertQpdfAccepts(bytes);
    }

    private static UglyToad.PdfPig.Outline.Destinations.ExplicitDestination LinkDestination(Annotation link)
    {
        if (link.Action is GoToAction goTo) return goTo.Destination;
        Assert.Fail($"Expected a GoTo link, got {link.Action?.GetType().Name ?? "no action"}: {link.AnnotationDictionary}");
        throw new InvalidOperationException();
    }
}
