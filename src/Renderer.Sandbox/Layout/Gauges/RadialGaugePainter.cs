using System.Globalization;
using Renderer.Sandbox.Layout.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Gauges;

namespace Renderer.Sandbox.Layout.Gauges;

/// <summary>
/// Draws a radial gauge: its round frame, then per scale the ranges (bands inside the scale), the scale arc with major
/// ticks and labels, and the pointers: Needle (a tapered needle from the center with a cap), Bar (a band from the scale
/// start, or zero, to the value) and Marker (a triangle on the scale). Angles follow SSRS: StartAngle and SweepAngle in
/// degrees clockwise from six o'clock; the scale's Radius is a percentage of the gauge's size.
/// </summary>
internal static class RadialGaugePainter
{
    private static readonly Rgba ScaleColor = new(0x40, 0x40, 0x40);

    public static void Draw(ChartCanvas canvas, GaugeData gauge, Bounds area)
    {
        var size = Math.Min(area.Width, area.Height);
        if (size < 4) return;
        var cx = area.X + area.Width / 2;
        var cy = area.Y + area.Height / 2;
        var frame = gauge.Frame.IsTransparent ? new Rgba(0xF0, 0xF0, 0xF0) : gauge.Frame;
        canvas.Add(new ChartWedge(cx, cy, size / 2 * 0.98, 0, 0, 360, frame, ChartCanvas.Hairline(new Rgba(0xA0, 0xA0, 0xA0), 0.75)));
        foreach (var scale in gauge.Scales)
        {
            var r = size * Math.Clamp(scale.Definition.Radius, 5, 50) / 100;
            double Angle(double v) => 90 + scale.Definition.StartAngle + GaugeLayout.Fraction(scale, v) * scale.Definition.SweepAngle;
            foreach (var range in scale.Ranges)
            {
                var width = r * (range.Definition.StartWidth + range.Definition.EndWidth) / 200;
                var outer = r * (1 - range.Definition.DistanceFromScale / 100 * 0.5);
                var (a, b) = (Angle(Math.Min(range.Start, range.End)), Angle(Math.Max(range.Start, range.End)));
                if (b > a) canvas.Add(new ChartWedge(cx, cy, outer, Math.Max(0, outer - width), a, b - a, range.Fill, BorderSide.None));
            }
            canvas.Add(new ChartWedge(cx, cy, r, r * 0.97, Angle(scale.Minimum), scale.Definition.SweepAngle, ScaleColor, BorderSide.None));
            var labelRadius = r * 0.78;
            var lineHeight = canvas.LineHeight(scale.LabelStyle);
            foreach (var tick in GaugeLayout.Ticks(scale))
            {
                var rad = Angle(tick) * Math.PI / 180;
                var (cos, sin) = (Math.Cos(rad), Math.Sin(rad));
                canvas.Add(new ChartPolyline([new ChartPoint(cx + cos * r * 0.88, cy + sin * r * 0.88), new ChartPoint(cx + cos * r * 1.02, cy + sin * r * 1.02)],
                    new BorderSide(BorderStyle.Solid, ScaleColor, Math.Max(0.75, r / 50))));
                if (!scale.Definition.LabelsHidden)
                    canvas.Text(GaugeLayout.Label(tick, CultureInfo.CurrentCulture), scale.LabelStyle, cx + cos * labelRadius, cy + sin * labelRadius - lineHeight / 2, ChartTextAnchor.Middle);
            }
            foreach (var pointer in scale.Pointers)
            {
                if (pointer.Value is not { } value) continue;
                var rad = Angle(value) * Math.PI / 180;
                var (cos, sin) = (Math.Cos(rad), Math.Sin(rad));
                switch (pointer.Definition.Type.ToLowerInvariant())
                {
                    case "bar":
                        var from = pointer.Definition.BarStart.Equals("Zero", StringComparison.OrdinalIgnoreCase) ? Math.Clamp(0, scale.Minimum, scale.Maximum) : scale.Minimum;
                        var (a, b) = (Angle(Math.Min(from, value)), Angle(Math.Max(from, value)));
                        var thickness = r * Math.Clamp(pointer.Definition.Width, 1, 50) / 100;
                        if (b > a) canvas.Add(new ChartWedge(cx, cy, r * 0.96, r * 0.96 - thickness, a, b - a, pointer.Fill, BorderSide.None));
                        break;
                    case "marker":
                        var tip = new ChartPoint(cx + cos * r * 0.9, cy + sin * r * 0.9);
                        canvas.Add(new ChartMarker(tip, ChartMarkerShape.Triangle, Math.Max(4, r * pointer.Definition.MarkerLength / 100), pointer.Fill, BorderSide.None));
                        break;
                    default:
                        Needle(canvas, cx, cy, cos, sin, r, pointer);
                        break;
                }
            }
        }
    }

    private static void Needle(ChartCanvas canvas, double cx, double cy, double cos, double sin, double r, GaugePointerData pointer)
    {
        var half = Math.Max(1, r * Math.Clamp(pointer.Definition.Width, 2, 40) / 100 / 2);
        var (nx, ny) = (-sin, cos);
        ChartPoint P(double along, double across) => new(cx + cos * along + nx * across, cy + sin * along + ny * across);
        canvas.Add(new ChartPolygon([P(r * 0.92, 0), P(0, half), P(-r * 0.15, half * 0.6), P(-r * 0.15, -half * 0.6), P(0, -half)], pointer.Fill,
            ChartCanvas.Hairline(new Rgba(0x60, 0x60, 0x60), 0.5)));
        canvas.Add(new ChartWedge(cx, cy, Math.Max(2, r * 0.09), 0, 0, 360, new Rgba(0x50, 0x50, 0x50), BorderSide.None));
    }
}
