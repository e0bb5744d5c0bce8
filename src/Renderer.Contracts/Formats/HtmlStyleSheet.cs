using System.Text;

namespace Renderer.Contracts.Formats;

/// <summary>
/// The HTML format's one style sheet: an <c>@font-face</c> rule per shipped font file (served under
/// <see cref="ShippedFonts.UrlPath"/>, so pages measure as the PDF does) and the classes the page writer uses. The same
/// for every report, so a viewer that shows streamed pages can apply it before the first page arrives: the host serves
/// it as <c>/viewer/report.css</c> (which is why it lives here, beside the list of shipped fonts, and not in the writer).
/// </summary>
public static class HtmlStyleSheet
{
    /// <summary>The CSS custom property holding the fallback families (Hebrew, Arabic, CJK), appended to every font-family.</summary>
    public const string FallbackVariable = "--rpt-fallback";

    /// <summary>The family every page sets: items in it do not repeat it.</summary>
    public const string DefaultFamily = "Liberation Sans";

    /// <summary>The font size every page sets, in points.</summary>
    public const double DefaultSize = 10;

    public static string Text { get; } = Build();

    private static string Build()
    {
        var css = new StringBuilder();
        foreach (var font in ShippedFonts.All)
        {
            css.Append("@font-face{font-family:\"").Append(font.Family).Append("\";src:url(").Append(ShippedFonts.UrlPath).Append(font.FileName)
                .Append(") format(\"truetype\");font-weight:").Append(font.Weight).Append(";font-style:").Append(font.Italic ? "italic" : "normal")
                .Append(";font-display:block}\n");
        }
        css.Append(".rpt-page{").Append(FallbackVariable).Append(':').AppendJoin(',', ShippedFonts.FallbackFamilies.Select(f => "\"" + f + "\""))
            .Append(";font-family:'").Append(DefaultFamily).Append("',var(").Append(FallbackVariable).Append(");font-size:").Append(DefaultSize.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("pt;font-weight:400;font-style:normal;line-height:normal")
            .Append(";position:relative;overflow:hidden;background:#fff;color:#000;margin:0 auto 12pt;box-sizing:border-box;font-kerning:none;font-variant-ligatures:none;text-rendering:geometricPrecision}\n");
        css.Append("""
            body.rpt-doc{margin:0;padding:12pt 0;background:#e8e8e8}
            .rpt-page>*{position:absolute;box-sizing:border-box;margin:0}
            .rpt-t{overflow:hidden;white-space:pre}
            .rpt-t>a,.rpt-l,.rpt-s{position:absolute;white-space:pre;margin:0}
            .rpt-l{text-decoration:inherit}
            .rpt-t>a{left:0;top:0;right:0;bottom:0;color:inherit;text-decoration:inherit}
            .rpt-b,.rpt-ln{pointer-events:none}
            .rpt-ln,.rpt-c{overflow:visible}
            .rpt-toggle,.rpt-sort{position:absolute;width:9pt;height:9pt;padding:0;margin:0;border:0.75pt solid #808080;background:#fff;color:#000;font:bold 7pt/1 sans-serif;cursor:pointer;display:flex;align-items:center;justify-content:center}
            .rpt-toggle[aria-expanded="true"]::before{content:"\2212"}
            .rpt-toggle[aria-expanded="false"]::before{content:"+"}
            .rpt-sort{border:0}
            .rpt-sort[data-state="none"]::before{content:"\21C5"}
            .rpt-sort[data-state="asc"]::before{content:"\25B2"}
            .rpt-sort[data-state="desc"]::before{content:"\25BC"}
            .rpt-toggle:focus-visible,.rpt-sort:focus-visible,.rpt-t a:focus-visible{outline:2px solid #1a5fb4;outline-offset:1px}
            @media print{.rpt-page{margin:0;break-after:page}.rpt-toggle,.rpt-sort{display:none}}

            """);
        return css.ToString();
    }
}
