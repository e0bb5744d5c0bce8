using System.Text;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Layout;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Tests.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Outline;
using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Writers.Pdf;

/// <summary>
/// A report with group and detail DocumentMapLabels, hyperlinks, a bookmark link and a drillthrough, read, processed
/// and paginated for real, then written as PDF: the outline, links and the dropped javascript: link.
/// </summary>
public class PdfInteractivityReportTests
{
    private const string ServerUrl = "https://reports.example.test";

    [Test]
    public void DocumentMap_ListsGroupsAndTheirDetailsInOrder()
    {
        var run = Run(Report());

        var map = run.Document.DocumentMap;
        Assert.Multiple(() =>
        {
            Assert.That(map.Select(e => (e.Label, e.Level)), Is.EqualTo(new[]
            {
                ("A", 0), ("A1", 1), ("A2", 1), ("A3", 1), ("A4", 1), ("A5", 1), ("A6", 1),
                ("B", 0), ("B1", 1), ("B2", 1), ("B3", 1), ("B4", 1), ("B5", 1), ("B6", 1),
                ("C", 0), ("C1", 1), ("C2", 1),
            }));
            var ids = run.Document.Pages.SelectMany(p => p.Items).OfType<TextItem>().Select(t => t.DocumentMapId).OfType<string>().ToHashSet();
            Assert.That(map.Where(e => !ids.Contains(e.Id)), Is.Empty, "every entry points at an item on a page");
            Assert.That(map[0].Id, Is.EqualTo(map[1].Id), "a group and its first detail both point at the group's first row");
        });
    }

    [Test]
    public void Pdf_OutlineNestsGroupsAndJumpsToTheirPages()
    {
        var run = Run(Report());
        using var pdf = PdfDocument.Open(run.Pdf());

        Assert.That(pdf.NumberOfPages, Is.GreaterThan(1));
        Assert.That(pdf.TryGetBookmarks(out var bookmarks), Is.True);
        var roots = bookmarks!.Roots;
        Assert.Multiple(() =>
        {
            Assert.That(roots.Select(r => r.Title), Is.EqualTo(new[] { "A", "B", "C" }));
            Assert.That(roots[1].Children.Select(c => c.Title), Is.EqualTo(new[] { "B1", "B2", "B3", "B4", "B5", "B6" }));
            foreach (var node in roots.Concat(roots.SelectMany(r => r.Children)))
            {
                var page = ((DocumentBookmarkNode)node).PageNumber;
                Assert.That(pdf.GetPage(page).Text, Does.Contain(node.Title), $"outline entry {node.Title} jumps to page {page}");
            }
        });
        PdfTestFiles.AssertQpdfAccepts(run.Pdf());
    }

    [Test]
    public void Pdf_HyperlinkAndDrillthroughBecomeUriLinks_JavascriptIsDropped()
    {
        var run = Run(Report(), ServerUrl);
        var bytes = run.Pdf();
        using var pdf = PdfDocument.Open(bytes);

        var uris = pdf.GetPages().SelectMany(p => p.GetAnnotations()).Select(a => a.Action).OfType<UriAction>().Select(a => a.Uri).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(uris, Does.Contain("https://example.com/search?q=A"));
            Assert.That(uris, Does.Contain(ServerUrl + "/api/reports/Region%20Detail/render?format=pdf&Region=North%20%26%20South&Year=2024"));
            Assert.That(uris, Has.None.Contains("javascript"));
            Assert.That(Encoding.Latin1.GetString(bytes), Does.Not.Contain("javascript"));
            var warning = run.Diagnostics.Single(d => d.Code == LinkEvaluator.UnsafeHyperlink);
            Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(warning.Message, Does.Contain("Evil"));
        });
    }

    [Test]
    public void Drillthrough_WithoutAServerUrl_WritesNoLink()
    {
        var run = Run(Report(), serverUrl: null);
        var drill = run.Document.Pages.SelectMany(p => p.Items).OfType<TextItem>().Single(t => t.Name == "Drill");

        Assert.That(drill.Hyperlink, Is.Null);
    }

    [Test]
    public void Pdf_BookmarkLinkJumpsToTheBookmarkedTextbox()
    {
        var run = Run(Report());
        using var pdf = PdfDocument.Open(run.Pdf());

        var targetPage = run.Document.Pages.First(p => p.Items.OfType<TextItem>().Any(t => t.Name == "Target")).Number;
        var link = pdf.GetPage(1).GetAnnotations().Single(a => a.Action is GoToAction);
        Assert.Multiple(() =>
        {
            Assert.That(targetPage, Is.GreaterThan(1));
            Assert.That(((GoToAction)link.Action!).Destination.PageNumber, Is.EqualTo(targetPage));
        });
    }

    private static string Report()
    {
        static string Action(string action) => $"<ActionInfo><Actions><Action>{action}</Action></Actions></ActionInfo>";
        static string Linked(string name, string value, double top, string extra) =>
            Textbox(name, value, top).Replace("</Paragraphs>", "</Paragraphs>" + extra, StringComparison.Ordinal);
        var table = Table(top: 100, groupExtra: "<DocumentMapLabel>=Fields!Region.Value</DocumentMapLabel>")
            .Replace("<Group Name=\"Details\" />", "<Group Name=\"Details\"><DocumentMapLabel>=Fields!Item.Value</DocumentMapLabel></Group>", StringComparison.Ordinal);
        var drill = "<Drillthrough><ReportName>Region Detail</ReportName><Parameters>"
            + "<Parameter Name=\"Region\"><Value>North &amp; South</Value></Parameter>"
            + "<Parameter Name=\"Year\"><Value>2024</Value></Parameter>"
            + "<Parameter Name=\"Skipped\"><Value>x</Value><Omit>true</Omit></Parameter>"
            + "</Parameters></Drillthrough>";
        var body = Linked("Web", "Web", 0, Action("<Hyperlink>=\"https://example.com/search?q=\" &amp; \"A\"</Hyperlink>"))
            + Linked("Evil", "Evil", 20, Action("<Hyperlink>javascript:alert(1)</Hyperlink>"))
            + Linked("Jump", "Jump", 40, Action("<BookmarkLink>target</BookmarkLink>"))
            + Linked("Drill", "Drill", 60, Action(drill))
            + table
            + Linked("Target", "Target", 160, "<Bookmark>target</Bookmark>");
        return PagingRdl.Report(body);
    }

    private static ReportRun Run(string rdl, string? serverUrl = null)
    {
        var run = TestReportProcessing.Process(rdl, "Links", new MiniEvaluator(), Columns, Rows([6, 6, 2]), serverUrl);
        Assert.That(run.ReadDiagnostics, Is.Empty, () => string.Join("\n", run.ReadDiagnostics));
        var processor = run.Processor;
        var placer = new ItemPlacer(new TextLayout(SkiaTextMeasurer.Shared));
        var pages = ReportLayout.Paginate(run.Report, run.Processed, processor.Context!, processor.Items!, placer);
        var document = new PaginatedDocument("Links", pages) { DocumentMap = processor.Items!.Links.DocumentMap(pages) };
        return new ReportRun(document, run.ProcessDiagnostics);
    }

    private sealed record ReportRun(PaginatedDocument Document, System.Collections.Immutable.ImmutableArray<RdlDiagnostic> Diagnostics)
    {
        public byte[] Pdf() => PdfTestFiles.Render(Document);
    }
}
