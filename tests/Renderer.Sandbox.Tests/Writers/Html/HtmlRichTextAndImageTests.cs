using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Tests.Writers.Html;

/// <summary>Rich-text runs keep their styles and only safe links; images are data: URIs placed as the PDF draws them; lines are SVG.</summary>
public sealed class HtmlRichTextAndImageTests
{
    [Test]
    public void Rich_text_runs_keep_their_styles_and_only_safe_links()
    {
        var bold = TextStyle.Default with { Bold = true, Color = new Rgba(200, 0, 0) };
        var line = new TextLine(2, 12, 120, "Bold plain evil")
        {
            Segments =
            [
                new TextSegment(2, 25, "Bold", bold),
                new TextSegment(30, 30, "plain", TextStyle.Default) { Link = "https://example.com/?a=1&b=2" },
                new TextSegment(62, 20, "evil", TextStyle.Default) { Link = "javascript:alert(1)" },
            ],
        };
        var rich = new RichText([new RichParagraph([new RichRun("Bold plain evil", TextStyle.Default)])]);
        var item = new TextItem(new Bounds(10, 10, 200, 20), PageRegion.Body, "Bold plain evil", null, null, TextStyle.Default, BoxStyle.None, [line]) { Rich = rich };
        var html = HtmlRun.Write(new PaginatedDocument("Rich", [new Page(1, 300, 100, [item])]));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("font-weight:700;font-style:normal;text-decoration:none;color:#C80000\">Bold</span>"));
            Assert.That(html, Does.Contain("<a class=\"rpt-s\" href=\"https://example.com/?a=1&amp;b=2\" rel=\"noopener noreferrer\" target=\"_blank\""));
            Assert.That(html, Does.Contain(">evil</span>"));
            Assert.That(html, Does.Not.Contain("javascript"));
        });
    }

    [Test]
    public void A_linked_run_inside_a_textbox_that_links_does_not_nest_anchors()
    {
        var line = new TextLine(2, 12, 120, "See guide")
        {
            Segments =
            [
                new TextSegment(2, 25, "See", TextStyle.Default),
                new TextSegment(30, 30, "guide", TextStyle.Default) { Link = "https://example.com/guide" },
            ],
        };
        var rich = new RichText([new RichParagraph([new RichRun("See guide", TextStyle.Default)])]);
        var item = new TextItem(new Bounds(10, 10, 200, 20), PageRegion.Body, "See guide", null, null, TextStyle.Default, BoxStyle.None, [line])
        {
            Rich = rich,
            Hyperlink = "https://example.com/site",
        };
        var html = HtmlRun.Write(new PaginatedDocument("Rich", [new Page(1, 300, 100, [item])]));

        Assert.That(html, Does.Contain("href=\"https://example.com/site\""), "the textbox's own link wraps its lines");
        Assert.That(html, Does.Not.Contain("https://example.com/guide"), "an anchor inside an anchor is invalid HTML: the run is not linked again");
    }

    [Test]
    public void An_image_is_a_data_uri_at_the_place_the_pdf_draws_it()
    {
        using var bitmap = new SKBitmap(96, 48);
        bitmap.Erase(SKColors.Red);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var fit = new ImageItem(new Bounds(10, 10, 100, 100), PageRegion.Body, png.ToArray(), ImageSizing.FitProportional);
        var broken = new ImageItem(new Bounds(10, 120, 100, 100), PageRegion.Body, [1, 2, 3], ImageSizing.Fit);
        var rule = new LineItem(new Bounds(0, 50, 200, 0), PageRegion.Body, new BorderSide(BorderStyle.Dashed, Rgba.Black, 1));
        var html = HtmlRun.Write(new PaginatedDocument("Images", [new Page(1, 300, 300, [fit, broken, rule])]));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<img class=\"rpt-i\" alt=\"\" style=\"left:10pt;top:35pt;width:100pt;height:50pt\" src=\"data:image/png;base64,iVBOR"));
            Assert.That(System.Text.RegularExpressions.Regex.Count(html, "<img "), Is.EqualTo(1), "undecodable data is left out, as in the PDF");
            Assert.That(html, Does.Contain("<svg class=\"rpt-ln\"").And.Contain("stroke-dasharray"));
        });
    }
}
