using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// Draws a pie or doughnut from the first such series: one wedge per category with a positive value, starting at twelve
/// o'clock and going clockwise, colored by the palette in category order (a point's own color wins). A doughnut's hole
/// is half the radius. A data label sits in the middle of its wedge when it fits there; otherwise it goes outside the
/// pie beside its wedge with a callout line, as SSRS's smart labels do (the pie shrinks to make room), and outside labels
/// are nudged apart so they never overlap; one that no longer fits in the plot area is left out, as SSRS hides labels
/// that would collide. Labels are placed in one pass, clockwise from the top (down the right side, up the left), so each
/// only has to clear the last one placed on its side: the work is linear in the slices, however many there are.
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
        var radius = Math.Max(1, Math.Min(area.Width, area.Height) / 2 - 2);
        var slices = Slices(canvas, series, total, LabelRadius(series, radius), lineHeight);
        var outside = slices.Where(s => s.Label is not null && !s.Inside).ToList();
        if (outside.Count > 0)
        {
            var widest = outside.Max(s => s.LabelWidth);
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
        // The bottom of the last label placed on the right and the top of the last one on the left.
        double rightBottom = double.NegativeInfinity, leftTop = double.PositiveInfinity;
        foreach (var slice in slices)
        {
            if (slice.Label is not { } text) continue;
            var rad = (slice.Start + slice.Sweep / 2) * Math.PI / 180;
            var (cos, sin) = (Math.Cos(rad), Math.Sin(rad));
            if (FitsInside(slice.LabelWidth, slice.Sweep, at, lineHeight))
            {
                canvas.Text(text, style, cx + cos * at, cy + sin * at - lineHeight / 2, ChartTextAnchor.Middle);
                continue;
            }
            bool right = cos >= 0;
            var wanted = cy + sin * (radius + CalloutGap) - lineHeight / 2;
            double top;
            if (right)
            {
                top = Math.Max(Math.Max(wanted, area.Y), rightBottom + 1);
                if (top + lineHeight > area.Bottom) continue;
                rightBottom = top + lineHeight;
            }
            else
            {
                top = Math.Min(Math.Min(wanted, area.Bottom - lineHeight), leftTop - 1 - lineHeight);
                if (top < area.Y) continue;
                leftTop = top;
            }
            var tipX = cx + cos * (radius + CalloutGap);
            var labelX = tipX + (right ? 2 : -2);
            canvas.Add(new ChartPolyline(
                [new ChartPoint(cx + cos * radius * 0.95, cy + sin * radius * 0.95), new ChartPoint(tipX, top + lineHeight / 2)],
                ChartCanvas.Hairline(new Rgba(0x40, 0x40, 0x40), 0.5)));
            canvas.Text(text, style, labelX, top, right ? ChartTextAnchor.Start : ChartTextAnchor.End);
        }
    }

    /// <summary>
    /// The wedges with a positive value, in order, each with its label, the label's width (measured once) and whether the
    /// label fits inside the wedge at the label radius of the full-size pie (labels that do not make the pie shrink).
    /// </summary>
    private static List<Slice> Slices(ChartCanvas canvas, ChartSeriesData series, double total, double at, double lineHeight)
    {
        var slices = new List<Slice>();
        double start = -90;
        for (int i = 0; i < series.Points.Length; i++)
        {
            var point = series.Points[i];
            if (point.Y is not > 0) continue;
            var sweep = point.Y.Value / total * 360;
            var label = point.Label is { Length: > 0 } text ? text : null;
            var width = label is null ? 0 : canvas.Width(label, ChartStyles.DataLabel);
            slices.Add(new Slice(i, start, sweep, label, width, label is not null && FitsInside(width, sweep, at, lineHeight)));
            start += sweep;
        }
        return slices;
    }

    private readonly record struct Slice(int Index, double Start, double Sweep, string? Label, double LabelWidth, bool Inside);

    private static double LabelRadius(ChartSeriesData series, double radius) =>
        series.Type == ChartSeriesType.Doughnut ? radius * 0.75 : radius * 0.65;

    /// <summary>The wedge's arc at the label radius must hold the text's width and a line's height.</summary>
    private static bool FitsInside(double textWidth, double sweep, double at, double lineHeight)
    {
        var arc = Math.Min(sweep, 180) * Math.PI / 180 * at;
        return arc >= Math.Max(lineHeight * 1.5, textWidth + 4);
    }
}
