using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// Draws the legend: a color swatch and a label per entry. Right*/Left* positions stack the entries in a column beside
/// the plot (at most 35% of the width); Top*/Bottom* flow them in centered rows. Returns the area left for the plot.
/// </summary>
internal static class ChartLegendLayout
{
    private const double Swatch = 7;
    private const double Gap = 4;

    public static Bounds Place(ChartCanvas canvas, ChartLegendData legend, List<LegendEntry> entries, Bounds area)
    {
        var style = legend.Style;
        var lineHeight = canvas.LineHeight(style);
        var position = legend.Position;
        if (position.StartsWith("Top", StringComparison.OrdinalIgnoreCase) || position.StartsWith("Bottom", StringComparison.OrdinalIgnoreCase))
            return Horizontal(canvas, style, entries, area, lineHeight, position.StartsWith("Top", StringComparison.OrdinalIgnoreCase));

        var maxText = entries.Max(e => canvas.Width(e.Label, style));
        var width = Math.Min(Swatch + Gap + maxText + Gap, area.Width * 0.35);
        var left = position.StartsWith("Left", StringComparison.OrdinalIgnoreCase);
        var x = left ? area.X : area.Right - width;
        var rows = Math.Max(1, Math.Min(entries.Count, (int)Math.Floor(area.Height / lineHeight)));
        var total = rows * lineHeight;
        var y = position.EndsWith("Top", StringComparison.OrdinalIgnoreCase) ? area.Y
            : position.EndsWith("Bottom", StringComparison.OrdinalIgnoreCase) ? area.Bottom - total
            : area.Y + (area.Height - total) / 2;
        for (int i = 0; i < rows; i++)
        {
            Entry(canvas, style, entries[i], x, y, lineHeight, width - Swatch - Gap);
            y += lineHeight;
        }
        return left
            ? new Bounds(area.X + width + Gap, area.Y, Math.Max(0, area.Width - width - Gap), area.Height)
            : new Bounds(area.X, area.Y, Math.Max(0, area.Width - width - Gap), area.Height);
    }

    private static Bounds Horizontal(ChartCanvas canvas, TextStyle style, List<LegendEntry> entries, Bounds area, double lineHeight, bool top)
    {
        var widths = entries.Select(e => Math.Min(Swatch + Gap + canvas.Width(e.Label, style) + 2 * Gap, area.Width)).ToList();
        var rows = new List<List<int>> { new() };
        double used = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            if (used + widths[i] > area.Width && rows[^1].Count > 0)
            {
                rows.Add([]);
                used = 0;
            }
            rows[^1].Add(i);
            used += widths[i];
        }
        var count = Math.Max(1, Math.Min(rows.Count, (int)Math.Floor(area.Height * 0.3 / lineHeight)));
        var height = count * lineHeight;
        var y = top ? area.Y : area.Bottom - height;
        for (int r = 0; r < count; r++)
        {
            var rowWidth = rows[r].Sum(i => widths[i]);
            var x = area.X + (area.Width - rowWidth) / 2;
            foreach (var i in rows[r])
            {
                Entry(canvas, style, entries[i], x, y, lineHeight, widths[i] - Swatch - 2 * Gap);
                x += widths[i];
            }
            y += lineHeight;
        }
        return top
            ? new Bounds(area.X, area.Y + height + Gap, area.Width, Math.Max(0, area.Height - height - Gap))
            : new Bounds(area.X, area.Y, area.Width, Math.Max(0, area.Height - height - Gap));
    }

    private static void Entry(ChartCanvas canvas, TextStyle style, LegendEntry entry, double x, double y, double lineHeight, double textWidth)
    {
        canvas.Rect(x, y + (lineHeight - Swatch) / 2, Swatch, Swatch, entry.Color, BorderSide.None);
        canvas.Text(canvas.Fit(entry.Label, style, Math.Max(1, textWidth)), style, x + Swatch + Gap, y, ChartTextAnchor.Start);
    }
}
