using System.Collections.Immutable;
using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// The data of a processed chart for a native Office chart (<see cref="NativeChart"/>): only when every series is of one
/// kind Office draws alike (column, bar, line, area, pie, doughnut, scatter) and plainly, stacked or 100 % stacked (lines
/// also smooth). Mixed kinds, stepped lines, smooth areas, pies with collected slices or several series, tree maps,
/// sunbursts and charts showing their no-data message give null: the writers keep the picture.
/// </summary>
internal static class NativeChartBuilder
{
    public static NativeChart? From(ChartData data)
    {
        if (data.NoDataMessage is not null || data.Series.IsDefaultOrEmpty) return null;
        var first = data.Series[0];
        if (data.Series.Any(s => s.Type != first.Type || s.Subtype != first.Subtype)) return null;
        NativeChartKind? kind = first.Type switch
        {
            ChartSeriesType.Column => NativeChartKind.Column,
            ChartSeriesType.Bar => NativeChartKind.Bar,
            ChartSeriesType.Line => NativeChartKind.Line,
            ChartSeriesType.Area => NativeChartKind.Area,
            ChartSeriesType.Pie => NativeChartKind.Pie,
            ChartSeriesType.Doughnut => NativeChartKind.Doughnut,
            ChartSeriesType.Scatter => NativeChartKind.Scatter,
            _ => null,
        };
        if (kind is not { } k) return null;
        var pie = k is NativeChartKind.Pie or NativeChartKind.Doughnut;
        if (pie && (data.Series.Length != 1 || first.Collected is not null)) return null;
        NativeChartGrouping? grouping = first.Subtype switch
        {
            ChartSubtype.Plain => NativeChartGrouping.Standard,
            ChartSubtype.Stacked when !pie && k != NativeChartKind.Scatter => NativeChartGrouping.Stacked,
            ChartSubtype.PercentStacked when !pie && k != NativeChartKind.Scatter => NativeChartGrouping.PercentStacked,
            ChartSubtype.Smooth when k is NativeChartKind.Line or NativeChartKind.Scatter => NativeChartGrouping.Standard,
            _ => null,
        };
        if (grouping is not { } g) return null;

        var series = data.Series.Select(s => k == NativeChartKind.Scatter
            ? new NativeChartSeries(s.LegendText ?? s.Name, s.Color, [.. s.Points.Select(p => p.Y)]) { XValues = [.. s.Points.Select(p => p.X)], ShowLabels = s.Points.Any(p => p.Label is not null) }
            : new NativeChartSeries(s.LegendText ?? s.Name, s.Color, [.. Enumerable.Range(0, data.Categories.Length).Select(i => i < s.Points.Length ? s.Points[i].Y : null)])
            {
                ShowLabels = s.Points.Any(p => p.Label is not null),
                PointColors = pie ? [.. Enumerable.Range(0, data.Categories.Length).Select(i => (Rgba?)(i < s.Points.Length ? s.Points[i].Color ?? PiePlot.ColorOf(data, i) : PiePlot.ColorOf(data, i)))]
                    : s.Points.Any(p => p.Color is not null) ? [.. s.Points.Select(p => p.Color)] : [],
            });
        var titles = data.Titles.Where(t => t.Text.Length > 0).Select(t => t.Text).ToList();
        return new NativeChart(k, g, data.Categories, [.. series])
        {
            Title = titles.Count == 0 ? null : string.Join('\n', titles),
            Smooth = first.Subtype == ChartSubtype.Smooth,
            LegendPosition = data.Legend.Visible ? LegendPosition(data.Legend.Position) : null,
            CategoryAxisVisible = data.CategoryAxis.Visible,
            ValueAxisVisible = data.ValueAxis.Visible,
            ValueGridLines = data.ValueAxis.GridLines,
            CategoryAxisTitle = data.CategoryAxis.Visible ? data.CategoryAxis.Title : null,
            ValueAxisTitle = data.ValueAxis.Visible ? data.ValueAxis.Title : null,
            ValueMinimum = data.ValueAxis.Minimum,
            ValueMaximum = data.ValueAxis.Maximum,
        };
    }

    private static string LegendPosition(string position) =>
        position.StartsWith("Left", StringComparison.OrdinalIgnoreCase) ? "l"
        : position.StartsWith("Top", StringComparison.OrdinalIgnoreCase) ? "t"
        : position.StartsWith("Bottom", StringComparison.OrdinalIgnoreCase) ? "b"
        : "r";
}
