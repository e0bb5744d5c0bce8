using System.Collections.Immutable;
using System.Xml.Linq;
using Renderer.Sandbox.Pages;
using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Writers.Html;

/// <summary>
/// The viewer's render (StreamPages): each page's section goes out as soon as it is written, page 1 before later pages
/// are composed, then a JSON summary with the style sheet, page count, document map and bookmarks.
/// </summary>
public sealed class HtmlStreamingTests
{
    [Test]
    public void Each_page_is_sent_once_in_order_then_a_json_summary()
    {
        var rdl = Report(Table(groupExtra: "<DocumentMapLabel>=Fields!Region.Value</DocumentMapLabel>")
            + Textbox("Target", "Target", 60).Replace("</Paragraphs>", "</Paragraphs><Bookmark>target</Bookmark>", StringComparison.Ordinal));
        var run = HtmlRun.Render(rdl, Rows([12, 12, 12]));
        var (pages, summary) = HtmlRun.Stream(run.Document);
        var count = run.Document.PageCount;

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.GreaterThan(2));
            Assert.That(pages.Select(p => (p.Index, p.Count)), Is.EqualTo(Enumerable.Range(0, count).Select(i => (i, count))));
            for (int i = 0; i < count; i++)
            {
                var section = XElement.Parse(pages[i].Html);
                Assert.That(section.Name.LocalName, Is.EqualTo("section"));
                Assert.That((string?)section.Attribute("id"), Is.EqualTo($"rpt-page-{i + 1}"));
                Assert.That((string?)section.Attribute("data-page"), Is.EqualTo($"{i + 1}"));
            }
            Assert.That(pages[^1].Html, Does.Contain(">Target</div>"));
            Assert.That(summary.GetProperty("title").GetString(), Is.EqualTo(run.Document.Title));
            Assert.That(summary.GetProperty("pageCount").GetInt32(), Is.EqualTo(count));
            Assert.That(summary.GetProperty("css").GetString(), Does.Contain("@font-face").And.Contain(".rpt-page"));
            var map = summary.GetProperty("documentMap").EnumerateArray()
                .Select(e => (e.GetProperty("label").GetString(), e.GetProperty("level").GetInt32(), e.GetProperty("page").GetInt32())).ToList();
            Assert.That(map, Is.EqualTo(new[] { ("A", 0, 1), ("B", 0, PageOf(pages, "B1")), ("C", 0, PageOf(pages, "C1")) }));
            var mapIds = summary.GetProperty("documentMap").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
            for (int i = 0; i < mapIds.Count; i++)
                Assert.That(pages[map[i].Item3 - 1].Html, Does.Contain($"id=\"dm-{mapIds[i]}\""));
            Assert.That(summary.GetProperty("bookmarks").GetProperty("target").GetInt32(), Is.EqualTo(count), "the textbox below the table");
        });
    }

    [Test]
    public void Page_one_is_sent_before_page_two_is_composed()
    {
        var source = new CountingSource(3);
        var document = new PaginatedDocument("Lazy", source);
        var composedWhenSent = new List<int>();
        using var output = new MemoryStream();

        new Renderer.Sandbox.Writers.Html.HtmlDocumentWriter().WriteStreamed(document, (_, _, _) => composedWhenSent.Add(source.Composed), output);

        Assert.That(composedWhenSent, Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void Toggle_and_sort_controls_are_buttons_with_their_ids_state_and_labels()
    {
        var style = TextStyle.Default;
        TextItem Item(string text, double y) => new(new Bounds(10, y, 100, 20), PageRegion.Body, text, text, null, style, BoxStyle.None with { Padding = new Padding(12, 2, 12, 2) },
            [new TextLine(12, 13, 30, text)]);
        var page = new Page(1, 200, 200,
        [
            Item("East \"<1>\"", 10) with { Toggle = new ToggleControl("t<1>\"", Expanded: false) },
            Item("West", 40) with { Toggle = new ToggleControl("t2", Expanded: true) },
            Item("Amount", 70) with { Sort = new SortControl("s\"1", SortState.Descending) },
            Item("Region", 100) with { Sort = new SortControl("s2", SortState.None) },
        ]);
        var html = HtmlRun.Write(new PaginatedDocument("Controls", [page]));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<button type=\"button\" class=\"rpt-toggle\" data-toggle=\"t&lt;1&gt;&quot;\" aria-expanded=\"false\" aria-label=\"Expand East &quot;&lt;1&gt;&quot;\""));
            Assert.That(html, Does.Contain("<button type=\"button\" class=\"rpt-toggle\" data-toggle=\"t2\" aria-expanded=\"true\" aria-label=\"Collapse West\""));
            Assert.That(html, Does.Contain("<button type=\"button\" class=\"rpt-sort\" data-sort=\"s&quot;1\" data-state=\"desc\" aria-label=\"Sort Amount (descending)\""));
            Assert.That(html, Does.Contain("<button type=\"button\" class=\"rpt-sort\" data-sort=\"s2\" data-state=\"none\" aria-label=\"Sort Region\""));
            Assert.That(html, Does.Not.Contain(" on").IgnoreCase.And.Not.Contain("javascript:").And.Not.Contain("<script"));
            Assert.That(XElement.Parse(HtmlRun.Stream(new PaginatedDocument("Controls", [page])).Pages[0].Html).Descendants("button").Count(), Is.EqualTo(4));
        });
    }

    [Test]
    public void Text_moves_clear_of_its_toggle_and_sort_buttons()
    {
        var style = TextStyle.Default;
        var box = BoxStyle.None with { Padding = new Padding(2, 2, 2, 2) };
        var page = new Page(1, 300, 100,
        [
            new TextItem(new Bounds(0, 0, 100, 20), PageRegion.Body, "East", "East", null, style, box, [new TextLine(2, 13, 20, "East")]) { Toggle = new ToggleControl("t", false) },
            new TextItem(new Bounds(0, 30, 100, 20), PageRegion.Body, "Amount", "Amount", null, style, box, [new TextLine(60, 13, 38, "Amount")]) { Sort = new SortControl("s", SortState.None) },
        ]);
        var html = HtmlRun.Write(new PaginatedDocument("Buttons", [page]));

        // The toggle sits at the left padding (2pt) and is 9pt wide, 2pt from the text; the sort button ends at the right padding.
        Assert.That(html, Does.Contain("left:13pt;").And.Contain(">East</div>"), "left-aligned text starts after the toggle");
        Assert.That(html, Does.Contain("left:49pt;").And.Contain(">Amount</div>"), "right-aligned text ends before the sort button (60 - 11)");
        Assert.That(html, Does.Contain("class=\"rpt-toggle\" data-toggle=\"t\"").And.Contain("left:2pt;top:"));
    }

    private static int PageOf(List<(int Index, int Count, string Html)> pages, string text) => pages.First(p => p.Html.Contains(">" + text + "</div>", StringComparison.Ordinal)).Index + 1;

    /// <summary>A streamed document whose pages count how often they were composed.</summary>
    private sealed class CountingSource(int count) : IPageSource
    {
        public int Composed { get; private set; }

        public int Count => count;

        public Page Compose(int index)
        {
            Composed++;
            var text = $"Page {index + 1}";
            return Describe(index) with { Items = [new TextItem(new Bounds(0, 0, 100, 20), PageRegion.Body, text, text, null, TextStyle.Default, BoxStyle.None, [new TextLine(0, 12, 40, text)])] };
        }

        public Page Describe(int index) => new(index + 1, 200, 100, ImmutableArray<PageItem>.Empty);

        public Page ComposeOutline(int index) => Describe(index);

        public IReadOnlyList<PageItem> ComposeHeaderOver(int start, int end, SpanNumbering numbering) => [];

        public void Release(int index)
        {
        }
    }
}
