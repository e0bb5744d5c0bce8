using System.Collections.Immutable;
using Renderer.Sandbox.Processing.Charts;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// Collects the small slices of a pie or doughnut into one, as SSRS does when the series sets CollectedStyle: every
/// slice below the threshold (a percentage of the total, or a value) leaves its place, and one slice at the end, named
/// by CollectedLegendText in the legend and CollectedLabel as its data label, holds their sum. Nothing changes when
/// fewer than two slices are that small. One pass over the points.
/// </summary>
internal static class PieCollector
{
    public static (ChartData Data, ChartSeriesData Pie) Collect(ChartData data, ChartSeriesData pie)
    {
        if (pie.Collected is not { } collected) return (data, pie);
        var total = 0.0;
        foreach (var point in pie.Points) total += point.Y is > 0 ? point.Y.Value : 0;
        if (total <= 0) return (data, pie);
        var threshold = collected.ThresholdIsPercent ? total * collected.Threshold / 100 : collected.Threshold;

        var small = 0;
        foreach (var point in pie.Points) if (point.Y is > 0 && point.Y.Value < threshold) small++;
        if (small < 2) return (data, pie);

        var categories = ImmutableArray.CreateBuilder<string>(pie.Points.Length - small + 1);
        var points = ImmutableArray.CreateBuilder<ChartPointData>(pie.Points.Length - small + 1);
        var sum = 0.0;
        var labelled = false;
        for (var i = 0; i < pie.Points.Length; i++)
        {
            var point = pie.Points[i];
            if (point.Y is > 0 && point.Y.Value < threshold)
            {
                sum += point.Y.Value;
                labelled |= point.Label is not null;
                continue;
            }
            categories.Add(i < data.Categories.Length ? data.Categories[i] : string.Empty);
            points.Add(point);
        }
        categories.Add(collected.LegendText);
        points.Add(new ChartPointData(sum, null, labelled ? collected.Label : null) { Color = ColorParser.Parse(collected.Color) });
        var result = pie with { Points = points.ToImmutable() };
        return (data with { Categories = categories.ToImmutable(), Series = [result] }, result);
    }
}
