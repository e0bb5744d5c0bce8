using System.Globalization;
using Renderer.Sandbox.Layout.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Gauges;

namespace Renderer.Sandbox.Layout.Gauges;

/// <summary>
/// Draws a linear gauge, horizontal or vertical (Orientation, Auto by the aspect ratio): its frame, then per scale the
/// ranges (bands across the scale, as a bullet graph's qualitative ranges), the scale line with ticks and labels, and the
/// pointers: Bar (from the scale start, or zero, to the value), Thermometer (a bar with a bulb at the start) and Marker
/// (a triangle pointing at the value; Rectangle and Line markers are a bar across the scale, as a bullet graph's target).
/// StartMargin and EndMargin (percent of the length) and Position (percent across) place the scale.
/// </summary>
internal static class LinearGaugePainter
{
    private static readonly Rgba ScaleColor = new(0x40, 0x40, 0x40);

    public static void Draw(ChartCanvas canvas, GaugeData gauge, Bounds area)
    {
        if (area.Width < 4 || area.Height < 4) return;
        var orientation = gauge.Definition.Orientation;
        var vertical = orientation.Equals("Vertical", StringComparison.OrdinalIgnoreCase)
            || (!orientation.Equals("Horizontal", StringComparison.OrdinalIgnoreCase) && area.Height > area.Width);
        var frame = gauge.Frame.IsTransparent ? new Rgba(0xF0, 0xF0, 0xF0) : gauge.Frame;
        canvas.Rect(area.X + 1, area.Y + 1, area.Width - 2, area.Height - 2, frame, ChartCanvas.Hairline(new Rgba(0xA0, 0xA0, 0xA0), 0.75));
        var length = vertical ? area.Height : area.Width;
        var across = vertical ? area.Width : area.Height;
        foreach (var scale in gauge.Scales)
        {
            var thermometer = scale.Pointers.Any(p => p.Definition.Type.Equals("Thermometer", StringComparison.OrdinalIgnoreCase));
            // A thermometer's bulb sits before the scale start.
            var bulbRadius = across * 0.16;
            var start = Math.Max(length * scale.Definition.StartMargin / 100, thermometer ? bulbRadius * 2.6 : 0);
            var end = length * (1 - scale.Definition.EndMargin / 100);
            // Position along the scale (0 at the minimum) and across it: values grow rightwards, or upwards when vertical.
            double Along(double v) => start + GaugeLayout.Fraction(scale, v) * (end - start);
            ChartPoint At(double along, double cross) => vertical ? new ChartPoint(area.X + cross, area.Bottom - along) : new ChartPoint(area.X + along, area.Y + cross);
            void Band(double a, double b, double c1, double c2, Rgba fill)
            {
                var p = At(Math.Min(a, b), Math.Min(c1, c2));
                var q = At(Math.Max(a, b), Math.Max(c1, c2));
                canvas.Rect(Math.Min(p.X, q.X), Math.Min(p.Y, q.Y), Math.Abs(q.X - p.X), Math.Abs(q.Y - p.Y), fill, BorderSide.None);
            }
            var line = across * scale.Definition.Position / 100;
            foreach (var range in scale.Ranges)
            {
                var half = across * (range.Definition.StartWidth + range.Definition.EndWidth) / 400;
                Band(Along(range.Start), Along(range.End), line - half, line + half, range.Fill);
            }
            Band(start, end, line - 0.6, line + 0.6, ScaleColor);
            var tickLength = Math.Max(3, across * 0.08);
            var lineHeight = canvas.LineHeight(scale.LabelStyle);
            foreach (var tick in GaugeLayout.Ticks(scale))
            {
                var a = Along(tick);
                canvas.Add(new ChartPolyline([At(a, line + 1), At(a, line + 1 + tickLength)], ChartCanvas.Hairline(ScaleColor, 0.75)));
                if (scale.Definition.LabelsHidden) continue;
                var text = GaugeLayout.Label(tick, CultureInfo.CurrentCulture);
                var at = At(a, line + 2 + tickLength);
                if (vertical) canvas.Text(text, scale.LabelStyle, at.X + 1, at.Y - lineHeight / 2, ChartTextAnchor.Start);
                else canvas.Text(text, scale.LabelStyle, at.X, at.Y, ChartTextAnchor.Middle);
            }
            foreach (var pointer in scale.Pointers)
            {
                if (pointer.Value is not { } value) continue;
                var thickness = across * Math.Clamp(pointer.Definition.Width, 1, 60) / 100;
                var type = pointer.Definition.Type.ToLowerInvariant();
                if (type is "bar" or "thermometer")
                {
                    var from = pointer.Definition.BarStart.Equals("Zero", StringComparison.OrdinalIgnoreCase) ? Math.Clamp(0, scale.Minimum, scale.Maximum) : scale.Minimum;
                    Band(Along(from), Along(value), line - thickness / 2, line + thickness / 2, pointer.Fill);
                    if (type == "thermometer")
                    {
                        var bulb = At(start - bulbRadius * 0.9, line);
                        canvas.Add(new ChartWedge(bulb.X, bulb.Y, Math.Max(bulbRadius, thickness * 0.75), 0, 0, 360, pointer.Fill, BorderSide.None));
                    }
                    continue;
                }
                var markerStyle = pointer.Definition.MarkerStyle.ToLowerInvariant();
                if (markerStyle is "rectangle" or "line")
                {
                    var half = Math.Max(0.75, length * 0.006);
                    Band(Along(value) - half, Along(value) + half, line - thickness, line + thickness, pointer.Fill);
                    continue;
                }
                var size = Math.Max(5, across * pointer.Definition.MarkerLength / 100);
                var tip = At(Along(value), line - size / 2 - 1);
                canvas.Add(new ChartMarker(tip, ChartMarkerShape.Triangle, size, pointer.Fill, BorderSide.None));
            }
        }
    }
}
