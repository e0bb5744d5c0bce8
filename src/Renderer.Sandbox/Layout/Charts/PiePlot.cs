using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// Draws a pie or doughnut from the first such series: one wedge per category with a positive value, starting at twelve
/// o'clock and going clockwise, colored by the palette in category order (a point's own color wins). A doughnut's hole
/// is half the radius. A data label sits in the middle of its wedge when it fits there; otherwise it goes outside the
/// pie beside its wedge with a callout line, as SSRS's smart labels do (the pie shrinks to make room), and outside labels
/// are nudged apart so they never overlap.
/// </summary>
internal static class PiePlot
{
    private const double CalloutGap = 10;

    public static Rgba ColorOf(ChartData data, int index) => data.Palette[index % data.Palette.Length];

    public static void Draw(ChartCanvas canvas, ChartData data, ChartSeriesData series, Bounds area)
    {
        var total = series.Points.Sum(p => p.Y is > 0 ? p.Y.Value : 0);
        if (total <= 0 || area.Width <= 0 || area.Height <= 0) return;
        var style = ChartStyles.DataLabel;
        var lineHeight = canvas.LineHeight(style);
        var slices = Slices(series, total);

        var radius = Math.Max(1, Math.Min(area.Width, area.Height) / 2 - 2);
        var outside = slices.Where(s => s.Label is { } label && !FitsInside(canvas, label, s.Sweep, LabelRadius(series, radius), lineHeight)).ToList();
        if (outside.Count > 0)
        {
            var widest = outside.Max(s => canvas.Width(s.Label!, style));
            // Outside labels of neighbouring slivers stack, so leave a line for each (up to three) above and below.
            var room = Math.Min(area.Width / 2 - widest - CalloutGap - 4, area.Height / 2 - lineHeight * Math.Min(outside.Count, 3) - CalloutGap);
            radius = Math.Max(radius * 0.5, Math.Min(radius, room));
        }

        var cx = area.X + area.Width / 2;
        var cy = area.Y + area.Height / 2;
        var inner = series.Type == ChartSeriesType.Doughnut ? radius * 0.5 : 0;
        var edge = ChartCanvas.Hairline(new Rgba(255, 255, 255), 0.75);
        foreach (var slice in slices)
            canvas.Add(new ChartWedge(cx, cy, radius, inner, slice.Start, slice.Sweep, series.Points[slice.Index].Color ?? ColorOf(data, slice.Index), edge));

        var at = LabelRadius(series, radius);
        var placed = new List<(double Top, double Bottom, bool Right)>();
        foreach (var slice in slices)
        {
            if (slice.Label is not { } text) continue;
            var rad = (slice.Start + slice.Sweep / 2) * Math.PI / 180;
            var (cos, sin) = (Math.Cos(rad), Math.Sin(rad));
            if (FitsInside(canvas, text, slice.Sweep, at, lineHeight))
            {
                canvas.Text(text, style, cx + cos * at, cy + sin * at - lineHeight / 2, ChartTextAnchor.Middle);
                continue;
            }
            bool right = cos >= 0;
            double top = Separate(cy + sin * (radius + CalloutGap) - lineHeight / 2, lineHeight, right, down: right, placed);
            if (top < area.Y || top + lineHeight > area.Bottom)
                top = Separate(Math.Clamp(top, area.Y, area.Bottom - lineHeight), lineHeight, right, down: top < area.Y, placed);
            placed.Add((top, top + lineHeight, right));
            var tipX = cx + cos * (radius + CalloutGap);
            var labelX = tipX + (right ? 2 : -2);
            canvas.Add(new ChartPolyline(
                [new ChartPoint(cx + cos * radius * 0.95, cy + sin * radius * 0.95), new ChartPoint(tipX, top + lineHeight / 2)],
                ChartCanvas.Hairline(new Rgba(0x40, 0x40, 0x40), 0.5)));
            canvas.Text(text, style, labelX, top, right ? ChartTextAnchor.Start : ChartTextAnchor.End);
        }
    }

    private static List<(int Index, double Start, double Sweep, string? Label)> Slices(ChartSeriesData series, double total)
    {
        var slices = new List<(int, double, double, string?)>();
        double start = -90;
        for (int i = 0; i < series.Points.Length; i++)
        {
            var point = series.Points[i];
            if (point.Y is not > 0) continue;
            var sweep = point.Y.Value / total * 360;
            slices.Add((i, start, sweep, point.Label is { Length: > 0 } label ? label : null));
            start += sweep;
        }
        return slices;
    }

    private static double LabelRadius(ChartSeriesData series, double radius) =>
        series.Type == ChartSeriesType.Doughnut ? radius * 0.75 : radius * 0.65;

    /// <summary>The wedge's arc at the label radius must hold the text's width and a line's height.</summary>
    private static bool FitsInside(ChartCanvas canvas, string text, double sweep, double at, double lineHeight)
    {
        var arc = Math.Min(sweep, 180) * Math.PI / 180 * at;
        return arc >= Math.Max(lineHeight * 1.5, canvas.Width(text, ChartStyles.DataLabel) + 4);
    }

    /// <summary>
    /// Moves an outside label off the ones already on its side, <paramref name="down"/> or up: labels are placed clockwise
    /// from the top, so down on the right and up on the left, unless that would leave the plot area.
    /// </summary>
    private static double Separate(double top, double lineHeight, bool right, bool down, List<(double Top, double Bottom, bool Right)> placed)
    {
        bool moved = true;
        while (moved)
        {
            moved = false;
            foreach (var other in placed.Where(p => p.Right == right))
            {
                if (top < other.Bottom + 1 && top + lineHeight > other.Top - 1)
                {
                    top = down ? other.Bottom + 1 : other.Top - 1 - lineHeight;
                    moved = true;
                }
            }
        }
        return top;
    }
}
