using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// Draws the legend: a color swatch and a label per entry (one line per line of its text). Right*/Left* positions stack the entries in a column beside
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

        var maxText = entries.Max(e => Lines(e.Label).Max(l => canvas.Width(l, style)));
        var width = Math.Min(Swatch + Gap + maxText + Gap, area.Width * 0.35);
        var left = position.StartsWith("Left", StringComparison.OrdinalIgnoreCase);
        var x = left ? area.X : area.Right - width;
        // As many entries as fit the height (at least one), each as tall as its lines.
        int rows = 0;
        double total = 0;
        while (rows < entries.Count && (rows == 0 || total + Height(entries[rows], lineHeight) <= area.Height))
            total += Height(entries[rows++], lineHeight);
        var y = position.EndsWith("Top", StringComparison.OrdinalIgnoreCase) ? area.Y
            : position.EndsWith("Bottom", StringComparison.OrdinalIgnoreCase) ? area.Bottom - total
            : area.Y + (area.Height - total) / 2;
        for (int i = 0; i < rows; i++)
        {
            Entry(canvas, style, entries[i], x, y, lineHeight, width - Swatch - Gap);
            y += Height(entries[i], lineHeight);
        }
        return left
            ? new Bounds(area.X + width + Gap, area.Y, Math.Max(0, area.Width - width - Gap), area.Height)
            : new Bounds(area.X, area.Y, Math.Max(0, area.Width - width - Gap), area.Height);
    }

    private static Bounds Horizontal(ChartCanvas canvas, TextStyle style, List<LegendEntry> entries, Bounds area, double lineHeight, bool top)
    {
        var widths = entries.Select(e => Math.Min(Swatch + Gap + Lines(e.Label).Max(l => canvas.Width(l, style)) + 2 * Gap, area.Width)).ToList();
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
        var rowHeights = rows.Select(r => r.Max(i => Height(entries[i], lineHeight))).ToList();
        int count = 0;
        double height = 0;
        while (count < rows.Count && (count == 0 || height + rowHeights[count] <= area.Height * 0.3))
            height += rowHeights[count++];
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
            y += rowHeights[r];
        }
        return top
            ? new Bounds(area.X, area.Y + height + Gap, area.Width, Math.Max(0, area.Height - height - Gap))
            : new Bounds(area.X, area.Y, area.Width, Math.Max(0, area.Height - height - Gap));
    }

    private static void Entry(ChartCanvas canvas, TextStyle style, LegendEntry entry, double x, double y, double lineHeight, double textWidth)
    {
        canvas.Rect(x, y + (lineHeight - Swatch) / 2, Swatch, Swatch, entry.Color, BorderSide.None);
        foreach (var line in Lines(entry.Label))
        {
            canvas.Text(canvas.Fit(line, style, Math.Max(1, textWidth)), style, x + Swatch + Gap, y, ChartTextAnchor.Start);
            y += lineHeight;
        }
    }

    /// <summary>The lines of a legend text: line breaks (vbCrLf, vbLf) start a new line instead of being drawn as glyphs.</summary>
    private static string[] Lines(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None)
            : [text];

    private static double Height(LegendEntry entry, double lineHeight) => Lines(entry.Label).Length * lineHeight;
}
