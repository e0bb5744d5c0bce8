using System.Collections.Immutable;
using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// Paints the series of a cartesian chart inside the plot: areas first, then columns/bars (side by side within a
/// category slot, stacked ones sharing one place), then lines, then the markers of line, area and scatter points
/// (centered on each point) and data labels on top.
/// </summary>
internal sealed class SeriesPainter(ChartCanvas canvas, ChartData data, Bounds plot, ValueMapper mapper, ChartStacks stacks, ChartScale? xScale)
{
    private const double GroupFraction = 0.8;
    private readonly List<(string Text, double X, double Y, ChartTextAnchor Anchor)> _labels = [];
    private readonly List<ChartMarker> _markers = [];

    private int Categories => Math.Max(1, data.Categories.Length);

    private double SlotLength => (mapper.Horizontal ? plot.Height : plot.Width) / Categories;

    public void Paint()
    {
        var series = data.Series;
        for (int s = 0; s < series.Length; s++)
            if (series[s].Type == ChartSeriesType.Area) Area(s);
        var clusters = Clusters();
        for (int s = 0; s < series.Length; s++)
            if (series[s].Type is ChartSeriesType.Column or ChartSeriesType.Bar) Bars(s, clusters);
        for (int s = 0; s < series.Length; s++)
            if (series[s].Type == ChartSeriesType.Line) Line(s);
        for (int s = 0; s < series.Length; s++)
            if (series[s].Type == ChartSeriesType.Scatter) Scatter(s);
        foreach (var marker in _markers) canvas.Add(marker);
        var style = ChartStyles.DataLabel;
        var lineHeight = canvas.LineHeight(style);
        foreach (var (text, x, y, anchor) in _labels)
            canvas.Text(text, style, x, anchor == ChartTextAnchor.Start ? y - lineHeight / 2 : y - lineHeight - 1, anchor);
    }

    /// <summary>Cluster slot of each column/bar series: unstacked ones get their own, all stacked ones share one.</summary>
    private (Dictionary<int, int> Slot, int Count) Clusters()
    {
        var slots = new Dictionary<int, int>();
        int count = 0, stacked = -1;
        for (int s = 0; s < data.Series.Length; s++)
        {
            var series = data.Series[s];
            if (series.Type is not (ChartSeriesType.Column or ChartSeriesType.Bar)) continue;
            if (ChartStacks.IsStacked(series))
            {
                if (stacked < 0) stacked = count++;
                slots[s] = stacked;
            }
            else slots[s] = count++;
        }
        return (slots, Math.Max(1, count));
    }

    /// <summary>Center of category <paramref name="c"/> along the category axis.</summary>
    private double CategoryCenter(int c) => mapper.Horizontal ? plot.Y + plot.Height * data.CategoryFraction(c) : plot.X + plot.Width * data.CategoryFraction(c);

    private void Bars(int s, (Dictionary<int, int> Slot, int Count) clusters)
    {
        var series = data.Series[s];
        var barLength = SlotLength * GroupFraction / clusters.Count;
        var offset = -SlotLength * GroupFraction / 2 + clusters.Slot[s] * barLength;
        for (int c = 0; c < series.Points.Length; c++)
        {
            var point = series.Points[c];
            if (point.Y is not { } y) continue;
            var (from, to) = stacks.Segment(s, c) ?? (0, y);
            var a = from == 0 ? mapper.Baseline : mapper.Position(from);
            var b = mapper.Position(to);
            var start = CategoryCenter(c) + offset;
            var fill = point.Color ?? series.Color;
            if (mapper.Horizontal)
            {
                canvas.Rect(Math.Min(a, b), start, Math.Abs(b - a), barLength, fill, BorderSide.None);
                if (point.Label is { } label) _labels.Add((label, Math.Max(a, b) + 2, start + barLength / 2, ChartTextAnchor.Start));
            }
            else
            {
                canvas.Rect(start, Math.Min(a, b), barLength, Math.Abs(b - a), fill, BorderSide.None);
                if (point.Label is { } label) _labels.Add((label, start + barLength / 2, Math.Min(a, b), ChartTextAnchor.Middle));
            }
        }
    }

    private void Line(int s)
    {
        var series = data.Series[s];
        var stroke = series.Line is { } line
            ? line with { Color = line.Color.IsTransparent ? series.Color : line.Color }
            : new BorderSide(BorderStyle.Solid, series.Color, 1.5);
        var run = ImmutableArray.CreateBuilder<ChartPoint>();
        for (int c = 0; c < series.Points.Length; c++)
        {
            if (series.Points[c].Y is not { } y)
            {
                Flush(run, stroke, series.Subtype);
                continue;
            }
            var p = At(c, mapper.Position(y));
            run.Add(p);
            var lift = Mark(series.Points[c], p);
            if (series.Points[c].Label is { } label) _labels.Add((label, p.X, p.Y - 2 - lift, ChartTextAnchor.Middle));
        }
        Flush(run, stroke, series.Subtype);
    }

    private void Flush(ImmutableArray<ChartPoint>.Builder run, BorderSide stroke, ChartSubtype subtype = ChartSubtype.Plain)
    {
        if (run.Count == 1) canvas.Add(new ChartWedge(run[0].X, run[0].Y, 2, 0, 0, 360, stroke.Color, BorderSide.None));
        else if (run.Count > 1) canvas.Add(new ChartPolyline(LinePath.Shape(run.ToImmutable(), subtype, mapper.Horizontal), stroke));
        run.Clear();
    }

    private void Area(int s)
    {
        var series = data.Series[s];
        var fill = series.Color;
        var top = new List<ChartPoint>();
        var bottom = new List<ChartPoint>();
        for (int c = 0; c < series.Points.Length; c++)
        {
            var y = series.Points[c].Y ?? 0;
            var (from, to) = stacks.Segment(s, c) ?? (0, y);
            top.Add(At(c, mapper.Position(to)));
            bottom.Add(At(c, from == 0 ? mapper.Baseline : mapper.Position(from)));
            var lift = series.Points[c].Y is null ? 0 : Mark(series.Points[c], top[^1]);
            if (series.Points[c].Label is { } label) _labels.Add((label, top[^1].X, top[^1].Y - 2 - lift, ChartTextAnchor.Middle));
        }
        if (top.Count == 0) return;
        if (top.Count == 1)
        {
            // One category: a band across its slot.
            var half = SlotLength * GroupFraction / 2;
            top = [Shift(top[0], -half), Shift(top[0], half)];
            bottom = [Shift(bottom[0], -half), Shift(bottom[0], half)];
        }
        bottom.Reverse();
        var edge = series.Subtype is ChartSubtype.Smooth or ChartSubtype.Stepped
            ? LinePath.Shape([.. top], series.Subtype, mapper.Horizontal)
            : [.. top];
        canvas.Add(new ChartPolygon([.. edge, .. bottom], fill, new BorderSide(BorderStyle.Solid, fill, 0.5)));
    }

    private void Scatter(int s)
    {
        var series = data.Series[s];
        for (int c = 0; c < series.Points.Length; c++)
        {
            if (series.Points[c].Y is not { } y) continue;
            var x = series.Points[c].X ?? c + 1;
            var px = xScale is { } scale ? plot.X + scale.Fraction(x) * plot.Width : CategoryCenter(c);
            var py = mapper.Position(y);
            var lift = Mark(series.Points[c], new ChartPoint(px, py));
            if (series.Points[c].Label is { } label) _labels.Add((label, px, py - lift, ChartTextAnchor.Middle));
        }
    }

    /// <summary>Queues the point's marker (if any) at <paramref name="at"/>; returns how far it reaches above the point.</summary>
    private double Mark(ChartPointData point, ChartPoint at)
    {
        if (point.Marker is not { } marker) return 0;
        _markers.Add(new ChartMarker(at, marker.Shape, marker.Size, marker.Fill, marker.Border));
        return marker.Size / 2;
    }

    /// <summary>The point at category <paramref name="c"/> and value position <paramref name="value"/>.</summary>
    private ChartPoint At(int c, double value) =>
        mapper.Horizontal ? new ChartPoint(value, CategoryCenter(c)) : new ChartPoint(CategoryCenter(c), value);

    private ChartPoint Shift(ChartPoint p, double along) =>
        mapper.Horizontal ? p with { Y = p.Y + along } : p with { X = p.X + along };
}
