using Renderer.Sandbox.Layout.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Gauges;

namespace Renderer.Sandbox.Layout.Gauges;

/// <summary>
/// Draws a state indicator's icon in its state's color, centered in its rectangle: directional sets (ArrowUp, ArrowDown,
/// ArrowSide, ArrowUpIncline, ArrowDownIncline), symbols (check, cross, exclamation), shapes (circle, traffic light,
/// diamond, triangle, square, flag, star) and rating sets (stars, quarters, boxes, signal meters: as many of four parts
/// filled as the icon's name says).
/// </summary>
internal static class IndicatorPainter
{
    private static readonly Rgba Empty = new(0xD8, 0xD8, 0xD8);

    public static void Draw(ChartCanvas canvas, IndicatorData indicator, Bounds area)
    {
        if (indicator.Icon is not { } icon || icon == "None") return;
        var size = Math.Min(area.Width, area.Height) * 0.85;
        if (size < 2) return;
        var cx = area.X + area.Width / 2;
        var cy = area.Y + area.Height / 2;
        var color = indicator.Color;
        var name = icon.ToLowerInvariant();
        if (Rating(name) is { } filled)
        {
            Parts(canvas, name, filled, cx, cy, size, color);
            return;
        }
        if (name.Contains("arrow", StringComparison.Ordinal))
        {
            var angle = name.Contains("upincline", StringComparison.Ordinal) ? -45
                : name.Contains("downincline", StringComparison.Ordinal) ? 45
                : name.Contains("up", StringComparison.Ordinal) ? -90
                : name.Contains("down", StringComparison.Ordinal) ? 90 : 0;
            Arrow(canvas, cx, cy, size, angle, color);
            return;
        }
        if (name.Contains("check", StringComparison.Ordinal))
        {
            Circled(canvas, name, cx, cy, size, color);
            canvas.Add(new ChartPolyline([new(cx - size * 0.25, cy), new(cx - size * 0.07, cy + size * 0.2), new(cx + size * 0.27, cy - size * 0.2)], Stroke(name, size, color)));
            return;
        }
        if (name.Contains("cross", StringComparison.Ordinal) || name == "x")
        {
            Circled(canvas, name, cx, cy, size, color);
            var d = size * 0.2;
            canvas.Add(new ChartPolyline([new(cx - d, cy - d), new(cx + d, cy + d)], Stroke(name, size, color)));
            canvas.Add(new ChartPolyline([new(cx - d, cy + d), new(cx + d, cy - d)], Stroke(name, size, color)));
            return;
        }
        if (name.Contains("exclamation", StringComparison.Ordinal))
        {
            Circled(canvas, name, cx, cy, size, color);
            canvas.Add(new ChartPolyline([new(cx, cy - size * 0.25), new(cx, cy + size * 0.08)], Stroke(name, size, color)));
            canvas.Add(new ChartWedge(cx, cy + size * 0.22, size * 0.06, 0, 0, 360, name.Contains("uncircled", StringComparison.Ordinal) ? color : new Rgba(255, 255, 255), BorderSide.None));
            return;
        }
        if (name.Contains("flag", StringComparison.Ordinal))
        {
            var left = cx - size * 0.3;
            canvas.Add(new ChartPolyline([new(left, cy + size * 0.45), new(left, cy - size * 0.45)], new BorderSide(BorderStyle.Solid, new Rgba(0x40, 0x40, 0x40), Math.Max(0.75, size * 0.06))));
            canvas.Add(new ChartPolygon([new(left, cy - size * 0.45), new(cx + size * 0.35, cy - size * 0.25), new(left, cy - size * 0.05)], color, BorderSide.None));
            return;
        }
        var shape = name.Contains("diamond", StringComparison.Ordinal) ? ChartMarkerShape.Diamond
            : name.Contains("triangle", StringComparison.Ordinal) ? ChartMarkerShape.Triangle
            : name.Contains("square", StringComparison.Ordinal) ? ChartMarkerShape.Square
            : name.Contains("star", StringComparison.Ordinal) ? ChartMarkerShape.Star5
            : ChartMarkerShape.Circle;
        if (name.Contains("trafficlight", StringComparison.Ordinal))
            canvas.Add(new ChartWedge(cx, cy, size / 2, 0, 0, 360, new Rgba(0x30, 0x30, 0x30), BorderSide.None));
        var inner = name.Contains("trafficlight", StringComparison.Ordinal) ? size * 0.8 : size;
        canvas.Add(new ChartMarker(new ChartPoint(cx, cy), shape, inner, color, ChartCanvas.Hairline(Darker(color), 0.5)));
    }

    /// <summary>How many of four parts a rating icon fills (…NoneFilled 0 … AllFilled 4); null when not a rating icon.</summary>
    private static int? Rating(string name)
    {
        if (!(name.Contains("quarters", StringComparison.Ordinal) || name.Contains("boxes", StringComparison.Ordinal) || name.Contains("signalmeter", StringComparison.Ordinal)
            || (name.Contains("star", StringComparison.Ordinal) && name.Contains("filled", StringComparison.Ordinal))))
            return null;
        return name.Contains("allfilled", StringComparison.Ordinal) ? 4
            : name.Contains("threefilled", StringComparison.Ordinal) ? 3
            : name.Contains("twofilled", StringComparison.Ordinal) ? 2
            : name.Contains("onefilled", StringComparison.Ordinal) ? 1
            : name.Contains("fourfilled", StringComparison.Ordinal) ? 4 : 0;
    }

    private static void Parts(ChartCanvas canvas, string name, int filled, double cx, double cy, double size, Rgba color)
    {
        if (name.Contains("quarters", StringComparison.Ordinal) || name.Contains("star", StringComparison.Ordinal))
        {
            canvas.Add(new ChartWedge(cx, cy, size / 2, 0, 0, 360, Empty, ChartCanvas.Hairline(Darker(color), 0.5)));
            if (filled > 0) canvas.Add(new ChartWedge(cx, cy, size / 2, 0, -90, filled * 90, color, BorderSide.None));
            return;
        }
        // Boxes (two by two) and signal meters (four rising bars).
        var part = size / 4;
        for (int i = 0; i < 4; i++)
        {
            var fill = i < filled ? color : Empty;
            if (name.Contains("signalmeter", StringComparison.Ordinal))
            {
                var h = size * (i + 1) / 4;
                canvas.Rect(cx - size / 2 + i * part + part * 0.1, cy + size / 2 - h, part * 0.8, h, fill, BorderSide.None);
            }
            else
            {
                var (col, row) = (i % 2, 1 - i / 2);
                canvas.Rect(cx - size / 2 + col * size / 2 + size * 0.03, cy - size / 2 + row * size / 2 + size * 0.03, size / 2 - size * 0.06, size / 2 - size * 0.06, fill, BorderSide.None);
            }
        }
    }

    private static void Arrow(ChartCanvas canvas, double cx, double cy, double size, double degrees, Rgba color)
    {
        var rad = degrees * Math.PI / 180;
        var (cos, sin) = (Math.Cos(rad), Math.Sin(rad));
        ChartPoint P(double x, double y) => new(cx + x * cos - y * sin, cy + x * sin + y * cos);
        var s = size / 2;
        canvas.Add(new ChartPolygon([P(s, 0), P(0, -s * 0.85), P(0, -s * 0.35), P(-s, -s * 0.35), P(-s, s * 0.35), P(0, s * 0.35), P(0, s * 0.85)], color, ChartCanvas.Hairline(Darker(color), 0.5)));
    }

    /// <summary>A filled circle under a symbol, unless the icon is "uncircled"; the symbol is then white.</summary>
    private static void Circled(ChartCanvas canvas, string name, double cx, double cy, double size, Rgba color)
    {
        if (!name.Contains("uncircled", StringComparison.Ordinal))
            canvas.Add(new ChartWedge(cx, cy, size / 2, 0, 0, 360, color, BorderSide.None));
    }

    private static BorderSide Stroke(string name, double size, Rgba color) =>
        new(BorderStyle.Solid, name.Contains("uncircled", StringComparison.Ordinal) ? color : new Rgba(255, 255, 255), Math.Max(1, size * 0.12));

    private static Rgba Darker(Rgba c) => new((byte)(c.R * 0.7), (byte)(c.G * 0.7), (byte)(c.B * 0.7));
}
