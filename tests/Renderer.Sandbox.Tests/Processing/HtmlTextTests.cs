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
