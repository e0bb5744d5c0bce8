using System.Collections.Immutable;
using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// Draws the first TreeMap or Sunburst series of a chart. Points with a positive value are grouped by their outermost
/// category label (the top level of the category hierarchy), each group taking one palette color. A tree map lays the
/// groups and then each group's leaves out as squarified rectangles (Bruls, Huizing and van Wijk) in proportion to
/// their values, labelled where the label fits; a sunburst draws the groups as an inner ring of wedges and their leaves
/// as an outer ring within each group's angle.
/// </summary>
internal static class HierarchyPlot
{
    private static readonly Rgba Edge = new(255, 255, 255);

    /// <summary>The top-level groups in category order: label, color and the indices of their points.</summary>
    public static List<(string Label, Rgba Color, List<int> Points)> Groups(ChartData data, ChartSeriesData series)
    {
        var groups = new List<(string Label, Rgba Color, List<int> Points)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < series.Points.Length; i++)
        {
            if (series.Points[i].Y is not > 0) continue;
            var path = i < data.CategoryPaths.Length ? data.CategoryPaths[i] : [];
            var top = path.Length > 0 ? path[0] : (i < data.Categories.Length ? data.Categories[i] : string.Empty);
            if (!index.TryGetValue(top, out var g))
            {
                index[top] = g = groups.Count;
                groups.Add((top, data.Palette[g % data.Palette.Length], []));
            }
            groups[g].Points.Add(i);
        }
        return groups;
    }

    public static void Draw(ChartCanvas canvas, ChartData data, ChartSeriesData series, Bounds area)
    {
        if (area.Width < 4 || area.Height < 4) return;
        var groups = Groups(data, series);
        if (series.Type == ChartSeriesType.Sunburst) Sunburst(canvas, data, series, groups, area);
        else TreeMap(canvas, data, series, groups, area);
    }

    private static double Value(ChartSeriesData series, int i) => series.Points[i].Y ?? 0;

    private static string LeafLabel(ChartData data, ChartSeriesData series, int i)
    {
        if (series.Points[i].Label is { } label) return label;
        var path = i < data.CategoryPaths.Length ? data.CategoryPaths[i] : [];
        return path.Length > 0 ? path[^1] : i < data.Categories.Length ? data.Categories[i] : string.Empty;
    }

    private static void TreeMap(ChartCanvas canvas, ChartData data, ChartSeriesData series, List<(string Label, Rgba Color, List<int> Points)> groups, Bounds area)
    {
        var style = ChartStyles.DataLabel;
        var lineHeight = canvas.LineHeight(style);
        var groupRects = Squarify([.. groups.Select(g => g.Points.Sum(i => Value(series, i)))], area);
        for (int g = 0; g < groups.Count; g++)
        {
            var (_, color, points) = groups[g];
            var leaves = Squarify([.. points.Select(i => Value(series, i))], groupRects[g]);
            for (int k = 0; k < points.Count; k++)
            {
                var r = leaves[k];
                canvas.Rect(r.X, r.Y, r.Width, r.Height, series.Points[points[k]].Color ?? color, ChartCanvas.Hairline(Edge, 1));
                var text = LeafLabel(data, series, points[k]);
                if (r.Height >= lineHeight + 2 && r.Width > 12)
                    canvas.Text(canvas.Fit(text, style, r.Width - 4), style, r.X + r.Width / 2, r.Y + (r.Height - lineHeight) / 2, ChartTextAnchor.Middle);
            }
        }
    }

    private static void Sunburst(ChartCanvas canvas, ChartData data, ChartSeriesData series, List<(string Label, Rgba Color, List<int> Points)> groups, Bounds area)
    {
        var total = groups.Sum(g => g.Points.Sum(i => Value(series, i)));
        if (total <= 0) return;
        var radius = Math.Min(area.Width, area.Height) / 2 * 0.95;
        var (cx, cy) = (area.X + area.Width / 2, area.Y + area.Height / 2);
        var (hole, middle) = (radius * 0.25, radius * 0.6);
        var edge = ChartCanvas.Hairline(Edge, 1);
        var style = ChartStyles.DataLabel;
        var lineHeight = canvas.LineHeight(style);
        double start = -90;
        foreach (var (label, color, points) in groups)
        {
            var sum = points.Sum(i => Value(series, i));
            var sweep = sum / total * 360;
            canvas.Add(new ChartWedge(cx, cy, middle, hole, start, sweep, color, edge));
            Label(canvas, label, style, lineHeight, cx, cy, (hole + middle) / 2, start + sweep / 2, sweep, middle - hole);
            var leafStart = start;
            foreach (var i in points)
            {
                var leafSweep = Value(series, i) / total * 360;
                canvas.Add(new ChartWedge(cx, cy, radius, middle, leafStart, leafSweep, series.Points[i].Color ?? Lighter(color), edge));
                Label(canvas, LeafLabel(data, series, i), style, lineHeight, cx, cy, (middle + radius) / 2, leafStart + leafSweep / 2, leafSweep, radius - middle);
                leafStart += leafSweep;
            }
            start += sweep;
        }
    }

    /// <summary>A wedge's label at its middle, when the arc there holds a line's height and the ring its width.</summary>
    private static void Label(ChartCanvas canvas, string text, TextStyle style, double lineHeight, double cx, double cy, double at, double angle, double sweep, double ring)
    {
        if (text.Length == 0 || sweep * Math.PI / 180 * at < lineHeight * 1.2) return;
        var fitted = canvas.Fit(text, style, ring - 2);
        if (canvas.Width(fitted, style) > ring - 2) return;
        var rad = angle * Math.PI / 180;
        canvas.Text(fitted, style, cx + Math.Cos(rad) * at, cy + Math.Sin(rad) * at - lineHeight / 2, ChartTextAnchor.Middle);
    }

    private static Rgba Lighter(Rgba c) => new((byte)(c.R + (255 - c.R) * 0.35), (byte)(c.G + (255 - c.G) * 0.35), (byte)(c.B + (255 - c.B) * 0.35));

    /// <summary>Squarified tree map: rectangles for <paramref name="values"/> (in order) filling <paramref name="area"/>, aspect ratios kept near 1.</summary>
    public static Bounds[] Squarify(ImmutableArray<double> values, Bounds area)
    {
        var result = new Bounds[values.Length];
        var total = values.Sum();
        if (total <= 0 || values.Length == 0) return result;
        var scale = area.Width * area.Height / total;
        var order = Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ToList();
        var rect = area;
        int next = 0;
        while (next < order.Count)
        {
            var side = Math.Min(rect.Width, rect.Height);
            var row = new List<int> { order[next++] };
            double rowArea = values[row[0]] * scale;
            while (next < order.Count)
            {
                var candidate = values[order[next]] * scale;
                if (Worst(row, rowArea, side, values, scale) < Worst([.. row, order[next]], rowArea + candidate, side, values, scale)) break;
                row.Add(order[next++]);
                rowArea += candidate;
            }
            // Lay the row along the shorter side.
            var thickness = side <= 0 ? 0 : rowArea / side;
            double offset = 0;
            foreach (var i in row)
            {
                var length = thickness <= 0 ? 0 : values[i] * scale / thickness;
                result[i] = rect.Width >= rect.Height
                    ? new Bounds(rect.X, rect.Y + offset, thickness, length)
                    : new Bounds(rect.X + offset, rect.Y, length, thickness);
                offset += length;
            }
            rect = rect.Width >= rect.Height
                ? new Bounds(rect.X + thickness, rect.Y, Math.Max(0, rect.Width - thickness), rect.Height)
                : new Bounds(rect.X, rect.Y + thickness, rect.Width, Math.Max(0, rect.Height - thickness));
        }
        return result;
    }

    private static double Worst(List<int> row, double rowArea, double side, ImmutableArray<double> values, double scale)
    {
        if (rowArea <= 0 || side <= 0) return double.MaxValue;
        double max = 0, min = double.MaxValue;
        foreach (var i in row)
        {
            var a = values[i] * scale;
            max = Math.Max(max, a);
            min = Math.Min(min, a);
        }
        var s2 = side * side;
        var r2 = rowArea * rowArea;
        return Math.Max(s2 * max / r2, r2 / (s2 * min));
    }
}
