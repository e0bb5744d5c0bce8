using System.Collections.Immutable;
using System.Globalization;
using Renderer.Sandbox.Layout.Charts;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Gauges;

namespace Renderer.Sandbox.Layout.Gauges;

/// <summary>
/// Lays a processed gauge panel out as vector shapes (a <see cref="ChartItem"/>, so every writer draws it as it draws
/// charts): each gauge and indicator in its rectangle (Top/Left/Width/Height in percent of the panel; gauges without one
/// share the panel side by side), radial gauges by <see cref="RadialGaugePainter"/>, linear ones by
/// <see cref="LinearGaugePainter"/>, indicators by <see cref="IndicatorPainter"/>.
/// </summary>
internal static class GaugeLayout
{
    public static ImmutableArray<ChartShape> Build(GaugeInstance panel, double width, double height, ITextMeasurer measurer)
    {
        var canvas = new ChartCanvas(measurer);
        if (!panel.Box.Background.IsTransparent || panel.Box.Top.IsVisible)
            canvas.Rect(0, 0, width, height, panel.Box.Background, panel.Box.Top);
        var full = new Bounds(0, 0, width, height);
        var autoGauges = panel.Gauges.Count(g => g.Definition.Placement.Auto);
        int auto = 0;
        foreach (var gauge in panel.Gauges)
        {
            var area = gauge.Definition.Placement.Auto ? Share(full, auto++, autoGauges) : Place(full, gauge.Definition.Placement);
            if (gauge.Definition.Radial) RadialGaugePainter.Draw(canvas, gauge, area);
            else LinearGaugePainter.Draw(canvas, gauge, area);
        }
        var autoIndicators = panel.Indicators.Count(i => i.Definition.Placement.Auto);
        auto = 0;
        foreach (var indicator in panel.Indicators)
        {
            var area = indicator.Definition.Placement.Auto ? Share(full, auto++, autoIndicators) : Place(full, indicator.Definition.Placement);
            IndicatorPainter.Draw(canvas, indicator, area);
        }
        return canvas.Shapes;
    }

    private static Bounds Place(Bounds full, Rdl.Model.Definitions.Gauges.GaugePlacement p) =>
        new(full.X + full.Width * p.Left / 100, full.Y + full.Height * p.Top / 100, full.Width * p.Width / 100, full.Height * p.Height / 100);

    private static Bounds Share(Bounds full, int index, int count)
    {
        var w = full.Width / Math.Max(1, count);
        return new Bounds(full.X + w * index, full.Y, w, full.Height);
    }

    /// <summary>Tick values of a scale: its Interval when written, else a nice step (about five intervals).</summary>
    public static List<double> Ticks(GaugeScaleData scale)
    {
        var step = scale.Interval > 0 ? scale.Interval : ChartScale.Create(scale.Minimum, scale.Maximum, scale.Minimum, scale.Maximum, includeZero: false).Step;
        var ticks = new List<double>();
        if (step <= 0) return ticks;
        for (var v = scale.Minimum; v <= scale.Maximum + step * 1e-9 && ticks.Count < 200; v += step) ticks.Add(Math.Round(v, 10));
        return ticks;
    }

    public static string Label(double value, CultureInfo culture) => value.ToString("0.##", culture);

    public static double Fraction(GaugeScaleData scale, double value) => Math.Clamp((value - scale.Minimum) / (scale.Maximum - scale.Minimum), 0, 1);
}

/// <summary>Turns a processed gauge panel into a <see cref="ChartItem"/> laid out for its bounds.</summary>
internal static class GaugePlacementEmitter
{
    public static void Emit(GaugeInstance gauge, Bounds bounds, PageRegion region, List<PageItem> sink, ITextMeasurer? measurer = null)
    {
        if (bounds.Width <= 0 || bounds.Height <= 0) return;
        var shapes = GaugeLayout.Build(gauge, bounds.Width, bounds.Height, measurer ?? SkiaTextMeasurer.Shared);
        sink.Add(new ChartItem(bounds, region, gauge.Panel.Name, shapes));
    }
}
