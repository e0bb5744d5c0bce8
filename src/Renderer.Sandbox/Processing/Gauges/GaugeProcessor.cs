using System.Collections.Immutable;
using System.Globalization;
using Rdl.Model.Definitions.Gauges;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Filters;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing.Gauges;

/// <summary>
/// Evaluates a gauge panel in its scope (its dataset's filtered rows, or the enclosing group instance's rows in a tablix
/// cell): scale minimum and maximum, range bounds and colors, pointer values, and each state indicator's state. An
/// indicator's value is transformed to a percentage of Minimum..Maximum when its TransformationType is Percentage (the
/// default), else compared as is; the first state whose StartValue..EndValue holds it wins. An automatic minimum or
/// maximum (NaN) is 0 and 100 for a percentage, with warning PRC4061 (once per indicator): SSRS takes them over the TransformationScope.
/// </summary>
internal sealed class GaugeProcessor(ProcessingContext context, ItemEvaluator items, Func<string?, DataSetInstance> dataSets)
{
    /// <summary>Warning: an indicator's automatic minimum or maximum over its TransformationScope is not computed.</summary>
    public const string AutomaticRange = DiagnosticCodes.Processing.AutomaticGaugeRange;

    private static readonly Rgba NeedleColor = new(0xF9, 0x7D, 0x2C);
    private readonly Scopes.DataRegionRows _sources = new(context, items, dataSets);
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    public GaugeInstance Process(GaugePanelDefinition panel)
    {
        var region = panel.DataRegion;
        var (dataSet, source) = _sources.For(panel, region.DataSetName);
        var rows = FilterEngine.Apply(context, dataSet, source, region.Filters, panel.Describe());
        context.PushScope(new ScopeFrame(panel.Name, dataSet, rows) { IsDataRegion = true });
        var saved = context.SetRow(dataSet, rows.Count > 0 ? rows[0] : null);
        try
        {
            var gauges = panel.Content.Gauges.Select(g => Gauge(g, panel)).ToImmutableArray();
            var indicators = panel.Content.Indicators.Select(i => Indicator(i, panel)).ToImmutableArray();
            return new GaugeInstance(panel, items.Styles.ResolveBox(panel.Style), gauges, indicators);
        }
        finally
        {
            context.RestoreRow(saved);
            context.PopScope();
        }
    }

    private GaugeData Gauge(GaugeDefinition gauge, GaugePanelDefinition panel)
    {
        var scales = gauge.Scales.Select(scale =>
        {
            var min = Number(scale.Minimum, panel) ?? 0;
            var max = Number(scale.Maximum, panel) ?? 100;
            if (max <= min) max = min + 1;
            var ranges = scale.Ranges.Select(r => new GaugeRangeData(r, Number(r.Start, panel) ?? min, Number(r.End, panel) ?? max,
                Color(r.Style, "BackgroundColor", panel) ?? Color(r.Style, "Color", panel) ?? new Rgba(0xC0, 0xC0, 0xC0))).ToImmutableArray();
            var pointers = scale.Pointers.Select(p => new GaugePointerData(p, Number(p.Value, panel),
                Color(p.Style, "BackgroundColor", panel) ?? Color(p.Style, "Color", panel) ?? NeedleColor)).ToImmutableArray();
            var labelStyle = LabelStyle(scale.LabelStyle);
            return new GaugeScaleData(scale, min, max, Number(scale.Interval, panel) is { } i and > 0 ? i : 0, labelStyle, ranges, pointers);
        }).ToImmutableArray();
        var frame = Color(gauge.FrameStyle, "BackgroundColor", panel) ?? Rgba.Transparent;
        return new GaugeData(gauge, frame, scales);
    }

    private IndicatorData Indicator(StateIndicatorDefinition indicator, GaugePanelDefinition panel)
    {
        var value = Number(indicator.Value, panel);
        if (value is not { } v) return new IndicatorData(indicator, null, Rgba.Transparent);
        var percentage = !indicator.TransformationType.Equals("None", StringComparison.OrdinalIgnoreCase);
        if (percentage)
        {
            var min = Number(indicator.Minimum, panel);
            var max = Number(indicator.Maximum, panel);
            if ((min is null || max is null) && _warned.Add(panel.Name + "/" + indicator.Name))
            {
                items.AddDiagnostic(RdlDiagnostic.Warning(AutomaticRange,
                    $"State indicator '{indicator.Name}' of {panel.Describe()} has an automatic minimum or maximum; 0 and 100 are used (SSRS takes them over '{indicator.TransformationScope}').",
                    panel.Location, panel.Describe()));
            }
            var (low, high) = (min ?? 0, max ?? 100);
            v = high > low ? (v - low) / (high - low) * 100 : 0;
        }
        foreach (var state in indicator.States)
        {
            var start = Number(state.Start, panel) ?? double.NegativeInfinity;
            var end = Number(state.End, panel) ?? double.PositiveInfinity;
            if (v < start || v > end) continue;
            var icon = state.Style is "None" or "" ? indicator.IndicatorStyle : state.Style;
            var color = state.Color is { } c ? ColorParser.Parse(Text(c, panel)) : null;
            return new IndicatorData(indicator, icon, color ?? Rgba.Black);
        }
        return new IndicatorData(indicator, null, Rgba.Transparent);
    }

    private TextStyle LabelStyle(StyleDefinition style)
    {
        var fallback = TextStyle.Default with { FontSize = 8 };
        if (style.Properties.IsEmpty) return fallback;
        try
        {
            var resolved = items.Styles.ResolveText(style, null, null, false).Text;
            return style["FontSize"] is null ? resolved with { FontSize = fallback.FontSize } : resolved;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return fallback;
        }
    }

    private string Text(ExpressionText expression, GaugePanelDefinition panel)
    {
        var value = items.TryEvaluate(expression, panel, out var failed);
        return failed ? string.Empty : ValueFormatter.Format(value, null, items.Culture);
    }

    private Rgba? Color(StyleDefinition style, string property, GaugePanelDefinition panel) =>
        style[property] is { } e && Text(e, panel) is { Length: > 0 } text ? ColorParser.Parse(text) : null;

    private double? Number(ExpressionText? expression, GaugePanelDefinition panel)
    {
        if (expression is null) return null;
        var value = items.TryEvaluate(expression, panel, out var failed);
        if (failed) return null;
        try
        {
            return value switch
            {
                null or DBNull => null,
                double d => double.IsFinite(d) ? d : null,
                string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) ? parsed : null,
                IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }
}
