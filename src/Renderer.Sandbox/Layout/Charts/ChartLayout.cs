using System.Collections.Immutable;
using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// Lays a processed chart out as vector shapes (relative to its top-left corner): background and border, titles at the
/// top (or bottom), the legend on its side, and in the rest the plot: <see cref="CartesianPlot"/> for column, bar, line,
/// area and scatter series, <see cref="PiePlot"/> for pie and doughnut.
/// </summary>
internal static class ChartLayout
{
    private const double Margin = 4;

    public static ImmutableArray<ChartShape> Build(ChartInstance chart, double width, double height, ITextMeasurer measurer)
    {
        var canvas = new ChartCanvas(measurer);
        var data = chart.Data;
        var box = chart.Box;
        if (!box.Background.IsTransparent || box.Top.IsVisible)
            canvas.Rect(0, 0, width, height, box.Background, box.Top);

        // A chart without visible axes (a sparkline or data bar) uses its whole area, less a hairline.
        var margin = data.CategoryAxis.Visible || data.ValueAxis.Visible ? Margin : 1;
        var area = new Bounds(margin, margin, Math.Max(0, width - 2 * margin), Math.Max(0, height - 2 * margin));
        area = PlaceTitles(canvas, data, area);
        if (data.NoDataMessage is { } message)
        {
            var style = ChartStyles.Legend;
            canvas.Text(canvas.Fit(message, style, area.Width), style, area.X + area.Width / 2, area.Y + area.Height / 2 - canvas.LineHeight(style) / 2, ChartTextAnchor.Middle);
            return canvas.Shapes;
        }

        var tree = data.Series.FirstOrDefault(s => s.Type is ChartSeriesType.TreeMap or ChartSeriesType.Sunburst);
        if (tree is not null)
        {
            var groups = HierarchyPlot.Groups(data, tree);
            if (data.Legend.Visible && groups.Count > 0)
                area = ChartLegendLayout.Place(canvas, data.Legend, [.. groups.Select(g => new LegendEntry(g.Label, g.Color))], area);
            HierarchyPlot.Draw(canvas, data, tree, area);
            return canvas.Shapes;
        }

        var pie = data.Series.FirstOrDefault(s => s.Type is ChartSeriesType.Pie or ChartSeriesType.Doughnut);
        if (pie is not null) (data, pie) = PieCollector.Collect(data, pie);
        var entries = pie is not null
            ? data.Categories.Select((c, i) => new LegendEntry(PieLegendText(pie, c, i), pie.Points.Length > i ? pie.Points[i].Color ?? PiePlot.ColorOf(data, i) : PiePlot.ColorOf(data, i))).ToList()
            : data.Series.Where(s => s.InLegend).Select(s => new LegendEntry(s.LegendText ?? s.Name, s.Color)).ToList();
        if (data.Legend.Visible && entries.Count > 0)
            area = ChartLegendLayout.Place(canvas, data.Legend, entries, area);

        if (pie is not null) PiePlot.Draw(canvas, data, pie, area);
        else CartesianPlot.Draw(canvas, data, area);
        return canvas.Shapes;
    }

    /// <summary>A pie slice's legend entry: the point's LegendText, else its category label, else the series name.</summary>
    private static string PieLegendText(ChartSeriesData pie, string category, int index) =>
        index < pie.Points.Length && pie.Points[index].LegendText is { } text ? text : category.Length > 0 ? category : pie.Name;

    /// <summary>Draws the titles (Top* positions above the plot, Bottom* below) and returns the area left.</summary>
    private static Bounds PlaceTitles(ChartCanvas canvas, ChartData data, Bounds area)
    {
        double top = area.Y, bottom = area.Bottom;
        foreach (var title in data.Titles)
        {
            if (title.Text.Length == 0) continue;
            var lineHeight = canvas.LineHeight(title.Style);
            var text = canvas.Fit(title.Text, title.Style, area.Width);
            var position = title.Position;
            var (x, anchor) = position.EndsWith("Left", StringComparison.OrdinalIgnoreCase) || position.StartsWith("LeftTop", StringComparison.OrdinalIgnoreCase)
                ? (area.X, ChartTextAnchor.Start)
                : position.EndsWith("Right", StringComparison.OrdinalIgnoreCase)
                    ? (area.Right, ChartTextAnchor.End)
                    : (area.X + area.Width / 2, ChartTextAnchor.Middle);
            if (position.StartsWith("Bottom", StringComparison.OrdinalIgnoreCase))
            {
                bottom -= lineHeight;
                canvas.Text(text, title.Style, x, bottom, anchor);
            }
            else
            {
                canvas.Text(text, title.Style, x, top, anchor);
                top += lineHeight + 2;
            }
        }
        return new Bounds(area.X, top, area.Width, Math.Max(0, bottom - top));
    }
}

/// <summary>One legend entry: the series (or pie slice) name and its color.</summary>
internal sealed record LegendEntry(string Label, Rgba Color);
