using System.Globalization;
using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// Draws charts with a category and a value axis: column (vertical bars), bar (horizontal; categories top to bottom),
/// line, area and scatter, plain or stacked / percent stacked. The value axis gets a nice scale
/// (<see cref="ChartScale"/>) with labels in the axis Format and optional major grid lines; category labels are turned
/// upright when they do not fit their slot. Axis titles sit outside the labels.
/// </summary>
internal static class CartesianPlot
{
    private static readonly Rgba AxisColor = new(0x80, 0x80, 0x80);
    private static readonly Rgba GridColor = new(0xDC, 0xDC, 0xDC);
    private const double Tick = 3;

    public static void Draw(ChartCanvas canvas, ChartData data, Bounds area)
    {
        if (area.Width < 10 || area.Height < 10) return;
        var horizontal = data.Series.Any(s => s.Type == ChartSeriesType.Bar);
        var scatter = data.Series.Length > 0 && data.Series.All(s => s.Type == ChartSeriesType.Scatter);
        var stacks = new ChartStacks(data);
        var scale = ChartScale.Create(stacks.Minimum, stacks.Maximum, data.ValueAxis.Minimum, data.ValueAxis.Maximum, includeZero: true);
        var ticks = scale.Ticks();
        var valueAxis = data.ValueAxis;
        var valueLabels = ticks.Select(t => Format(t, valueAxis.Format, stacks.Percent, data.Culture)).ToList();
        var xScale = scatter ? XScale(data) : (ChartScale?)null;
        var categoryLabels = xScale is { } xs ? xs.Ticks().Select(t => Format(t, data.CategoryAxis.Format, false, data.Culture)).ToList() : data.Categories.ToList();
        var labelStyle = valueAxis.LabelStyle;
        var categoryStyle = data.CategoryAxis.LabelStyle;
        var valueLine = canvas.LineHeight(labelStyle);
        var categoryLine = canvas.LineHeight(categoryStyle);
        var valueWidth = valueAxis.Visible ? valueLabels.Select(l => canvas.Width(l, labelStyle)).DefaultIfEmpty(0).Max() : 0;
        var categoryWidth = data.CategoryAxis.Visible ? categoryLabels.Select(l => canvas.Width(l, categoryStyle)).DefaultIfEmpty(0).Max() : 0;
        var valueTitle = valueAxis.Title is { Length: > 0 } ? canvas.LineHeight(valueAxis.TitleStyle) + 2 : 0;
        var categoryTitle = data.CategoryAxis.Title is { Length: > 0 } ? canvas.LineHeight(data.CategoryAxis.TitleStyle) + 2 : 0;

        // Space around the plot: left for the vertical axis labels, bottom for the horizontal axis labels.
        double left, bottom;
        bool upright = false;
        // A hidden axis takes no room (sparklines and data bars fill their cell).
        var (leftAxis, bottomAxis) = horizontal ? (data.CategoryAxis.Visible, valueAxis.Visible) : (valueAxis.Visible, data.CategoryAxis.Visible);
        if (horizontal)
        {
            left = categoryTitle + (leftAxis ? Math.Min(categoryWidth, area.Width * 0.35) + Tick + 2 : 0);
            bottom = valueTitle + (bottomAxis ? valueLine + Tick + 2 : 0);
        }
        else
        {
            left = valueTitle + (leftAxis ? valueWidth + Tick + 2 : 0);
            var slot = (area.Width - left) / Math.Max(1, categoryLabels.Count);
            upright = !scatter && categoryWidth > slot * 0.95;
            var labelHeight = !data.CategoryAxis.Visible ? 0 : upright ? Math.Min(categoryWidth, area.Height * 0.4) : categoryLine;
            bottom = categoryTitle + (bottomAxis ? labelHeight + Tick + 2 : 0);
        }
        var edge = leftAxis || bottomAxis ? valueLine / 2 : 0;
        var plot = new Bounds(area.X + left, area.Y + edge, Math.Max(1, area.Width - left - 2 * edge), Math.Max(1, area.Height - bottom - edge));
        if (!data.PlotBox.Background.IsTransparent || data.PlotBox.Top.IsVisible)
            canvas.Rect(plot.X, plot.Y, plot.Width, plot.Height, data.PlotBox.Background, data.PlotBox.Top);

        var mapper = new ValueMapper(plot, scale, horizontal);
        DrawValueAxis(canvas, data, plot, mapper, ticks, valueLabels, horizontal);
        if (xScale is { } x) DrawScatterAxis(canvas, data, plot, x, categoryLabels);
        else DrawCategoryAxis(canvas, data, plot, horizontal, upright, area.X + categoryTitle);
        if (valueAxis.Title is { Length: > 0 } vt)
        {
            if (horizontal) canvas.Text(canvas.Fit(vt, valueAxis.TitleStyle, plot.Width), valueAxis.TitleStyle, plot.X + plot.Width / 2, area.Bottom - canvas.LineHeight(valueAxis.TitleStyle), ChartTextAnchor.Middle);
            else canvas.VerticalText(canvas.Fit(vt, valueAxis.TitleStyle, plot.Height), valueAxis.TitleStyle, area.X + canvas.LineHeight(valueAxis.TitleStyle) / 2, plot.Y + plot.Height / 2);
        }
        if (data.CategoryAxis.Title is { Length: > 0 } ct)
        {
            var style = data.CategoryAxis.TitleStyle;
            if (horizontal) canvas.VerticalText(canvas.Fit(ct, style, plot.Height), style, area.X + canvas.LineHeight(style) / 2, plot.Y + plot.Height / 2);
            else canvas.Text(canvas.Fit(ct, style, plot.Width), style, plot.X + plot.Width / 2, area.Bottom - canvas.LineHeight(style), ChartTextAnchor.Middle);
        }
        new SeriesPainter(canvas, data, plot, mapper, stacks, xScale).Paint();
    }

    private static ChartScale XScale(ChartData data)
    {
        var xs = data.Series.SelectMany(s => s.Points.Select((p, i) => p.X ?? i + 1)).ToList();
        return ChartScale.Create(xs.DefaultIfEmpty(0).Min(), xs.DefaultIfEmpty(1).Max(), data.CategoryAxis.Minimum, data.CategoryAxis.Maximum, includeZero: false);
    }

    private static void DrawValueAxis(ChartCanvas canvas, ChartData data, Bounds plot, ValueMapper mapper, IReadOnlyList<double> ticks, List<string> labels, bool horizontal)
    {
        var axis = data.ValueAxis;
        var grid = ChartCanvas.Hairline(GridColor, 0.5);
        var stroke = ChartCanvas.Hairline(AxisColor);
        var lineHeight = canvas.LineHeight(axis.LabelStyle);
        for (int i = 0; i < ticks.Count; i++)
        {
            var at = mapper.Position(ticks[i]);
            if (horizontal)
            {
                if (axis.GridLines) canvas.Line(at, plot.Y, at, plot.Bottom, grid);
                if (!axis.Visible) continue;
                canvas.Line(at, plot.Bottom, at, plot.Bottom + Tick, stroke);
                canvas.Text(labels[i], axis.LabelStyle, at, plot.Bottom + Tick + 1, ChartTextAnchor.Middle);
            }
            else
            {
                if (axis.GridLines) canvas.Line(plot.X, at, plot.Right, at, grid);
                if (!axis.Visible) continue;
                canvas.Line(plot.X - Tick, at, plot.X, at, stroke);
                canvas.Text(labels[i], axis.LabelStyle, plot.X - Tick - 2, at - lineHeight / 2, ChartTextAnchor.End);
            }
        }
        if (axis.Visible)
        {
            if (horizontal) canvas.Line(plot.X, plot.Bottom, plot.Right, plot.Bottom, stroke);
            else canvas.Line(plot.X, plot.Y, plot.X, plot.Bottom, stroke);
        }
    }

    private static void DrawCategoryAxis(ChartCanvas canvas, ChartData data, Bounds plot, bool horizontal, bool upright, double leftEdge)
    {
        var axis = data.CategoryAxis;
        if (!axis.Visible) return;
        var stroke = ChartCanvas.Hairline(AxisColor);
        var style = axis.LabelStyle;
        var lineHeight = canvas.LineHeight(style);
        var count = Math.Max(1, data.Categories.Length);
        if (horizontal)
        {
            canvas.Line(plot.X, plot.Y, plot.X, plot.Bottom, stroke);
            for (int i = 0; i < data.Categories.Length; i++)
            {
                var center = plot.Y + plot.Height * data.CategoryFraction(i);
                canvas.Text(canvas.Fit(data.Categories[i], style, Math.Max(1, plot.X - leftEdge - Tick - 2)), style, plot.X - Tick - 2, center - lineHeight / 2, ChartTextAnchor.End);
            }
            return;
        }
        canvas.Line(plot.X, plot.Bottom, plot.Right, plot.Bottom, stroke);
        var width = plot.Width / count;
        var every = upright ? Math.Max(1, (int)Math.Ceiling(lineHeight / Math.Max(0.1, width))) : 1;
        for (int i = 0; i < data.Categories.Length; i += every)
        {
            var center = plot.X + plot.Width * data.CategoryFraction(i);
            canvas.Line(center, plot.Bottom, center, plot.Bottom + Tick, stroke);
            if (upright)
            {
                var text = canvas.Fit(data.Categories[i], style, plot.Height * 0.6);
                canvas.Add(new ChartText(center + lineHeight * 0.3, plot.Bottom + Tick + 2, text, style, ChartTextAnchor.End, -90) { Width = canvas.Width(text, style) });
            }
            else
            {
                canvas.Text(data.Categories[i], style, center, plot.Bottom + Tick + 1, ChartTextAnchor.Middle);
            }
        }
    }

    private static void DrawScatterAxis(ChartCanvas canvas, ChartData data, Bounds plot, ChartScale scale, List<string> labels)
    {
        var axis = data.CategoryAxis;
        if (!axis.Visible) return;
        var stroke = ChartCanvas.Hairline(AxisColor);
        canvas.Line(plot.X, plot.Bottom, plot.Right, plot.Bottom, stroke);
        var ticks = scale.Ticks();
        for (int i = 0; i < ticks.Count; i++)
        {
            var at = plot.X + scale.Fraction(ticks[i]) * plot.Width;
            canvas.Line(at, plot.Bottom, at, plot.Bottom + Tick, stroke);
            canvas.Text(labels[i], axis.LabelStyle, at, plot.Bottom + Tick + 1, ChartTextAnchor.Middle);
        }
    }

    private static string Format(double value, string? format, bool percent, CultureInfo culture)
    {
        if (percent && string.IsNullOrEmpty(format)) return value.ToString("0", culture) + "%";
        return ValueFormatter.Format(value, format, culture);
    }
}

/// <summary>Maps values to positions along the value axis: y for columns (up), x for bars (right).</summary>
internal readonly record struct ValueMapper(Bounds Plot, ChartScale Scale, bool Horizontal)
{
    public double Position(double value)
    {
        var f = Math.Clamp(Scale.Fraction(value), -0.05, 1.05);
        return Horizontal ? Plot.X + f * Plot.Width : Plot.Bottom - f * Plot.Height;
    }

    /// <summary>The position of zero (or the scale bound nearest to it): where bars start.</summary>
    public double Baseline => Position(Math.Clamp(0, Scale.Minimum, Scale.Maximum));
}
