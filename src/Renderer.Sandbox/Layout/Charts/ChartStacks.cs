using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// The value range of a cartesian chart and, for stacked series, each point's segment: stacked series of one type
/// (column, bar or area) pile up per category, positives upwards and negatives downwards; percent-stacked ones are
/// scaled so each category's stack totals 100.
/// </summary>
internal sealed class ChartStacks
{
    private readonly (double Start, double End)?[][] _segments;

    public ChartStacks(ChartData data)
    {
        var series = data.Series;
        _segments = new (double, double)?[series.Length][];
        var positive = new Dictionary<(ChartSeriesType, int), double>();
        var negative = new Dictionary<(ChartSeriesType, int), double>();
        var totals = new Dictionary<(ChartSeriesType, int), double>();
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int s = 0; s < series.Length; s++)
        {
            if (!IsStacked(series[s])) continue;
            for (int c = 0; c < series[s].Points.Length; c++)
            {
                var key = (series[s].Type, c);
                totals[key] = totals.GetValueOrDefault(key) + Math.Abs(series[s].Points[c].Y ?? 0);
            }
        }
        for (int s = 0; s < series.Length; s++)
        {
            var current = series[s];
            _segments[s] = new (double, double)?[current.Points.Length];
            if (current.Subtype == ChartSubtype.PercentStacked && IsStackable(current)) Percent = true;
            for (int c = 0; c < current.Points.Length; c++)
            {
                if (current.Points[c].Y is not { } y) continue;
                if (!IsStacked(current))
                {
                    min = Math.Min(min, y);
                    max = Math.Max(max, y);
                    continue;
                }
                var key = (current.Type, c);
                if (current.Subtype == ChartSubtype.PercentStacked) y = totals[key] == 0 ? 0 : y / totals[key] * 100;
                var bucket = y >= 0 ? positive : negative;
                var start = bucket.GetValueOrDefault(key);
                var end = start + y;
                bucket[key] = end;
                _segments[s][c] = (start, end);
                min = Math.Min(min, Math.Min(start, end));
                max = Math.Max(max, Math.Max(start, end));
            }
        }
        Minimum = double.IsFinite(min) ? min : 0;
        Maximum = double.IsFinite(max) ? max : 1;
    }

    public double Minimum { get; }

    public double Maximum { get; }

    /// <summary>True when a percent-stacked series is present (value labels then read as percentages).</summary>
    public bool Percent { get; }

    public static bool IsStackable(ChartSeriesData series) => series.Type is ChartSeriesType.Column or ChartSeriesType.Bar or ChartSeriesType.Area;

    public static bool IsStacked(ChartSeriesData series) =>
        IsStackable(series) && series.Subtype is ChartSubtype.Stacked or ChartSubtype.PercentStacked;

    /// <summary>The stacked segment of a point; null for unstacked series and empty points.</summary>
    public (double Start, double End)? Segment(int series, int category) =>
        category < _segments[series].Length ? _segments[series][category] : null;
}
