using Renderer.Contracts.Formats;
using System.Text;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Html;

/// <summary>
/// The CSS font of a text style, naming the shipped face the PDF draws it with (<see cref="FontLibrary"/>): its family as
/// the style sheet's <c>@font-face</c> rules call it, the face's own weight (so the browser never synthesizes bold), the
/// style, then the fallback families for scripts the face lacks.
/// </summary>
internal static class HtmlFonts
{
    /// <summary>The family every page sets (<see cref="HtmlStyleSheet"/>): items in it do not repeat it.</summary>
    public const string DefaultFamily = HtmlStyleSheet.DefaultFamily;

    /// <summary>The font size every page sets, in points.</summary>
    public const double DefaultSize = HtmlStyleSheet.DefaultSize;

    /// <summary>
    /// Appends <c>font-family</c>, <c>font-size</c>, weight, style, text decorations and colour, each preceded by ';'.
    /// With <paramref name="inherited"/> false (a text item inside a page) properties equal to the page's defaults
    /// (Liberation Sans, 10pt, normal, black) are left out; with true (a rich-text run inside a styled item) all are written.
    /// Single quotes only, for a style attribute.
    /// </summary>
    public static StringBuilder Font(this StringBuilder html, TextStyle style, bool inherited = false)
    {
        var family = FontLibrary.ResolveFamilyName(style.FontFamily);
        if (inherited || family != DefaultFamily)
            html.Append(";font-family:'").Append(family).Append("',var(").Append(HtmlStyleSheet.FallbackVariable).Append(')');
        if (inherited || Math.Abs(style.FontSize - DefaultSize) > 0.001) html.Append(";font-size:").Pt(style.FontSize).Append("pt");
        var weight = FontLibrary.ResolveWeight(style.FontFamily, style.EffectiveWeight);
        if (inherited || weight != 400) html.Append(";font-weight:").Append(weight);
        if (inherited || style.Italic) html.Append(";font-style:").Append(style.Italic ? "italic" : "normal");
        if (inherited || style.Underline || style.LineThrough)
            html.Append(";text-decoration:").Append(style.Underline ? "underline" : string.Empty).Append(style.Underline && style.LineThrough ? " " : string.Empty)
                .Append(style.LineThrough ? "line-through" : style.Underline ? string.Empty : "none");
        if (inherited || style.Color != Rgba.Black) html.Append(";color:").Color(style.Color);
        return html;
    }

    /// <summary>Appends the top and line height that put a line's baseline <paramref name="baseline"/> points below its container's top.</summary>
    public static StringBuilder Baseline(this StringBuilder html, TextStyle style, double baseline)
    {
        var metrics = SkiaTextMeasurer.Shared.GetMetrics(style);
        return html.Append("top:").Pt(baseline - metrics.Ascent).Append("pt;line-height:").Pt(metrics.Ascent + metrics.Descent).Append("pt");
    }
}
