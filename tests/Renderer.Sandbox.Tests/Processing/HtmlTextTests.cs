using Renderer.Sandbox.Processing;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>Issue 17 item 11: the text of MarkupType HTML values (SSRS's subset), and what counts as malformed.</summary>
public sealed class HtmlTextTests
{
    [TestCase("<b>bold</b> and <i>italic</i>", "bold and italic")]
    [TestCase("<p>one</p><p>two</p>", "one\ntwo")]
    [TestCase("line<br>break<BR/>again", "line\nbreak\nagain")]
    [TestCase("<ul><li>a</li><li>b</li></ul>", "\u2022 a\n\u2022 b")]
    [TestCase("<ol><li>a</li><li>b</li></ol>", "1. a\n2. b")]
    [TestCase("<h1>Title</h1>text", "Title\ntext")]
    [TestCase("a  \n  b", "a b")]
    [TestCase("<span style=\"color:red\">x</span> &amp; &lt;y&gt; &#233;&#x41;", "x & <y> \u00e9A")]
    [TestCase("<font face=\"Arial\">AT&T</font>", "AT&T")]
    [TestCase("<table><tr><td>cell</td></tr></table>", "cell")]
    [TestCase("plain text", "plain text")]
    public void Markup_becomes_its_text(string html, string expected)
    {
        Assert.That(HtmlText.TryConvert(html, out var text), Is.True);
        Assert.That(text, Is.EqualTo(expected));
    }

    [TestCase("<p>closed </b> twice</p>")]
    [TestCase("text <b never closed")]
    [TestCase("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p>&x;</p>")]
    [TestCase("<!-- comment --><p>x</p>")]
    public void Malformed_markup_is_refused_and_kept_as_it_is(string html)
    {
        Assert.That(HtmlText.TryConvert(html, out var text), Is.False);
        Assert.That(text, Is.EqualTo(html));
    }

    [Test]
    public void Values_over_the_limit_are_not_parsed()
    {
        var html = "<b>" + new string('x', HtmlText.MaxLength) + "</b>";
        Assert.That(HtmlText.TryConvert(html, out var text), Is.False);
        Assert.That(text, Is.SameAs(html));
    }
}

/// <summary>Issue 17 item 11: the styled paragraphs of MarkupType HTML values (runs, paragraph layout, links).</summary>
public sealed class HtmlRichTextTests
{
    private static readonly Renderer.Sandbox.Pages.TextStyle Base = Renderer.Sandbox.Pages.TextStyle.Default;

    private static Renderer.Sandbox.Pages.RichText Parse(string html)
    {
        Assert.That(HtmlText.TryParse(html, Base, out var rich), Is.True);
        return rich;
    }

    [Test]
    public void Tags_style_their_runs()
    {
        var runs = Parse("plain <b>bold</b> <i>italic</i> <u>under</u> <s>struck</s>").Paragraphs.Single().Runs;
        Assert.That(runs.Select(r => r.Text), Is.EqualTo(new[] { "plain ", "bold", " ", "italic", " ", "under", " ", "struck" }));
        Assert.That(runs[1].Style.Bold, Is.True);
        Assert.That(runs[3].Style.Italic, Is.True);
        Assert.That(runs[5].Style.Underline, Is.True);
        Assert.That(runs[7].Style.LineThrough, Is.True);
        Assert.That(runs[2].Style, Is.EqualTo(Base), "the space between two styled words keeps the outer style");
    }

    [Test]
    public void Font_and_css_set_colour_size_family_and_weight()
    {
        var runs = Parse("<font color=\"#C00000\" size=\"5\" face=\"Courier New\">a</font><span style=\"color:rgb(0,128,0); font-size:14pt; font-weight:600; font-family:'Times New Roman'\">b</span>").Paragraphs.Single().Runs;
        Assert.That(runs[0].Style.Color, Is.EqualTo(new Renderer.Sandbox.Pages.Rgba(0xC0, 0, 0)));
        Assert.That(runs[0].Style.FontSize, Is.EqualTo(18));
        Assert.That(runs[0].Style.FontFamily, Is.EqualTo("Courier New"));
        Assert.That(runs[1].Style.Color, Is.EqualTo(new Renderer.Sandbox.Pages.Rgba(0, 128, 0)));
        Assert.That(runs[1].Style.FontSize, Is.EqualTo(14));
        Assert.That(runs[1].Style.EffectiveWeight, Is.EqualTo(600));
        Assert.That(runs[1].Style.FontFamily, Is.EqualTo("'Times New Roman'"));
    }

    [Test]
    public void Blocks_carry_alignment_indent_and_padding()
    {
        var paragraphs = Parse("<h1>Title</h1><p style=\"text-align:center\">c</p><div style=\"text-indent:12pt; padding:6pt 0 3pt 10pt\">d</div>").Paragraphs;
        Assert.That(paragraphs[0].Runs[0].Style.FontSize, Is.EqualTo(20));
        Assert.That(paragraphs[0].Runs[0].Style.Bold, Is.True);
        Assert.That(paragraphs[1].Align, Is.EqualTo(Renderer.Sandbox.Pages.TextAlignment.Center));
        Assert.That(paragraphs[2].FirstLineIndent, Is.EqualTo(12));
        Assert.That((paragraphs[2].SpaceBefore, paragraphs[2].LeftIndent, paragraphs[2].SpaceAfter), Is.EqualTo((6.0, 10.0, 3.0)));
    }

    [Test]
    public void List_items_are_indented_paragraphs_with_their_marker()
    {
        var paragraphs = Parse("<ul><li>a</li><li>b</li></ul><ol><li>c</li><li>d<ul><li>e</li></ul></li></ol>").Paragraphs;
        Assert.That(paragraphs.Select(p => string.Concat(p.Runs.Select(r => r.Text))), Is.EqualTo(new[] { "\u2022 a", "\u2022 b", "1. c", "2. d", "\u2022 e" }));
        Assert.That(paragraphs.Select(p => p.LeftIndent), Is.EqualTo(new[] { 18.0, 18, 18, 18, 36 }));
    }

    [TestCase("https://example.com/a", "https://example.com/a")]
    [TestCase("mailto:sales@example.com", "mailto:sales@example.com")]
    [TestCase("javascript:alert(1)", null)]
    [TestCase("file:///etc/passwd", null)]
    [TestCase("/relative/path", null)]
    public void Links_keep_only_http_https_and_mailto_targets(string href, string? expected)
    {
        var runs = Parse($"see <a href=\"{href}\">this</a>").Paragraphs.Single().Runs;
        Assert.That(runs.Last().Text, Is.EqualTo(expected is null ? "see this" : "this"));
        Assert.That(runs.Last().Link, Is.EqualTo(expected));
    }

    [Test]
    public void A_list_after_a_list_with_styled_items_is_indented_as_well()
    {
        var paragraphs = Parse("<ul><li><span style=\"font-weight:bold; color:green\">Green</span> bold</li><li><span style=\"font-family:'Times New Roman'; font-size:12pt\">Times 12pt</span></li></ul><ol><li>Unpack</li><li>See <a href=\"https://example.com/guide\">the guide</a></li></ol>").Paragraphs;
        Assert.That(paragraphs.Select(p => p.LeftIndent), Is.EqualTo(new[] { 18.0, 18, 18, 18 }));
    }

    [Test]
    public void Nesting_deeper_than_the_limit_is_malformed()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", HtmlText.MaxDepth + 1)) + "x" + string.Concat(Enumerable.Repeat("</span>", HtmlText.MaxDepth + 1));
        Assert.That(HtmlText.TryParse(html, Base, out _), Is.False);
    }
}
