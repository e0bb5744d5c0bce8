using System.Text;
using System.Text.RegularExpressions;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Charts;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Html;

/// <summary>
/// Charts, gauges and maps (<see cref="ChartItem"/>s) as inline SVG: the PDF's own painter (<see cref="ChartPainter"/>)
/// draws on Skia's SVG canvas, so shapes and labels are the PDF's. Labels stay text in the shipped families, which the
/// style sheet's <c>@font-face</c> rules provide. Skia numbers its clip paths from 1 in every drawing: the ids get a prefix
/// per chart so two charts on a page do not share clips. A chart Skia cannot draw as SVG falls back to a PNG picture.
/// </summary>
internal static partial class HtmlChartSvg
{
    public static void Write(StringBuilder html, ChartItem chart, string idPrefix)
    {
        var b = chart.Bounds;
        if (b.Width <= 0 || b.Height <= 0) return;
        var svg = Svg(chart, idPrefix);
        if (svg is null)
        {
            if (ChartRasterizer.ToPng(chart) is { } png)
                html.Append("<img class=\"rpt-c\" alt=\"").Text(chart.Name).Append("\" style=\"").Place(b).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\"/>\n");
            return;
        }
        html.Append("<svg class=\"rpt-c\" role=\"img\" aria-label=\"").Text(chart.Name).Append("\" style=\"").Place(b).Append('"').Append(svg).Append('\n');
    }

    /// <summary>The SVG element without its opening "&lt;svg" (the caller writes that with its own attributes); null when Skia gave none.</summary>
    private static string? Svg(ChartItem chart, string idPrefix)
    {
        using var stream = new MemoryStream();
        using (var managed = new SKManagedWStream(stream))
        {
            using var canvas = SKSvgCanvas.Create(new SKRect(0, 0, (float)chart.Bounds.Width, (float)chart.Bounds.Height), managed);
            if (canvas is null) return null;
            var fonts = SkiaFontCache.Shared;
            ChartPainter.Draw(canvas, chart with { Bounds = chart.Bounds with { X = 0, Y = 0 } }, fonts.Get, new RasterChartText(fonts));
        }
        var text = Encoding.UTF8.GetString(stream.ToArray());
        var start = text.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0) return null;
        text = text[(start + 4)..].TrimEnd();
        text = Ids().Replace(text, m => m.Groups[1].Value + idPrefix + m.Groups[2].Value);
        // Skia's coordinates are the chart's points; a viewBox scales them to the element's size in pt.
        if (!text.AsSpan(0, Math.Max(0, text.IndexOf('>'))).Contains("viewBox", StringComparison.Ordinal))
        {
            var box = new StringBuilder(" viewBox=\"0 0 ").Pt(chart.Bounds.Width).Append(' ').Pt(chart.Bounds.Height).Append('"');
            text = box + text;
        }
        return text;
    }

    /// <summary>An id Skia gives and its references: <c>id="clip_1"</c>, <c>url(#clip_1)</c>, <c>href="#clip_1"</c>.</summary>
    [GeneratedRegex("(id=\"|url\\(#|href=\"#)([A-Za-z_][\\w-]*)")]
    private static partial Regex Ids();
}
