using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// Draws a pie or doughnut from the first such series: one wedge per category with a positive value, starting at twelve
/// o'clock and going clockwise, colored by the palette in category order (a point's own color wins). A doughnut's hole
/// is half the radius. Data labels sit in the middle of their wedge; wedges too narrow for a line of text get none.
/// </summary>
internal static class PiePlot
{
    public static Rgba ColorOf(ChartData data, int index) => data.Palette[index % data.Palette.Length];

    public static void Draw(ChartCanvas canvas, ChartData data, ChartSeriesData series, Bounds area)
    {
        var total = series.Points.Sum(p => p.Y is > 0 ? p.Y.Value : 0);
        if (total <= 0 || area.Width <= 0 || area.Height <= 0) return;
        var radius = Math.Max(1, Math.Min(area.Width, area.Height) / 2 - 2);
        var cx = area.X + area.Width / 2;
        var cy = area.Y + area.Height / 2;
        var inner = series.Type == ChartSeriesType.Doughnut ? radius * 0.5 : 0;
        var edge = ChartCanvas.Hairline(new Rgba(255, 255, 255), 0.75);
        double start = -90;
        var labels = new List<(string Text, double Angle, double Sweep)>();
        for (int i = 0; i < series.Points.Length; i++)
        {
            var point = series.Points[i];
            if (point.Y is not > 0) continue;
            var sweep = point.Y.Value / total * 360;
            canvas.Add(new ChartWedge(cx, cy, radius, inner, start, sweep, point.Color ?? ColorOf(data, i), edge));
            if (point.Label is { Length: > 0 } label) labels.Add((label, start + sweep / 2, sweep));
            start += sweep;
        }
        var style = ChartStyles.DataLabel;
        var lineHeight = canvas.LineHeight(style);
        var at = inner > 0 ? (radius + inner) / 2 : radius * 0.65;
        foreach (var (text, angle, sweep) in labels)
        {
            // A wedge too narrow for a line of text keeps its label off (it would overlap its neighbours).
            if (sweep * Math.PI / 180 * at < lineHeight) continue;
            var rad = angle * Math.PI / 180;
            canvas.Text(text, style, cx + Math.Cos(rad) * at, cy + Math.Sin(rad) * at - lineHeight / 2, ChartTextAnchor.Middle);
        }
    }
}
