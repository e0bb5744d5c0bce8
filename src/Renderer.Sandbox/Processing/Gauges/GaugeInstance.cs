using System.Collections.Immutable;
using Rdl.Model.Definitions.Gauges;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing.Gauges;

/// <summary>A processed gauge panel: its box and its evaluated gauges and indicators, ready for <c>GaugeLayout</c>.</summary>
internal sealed record GaugeInstance(GaugePanelDefinition Panel, BoxStyle Box, ImmutableArray<GaugeData> Gauges, ImmutableArray<IndicatorData> Indicators) : ItemInstance(Panel)
{
    public override ItemPaging? Paging { get; init; }
}

/// <summary>An evaluated radial or linear gauge.</summary>
internal sealed record GaugeData(GaugeDefinition Definition, Rgba Frame, ImmutableArray<GaugeScaleData> Scales);

/// <summary>An evaluated scale: its range (Minimum below Maximum), label interval (0: automatic), ranges and pointers.</summary>
internal sealed record GaugeScaleData(GaugeScaleDefinition Definition, double Minimum, double Maximum, double Interval, TextStyle LabelStyle, ImmutableArray<GaugeRangeData> Ranges, ImmutableArray<GaugePointerData> Pointers);

internal sealed record GaugeRangeData(GaugeRangeDefinition Definition, double Start, double End, Rgba Fill);

/// <summary>An evaluated pointer; <see cref="Value"/> is null when its value is empty (nothing is drawn).</summary>
internal sealed record GaugePointerData(GaugePointerDefinition Definition, double? Value, Rgba Fill);

/// <summary>An evaluated state indicator: the state chosen (null: none matched, nothing drawn), its icon and color.</summary>
internal sealed record IndicatorData(StateIndicatorDefinition Definition, string? Icon, Rgba Color);
