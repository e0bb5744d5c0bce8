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
    /// <summary>Appends <c>font-family</c>, <c>font-size</c>, weight, style and text decorations (no colour); single quotes only, for a style attribute.</summary>
    public static StringBuilder Font(this StringBuilder html, TextStyle style)
    {
        html.Append("font-family:'").Append(FontLibrary.ResolveFamilyName(style.FontFamily)).Append("',var(").Append(HtmlStyleSheet.FallbackVariable)
            .Append(");font-size:").Pt(style.FontSize).Append("pt");
        var weight = FontLibrary.ResolveWeight(style.FontFamily, style.EffectiveWeight);
        if (weight != 400) html.Append(";font-weight:").Append(weight);
        if (style.Italic) html.Append(";font-style:italic");
        if (style.Underline || style.LineThrough)
            html.Append(";text-decoration:").Append(style.Underline ? "underline" : string.Empty).Append(style.Underline && style.LineThrough ? " " : string.Empty)
                .Append(style.LineThrough ? "line-through" : string.Empty);
        return html;
    }

    /// <summary>Appends the top and line height that put a line's baseline <paramref name="baseline"/> points below its container's top.</summary>
    public static StringBuilder Baseline(this StringBuilder html, TextStyle style, double baseline)
    {
        var metrics = SkiaTextMeasurer.Shared.GetMetrics(style);
        return html.Append("top:").Pt(baseline - metrics.Ascent).Append("pt;line-height:").Pt(metrics.Ascent + metrics.Descent).Append("pt");
    }
}
