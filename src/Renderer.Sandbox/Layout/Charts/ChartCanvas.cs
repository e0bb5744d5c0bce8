using System.Collections.Immutable;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>Collects the shapes of one chart and measures its text with the fonts the writers use.</summary>
internal sealed class ChartCanvas(ITextMeasurer measurer)
{
    private readonly List<ChartShape> _shapes = [];

    public static BorderSide Hairline(Rgba color, double width = 0.75) => new(BorderStyle.Solid, color, width);

    public ImmutableArray<ChartShape> Shapes => [.. _shapes];

    public double Width(string text, TextStyle style) => text.Length == 0 ? 0 : measurer.MeasureWidth(text, style);

    public double LineHeight(TextStyle style) => measurer.GetMetrics(style).LineHeight;

    public void Add(ChartShape shape) => _shapes.Add(shape);

    public void Rect(double x, double y, double width, double height, Rgba fill, BorderSide stroke)
    {
        if (width <= 0 && height <= 0) return;
        _shapes.Add(new ChartRect(new Bounds(x, y, Math.Max(0, width), Math.Max(0, height)), fill, stroke));
    }

    public void Line(double x1, double y1, double x2, double y2, BorderSide stroke) =>
        _shapes.Add(new ChartPolyline([new ChartPoint(x1, y1), new ChartPoint(x2, y2)], stroke));

    /// <summary>Adds one line of text whose top edge is at <paramref name="top"/> (unrotated), anchored at <paramref name="x"/>.</summary>
    public void Text(string text, TextStyle style, double x, double top, ChartTextAnchor anchor)
    {
        if (text.Length == 0 || style.Color.IsTransparent) return;
        var metrics = measurer.GetMetrics(style);
        _shapes.Add(new ChartText(x, top + metrics.Ascent, text, style, anchor) { Width = Width(text, style) });
    }

    /// <summary>Adds text turned -90 degrees (reading upwards), centered on (<paramref name="centerX"/>, <paramref name="centerY"/>).</summary>
    public void VerticalText(string text, TextStyle style, double centerX, double centerY)
    {
        if (text.Length == 0 || style.Color.IsTransparent) return;
        var metrics = measurer.GetMetrics(style);
        var baselineX = centerX + (metrics.Ascent - metrics.Descent) / 2;
        _shapes.Add(new ChartText(baselineX, centerY, text, style, ChartTextAnchor.Middle, -90) { Width = Width(text, style) });
    }

    /// <summary>
    /// Shortens <paramref name="text"/> with "..." to fit <paramref name="maxWidth"/>: the longest prefix that fits, found
    /// by bisection (widths grow with the prefix), so a long label costs a few measurements, not one per character.
    /// </summary>
    public string Fit(string text, TextStyle style, double maxWidth)
    {
        if (text.Length <= 1 || Width(text, style) <= maxWidth) return text;
        int fits = 0, fails = text.Length;
        while (fails - fits > 1)
        {
            var n = fits + (fails - fits) / 2;
            if (Width(text[..n] + "...", style) <= maxWidth) fits = n;
            else fails = n;
        }
        return fits > 0 ? text[..fits] + "..." : text[..1];
    }
}
