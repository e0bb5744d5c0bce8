using System.Collections.Immutable;
using System.Text;

namespace Renderer.Sandbox.Pages;

/// <summary>
/// Styled text of a textbox (a MarkupType HTML placeholder): paragraphs of runs, each run with its own style. Processing
/// builds it (<c>Processing/HtmlText</c>); layout breaks it into lines of <see cref="TextSegment"/>s, and the writers that
/// keep paragraphs (XLSX rich-text cells, DOCX runs) write it as it is.
/// </summary>
public sealed record RichText(ImmutableArray<RichParagraph> Paragraphs)
{
    /// <summary>The text without styling: paragraphs joined by "\n" (list markers included).</summary>
    public string PlainText
    {
        get
        {
            var text = new StringBuilder();
            for (int p = 0; p < Paragraphs.Length; p++)
            {
                if (p > 0) text.Append('\n');
                foreach (var run in Paragraphs[p].Runs) text.Append(run.Text);
            }
            return text.ToString();
        }
    }

    /// <summary>True when some run differs in style from <paramref name="style"/> or a paragraph has its own layout.</summary>
    public bool IsStyled(TextStyle style) =>
        Paragraphs.Any(p => p.Align != TextAlignment.General || p.LeftIndent != 0 || p.FirstLineIndent != 0 || p.SpaceBefore != 0 || p.SpaceAfter != 0
            || p.Runs.Any(r => r.Link is not null || !Equals(r.Style, style)));
}

/// <summary>
/// One paragraph: its runs, and the layout its markup asked for. <see cref="Align"/> General keeps the textbox's
/// alignment; indents and spacing are in points (<see cref="FirstLineIndent"/> is added to <see cref="LeftIndent"/> on
/// the first line, CSS text-indent).
/// </summary>
public sealed record RichParagraph(ImmutableArray<RichRun> Runs)
{
    public TextAlignment Align { get; init; }

    public double LeftIndent { get; init; }

    public double FirstLineIndent { get; init; }

    public double SpaceBefore { get; init; }

    public double SpaceAfter { get; init; }
}

/// <summary>A run of text in one style; <see cref="Link"/> is an absolute http, https or mailto URL (<see cref="SafeLinks"/>) or null.</summary>
public sealed record RichRun(string Text, TextStyle Style)
{
    public string? Link { get; init; }
}

/// <summary>
/// A piece of a laid-out rich-text line in one style: <see cref="X"/> from the item's left edge, <see cref="Width"/> its
/// advance, both in points; it shares the line's baseline.
/// </summary>
public sealed record TextSegment(double X, double Width, string Text, TextStyle Style)
{
    public string? Link { get; init; }
}
