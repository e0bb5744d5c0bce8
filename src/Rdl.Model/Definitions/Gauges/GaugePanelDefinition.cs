using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Gauges;

/// <summary>
/// A &lt;GaugePanel&gt;: radial and linear gauges and state indicators over one dataset. Like a chart, its data is
/// described as a tablix, <see cref="DataRegion"/>, with no groups and one body cell holding <see cref="Content"/>, so its
/// expressions are aggregates over the panel's rows (the rows of the enclosing group instance in a tablix cell).
/// </summary>
public sealed record GaugePanelDefinition(string Name, ItemBounds Bounds, StyleDefinition Style, SourceLocation Location, GaugeContent Content, TablixDefinition DataRegion)
    : ReportItem(Name, Bounds, Style, Location)
{
    public override string Kind => "GaugePanel";
}

/// <summary>The gauges and indicators of a panel, in the panel's scope.</summary>
public sealed record GaugeContent(string Name, SourceLocation Location, ImmutableArray<GaugeDefinition> Gauges, ImmutableArray<StateIndicatorDefinition> Indicators)
    : ReportItem(Name, default, StyleDefinition.Empty, Location)
{
    public override string Kind => "Gauge data";
}

/// <summary>
/// A RadialGauge or LinearGauge: its place in the panel (Top, Left, Width, Height in percent of the panel), its scales and
/// its back frame color. <see cref="Preset"/> is the rd:GaugeType or the linear gauge's Type when written
/// (Thermometer, BulletGraph, ...).
/// </summary>
public sealed record GaugeDefinition(string Name, bool Radial, GaugePlacement Placement, ImmutableArray<GaugeScaleDefinition> Scales, StyleDefinition FrameStyle)
{
    /// <summary>Linear gauges: Horizontal, Vertical or Auto (by the aspect ratio).</summary>
    public string Orientation { get; init; } = "Auto";

    public string? Preset { get; init; }
}

/// <summary>Position and size in percent of the panel (0 to 100); <see cref="Auto"/> when not written (the panel lays the gauges out).</summary>
public readonly record struct GaugePlacement(double Top, double Left, double Width, double Height, bool Auto);

/// <summary>A RadialScale or LinearScale: range, angles (radial; degrees clockwise from six o'clock, as SSRS), ranges, pointers and labels.</summary>
public sealed record GaugeScaleDefinition(ExpressionText? Minimum, ExpressionText? Maximum, ImmutableArray<GaugeRangeDefinition> Ranges, ImmutableArray<GaugePointerDefinition> Pointers)
{
    public double StartAngle { get; init; } = 20;

    public double SweepAngle { get; init; } = 320;

    /// <summary>The radius of a radial scale in percent of the gauge's half size (SSRS default 37).</summary>
    public double Radius { get; init; } = 37;

    /// <summary>StartMargin / EndMargin of a linear scale, percent of the gauge's length.</summary>
    public double StartMargin { get; init; } = 8;

    public double EndMargin { get; init; } = 8;

    /// <summary>Position of a linear scale across the gauge, percent (SSRS default 50).</summary>
    public double Position { get; init; } = 50;

    public bool LabelsHidden { get; init; }

    public StyleDefinition LabelStyle { get; init; } = StyleDefinition.Empty;

    public StyleDefinition Style { get; init; } = StyleDefinition.Empty;

    public ExpressionText? Interval { get; init; }
}

/// <summary>A ScaleRange: from StartValue to EndValue, drawn as a band (StartWidth to EndWidth, percent) filled with its BackgroundColor.</summary>
public sealed record GaugeRangeDefinition(ExpressionText? Start, ExpressionText? End, StyleDefinition Style)
{
    public double StartWidth { get; init; } = 10;

    public double EndWidth { get; init; } = 10;

    public double DistanceFromScale { get; init; } = 10;

    public string Placement { get; init; } = "Inside";
}

/// <summary>A RadialPointer or LinearPointer: Needle, Bar, Marker (linear: Marker, Bar, Thermometer), with its value.</summary>
public sealed record GaugePointerDefinition(string Type, ExpressionText? Value, StyleDefinition Style)
{
    public string Placement { get; init; } = "Cross";

    /// <summary>Width in percent (SSRS default 15 for needles, 15 for bars).</summary>
    public double Width { get; init; } = 15;

    public double MarkerLength { get; init; } = 10;

    public string MarkerStyle { get; init; } = "Triangle";

    public double DistanceFromScale { get; init; }

    /// <summary>BarStart: ScaleStart (default) or Zero.</summary>
    public string BarStart { get; init; } = "ScaleStart";
}

/// <summary>
/// A StateIndicator: its value, how it is transformed (Percentage of Minimum..Maximum, else the value itself), and its
/// states, the first whose StartValue..EndValue holds the value winning.
/// </summary>
public sealed record StateIndicatorDefinition(string Name, GaugePlacement Placement, ExpressionText? Value, ImmutableArray<IndicatorStateDefinition> States)
{
    public string TransformationType { get; init; } = "Percentage";

    public ExpressionText? Minimum { get; init; }

    public ExpressionText? Maximum { get; init; }

    /// <summary>TransformationScope: the scope over which an automatic minimum and maximum are taken.</summary>
    public string? TransformationScope { get; init; }

    /// <summary>The indicator's own IndicatorStyle (used by states that name none).</summary>
    public string IndicatorStyle { get; init; } = "None";
}

/// <summary>An IndicatorState: range, color and icon (IndicatorStyle: ArrowUp, Circle, Star, ...).</summary>
public sealed record IndicatorStateDefinition(string Name, ExpressionText? Start, ExpressionText? End, ExpressionText? Color, string Style);
