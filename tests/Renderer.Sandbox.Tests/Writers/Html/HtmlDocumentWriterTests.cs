using System.Text.RegularExpressions;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Tests.Charts;
using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Writers.Html;

/// <summary>
/// Reports processed, paginated and written as HTML: the text a user reads and finds, the links they follow (only safe
/// schemes, escaped), bookmark and document map anchors, charts as SVG, and no script anywhere.
/// </summary>
public sealed partial class HtmlDocumentWriterTests
{
    private const string ServerUrl = "https://reports.example.test";

    [Test]
    public void A_table_report_is_one_html5_document_with_a_section_per_page_and_its_values_as_text()
    {
        var run = HtmlRun.Render(Report(Table()), Rows([12, 12]));
        var html = run.Html();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>\n<html lang=\"en-US\">"));
            Assert.That(html, Does.Contain("<meta charset=\"utf-8\">"));
            Assert.That(html, Does.Contain("<title>Report &lt;&amp;&gt; &quot;1&quot;</title>"));
            Assert.That(html, Does.Contain("@font-face{font-family:\"Liberation Sans\";src:url(/viewer/fonts/LiberationSans-Regular.ttf)"));
            Assert.That(Sections().Matches(html).Select(m => m.Groups[1].Value), Is.EqualTo(Enumerable.Range(1, run.Document.PageCount).Select(n => n.ToString())));
            Assert.That(run.Document.PageCount, Is.GreaterThan(1));
            Assert.That(html, Does.Contain("style=\"width:300pt;height:400pt\""));
            foreach (var item in new[] { "A1", "A12", "B1", "B12", "Region" })
                Assert.That(html, Does.Contain(">" + item + "</div>"), "each value is a text node of its own line");
            Assert.That(html, Does.Not.Contain("<script"));
        });
    }

    [Test]
    public void Report_text_with_markup_and_quotes_is_escaped_everywhere()
    {
        var hostile = "<script>alert(\"x\")</script>' onmouseover=\"alert(1)";
        const string cell = "=Fields!Region.Value</Value></TextRun></TextRuns></Paragraph></Paragraphs>";
        var rdl = Report(Table().Replace(cell, cell + "<ActionInfo><Actions><Action><BookmarkLink>=Fields!Region.Value</BookmarkLink></Action></Actions></ActionInfo>"
            + "<Bookmark>=Fields!Region.Value</Bookmark>", StringComparison.Ordinal));
        var run = HtmlRun.Render(rdl, Rows([1], [hostile]));
        var html = run.Html();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Not.Contain("\" onmouseover"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&quot;alert(1)"));
            Assert.That(html, Does.Contain("id=\"bm-&lt;script&gt;"));
            Assert.That(html, Does.Contain("data-bookmark=\"&lt;script&gt;alert(&quot;x&quot;)"));
            Assert.That(html, Does.Contain("href=\"#bm-%3Cscript%3Ealert%28%22x%22%29"));
        });
    }

    [Test]
    public void Hyperlinks_keep_only_safe_schemes_and_open_apart_bookmarks_and_document_map_have_anchors()
    {
        var run = HtmlRun.Render(LinksReport(), Rows([6, 6, 2]), ServerUrl);
        var html = run.Html();
        var targetPage = run.Document.Pages.First(p => p.Items.OfType<Pages.TextItem>().Any(t => t.Name == "Target")).Number;

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<a href=\"https://example.com/search?q=A&amp;b=1\" rel=\"noopener noreferrer\" target=\"_blank\">"));
            Assert.That(html, Does.Not.Contain("javascript"));
            Assert.That(run.Diagnostics.Select(d => d.Code), Does.Contain(LinkEvaluator.UnsafeHyperlink));
            Assert.That(html, Does.Contain("<a href=\"#bm-target\" data-bookmark=\"target\">"));
            Assert.That(Section(html, targetPage), Does.Contain("id=\"bm-target\""));
            foreach (var entry in run.Document.DocumentMap)
                Assert.That(html, Does.Contain("id=\"dm-" + entry.Id + "\""), entry.Label);
            Assert.That(run.Document.DocumentMap, Is.Not.Empty);
        });
    }

    [Test]
    public void A_drillthrough_opens_the_report_in_the_viewer_with_its_parameters()
    {
        var html = HtmlRun.Render(LinksReport(), Rows([6, 6, 2]), ServerUrl).Html();

        Assert.That(html, Does.Contain("<a href=\"" + ServerUrl + "/viewer?path=%2FSales%2FRegion%20Detail&amp;Region=North%20%26%20South&amp;Year=2024\" rel=\"noopener noreferrer\" data-drillthrough=\"1\">"));
        Assert.That(html, Does.Not.Contain("/api/reports/"));
    }

    [Test]
    public void A_drillthrough_without_a_server_url_is_plain_text()
    {
        var html = HtmlRun.Render(LinksReport(), Rows([6, 6, 2])).Html();

        Assert.That(html, Does.Not.Contain("data-drillthrough"));
        Assert.That(html, Does.Contain(">Drill</div>"));
    }

    [Test]
    public void A_chart_is_inline_svg_with_its_labels_as_text()
    {
        var rdl = ChartRdl.Modern().Replace("Sales by region", X("<script>\"Sales\"</script>"), StringComparison.Ordinal);
        var run = ChartRun.Render(rdl, ChartRdl.Columns, ChartRdl.Rows);
        var html = HtmlRun.Write(run.Document);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<svg class=\"rpt-c\" role=\"img\" aria-label=\"Sales\""));
            Assert.That(html, Does.Contain("viewBox=\"0 0 360 250\""));
            Assert.That(html, Does.Not.Contain("<img class=\"rpt-c\""), "drawn as SVG, not as the PNG fallback");
            Assert.That(html, Does.Contain("North").And.Contain("West"));
            Assert.That(html, Does.Contain("font-family=\"Liberation Sans"));
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Not.Contain("<?xml").And.Not.Contain("<!DOCTYPE svg"));
        });
    }

    [Test]
    public void Two_charts_on_a_page_do_not_share_clip_ids()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);
        var chart = run.Document.Pages[0].Items.OfType<Pages.ChartItem>().Single();
        var twice = run.Document.Pages[0] with { Items = [chart, chart with { Bounds = chart.Bounds with { Y = chart.Bounds.Bottom + 10 } }] };
        var html = HtmlRun.Write(new Pages.PaginatedDocument("Charts", [twice]));

        var ids = Ids().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.That(ids, Is.Unique);
    }

    private static string LinksReport()
    {
        static string Action(string action) => $"<ActionInfo><Actions><Action>{action}</Action></Actions></ActionInfo>";
        static string Linked(string name, string value, double top, string extra) =>
            Textbox(name, value, top).Replace("</Paragraphs>", "</Paragraphs>" + extra, StringComparison.Ordinal);
        var table = Table(top: 100, groupExtra: "<DocumentMapLabel>=Fields!Region.Value</DocumentMapLabel>");
        var drill = "<Drillthrough><ReportName>/Sales/Region Detail</ReportName><Parameters>"
            + "<Parameter Name=\"Region\"><Value>North &amp; South</Value></Parameter>"
            + "<Parameter Name=\"Year\"><Value>2024</Value></Parameter>"
            + "</Parameters></Drillthrough>";
        var body = Linked("Web", "Web", 0, Action("<Hyperlink>=\"https://example.com/search?q=\" &amp; \"A&amp;b=1\"</Hyperlink>"))
            + Linked("Evil", "Evil", 20, Action("<Hyperlink>javascript:alert(1)</Hyperlink>"))
            + Linked("Jump", "Jump", 40, Action("<BookmarkLink>target</BookmarkLink>"))
            + Linked("Drill", "Drill", 60, Action(drill))
            + table
            + Linked("Target", "Target", 160, "<Bookmark>target</Bookmark>");
        return Report(body);
    }

    private static string Section(string html, int page)
    {
        var start = html.IndexOf($"id=\"rpt-page-{page}\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<section class=\"rpt-page\" id=\"rpt-page-(\\d+)\" data-page=\"\\1\"")]
    private static partial Regex Sections();

    [GeneratedRegex(" id=\"([^\"]+)\"")]
    private static partial Regex Ids();
}
