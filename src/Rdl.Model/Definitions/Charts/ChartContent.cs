using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Charts;

/// <summary>
/// Everything of a chart except its hierarchies: series and data points, titles, axes, legend and palette. It is the
/// content of the one cell of <see cref="ChartDefinition.DataRegion"/>, so its expressions sit inside the chart's scopes.
/// </summary>
public sealed record ChartContent(string Name, SourceLocation Location, ImmutableArray<ChartSeriesDefinition> Series)
    : ReportItem(Name, default, StyleDefinition.Empty, Location)
{
    public override string Kind => "Chart data";

    public ImmutableArray<ChartTitleDefinition> Titles { get; init; } = [];

    public ChartAxisDefinition CategoryAxis { get; init; } = ChartAxisDefinition.Default;

    public ChartAxisDefinition ValueAxis { get; init; } = ChartAxisDefinition.Default;

    public ChartLegendDefinition Legend { get; init; } = ChartLegendDefinition.Default;

    /// <summary>Palette name (Default, EarthTones, Excel, GrayScale, Light, Pastel, SemiTransparent, Berry, Chocolate, Fire, SeaGreen, BrightPastel, Pacific, ..., Custom).</summary>
    public string Palette { get; init; } = "Default";

    /// <summary>ChartCustomPaletteColors (colors as written, constants or expressions).</summary>
    public ImmutableArray<ExpressionText> CustomPalette { get; init; } = [];

    /// <summary>ChartNoDataMessage caption, shown when the dataset has no rows.</summary>
    public ExpressionText? NoDataMessage { get; init; }

    /// <summary>Style of the plot area (ChartArea / legacy PlotArea): its background and border.</summary>
    public StyleDefinition PlotStyle { get; init; } = StyleDefinition.Empty;
}

/// <summary>How a series is drawn.</summary>
public enum ChartSeriesType
{
    Column,
    Bar,
    Line,
    Area,
    Pie,
    Doughnut,
    Scatter,

    /// <summary>Shape/TreeMap: nested rectangles sized by value, one per category leaf, grouped by the outer categories.</summary>
    TreeMap,

    /// <summary>Shape/Sunburst: rings of wedges, the inner ring the outer categories and the outer ring their leaves.</summary>
    Sunburst,
}

/// <summary>Subtype: how the series of one chart combine.</summary>
public enum ChartSubtype
{
    Plain,
    Stacked,
    PercentStacked,
    Smooth,
    Stepped,
}

/// <summary>A ChartSeries: one per leaf of the series hierarchy, with one data point per leaf of the category hierarchy.</summary>
public sealed record ChartSeriesDefinition(string Name, ChartSeriesType Type, ChartSubtype Subtype, ImmutableArray<ChartDataPointDefinition> DataPoints, StyleDefinition Style)
{
    public bool Hidden { get; init; }

    /// <summary>The series' ChartMarker: applies to the data points that have none of their own.</summary>
    public ChartMarkerDefinition? Marker { get; init; }

    /// <summary>LegendText (or ChartItemInLegend/LegendText): the series' legend entry, keywords such as #SERIESNAME allowed; null for the series name.</summary>
    public ExpressionText? LegendText { get; init; }

    /// <summary>HideInLegend (or ChartItemInLegend/Hidden): the series has no legend entry.</summary>
    public bool HiddenInLegend { get; init; }

    /// <summary>How a pie or doughnut collects its small slices (the CollectedStyle custom properties); null for not at all.</summary>
    public ChartCollectedSlices? Collected { get; init; }
}

/// <summary>
/// The pie custom properties of SSRS (and the chart control it uses) that collect small slices into one: slices below
/// <see cref="Threshold"/> (a percentage of the total when <see cref="ThresholdIsPercent"/>, else a value) become one slice
/// named <see cref="Label"/> (legend: <see cref="LegendText"/>) in <see cref="Color"/> or the next palette color.
/// CollectedStyle CollectedPie (a second pie of the collected slices) is drawn as SingleSlice.
/// </summary>
public sealed record ChartCollectedSlices(double Threshold, bool ThresholdIsPercent, string Label, string LegendText, string? Color)
{
    /// <summary>SSRS's defaults: 5 percent, "Other".</summary>
    public static ChartCollectedSlices Default { get; } = new(5, true, "Other", "Other", null);
}

/// <summary>A ChartDataPoint: Y (legacy: the DataValue) and, for scatter charts, X; label and style.</summary>
public sealed record ChartDataPointDefinition(ExpressionText? Y, ExpressionText? X, StyleDefinition Style)
{
    public ChartDataLabelDefinition? Label { get; init; }

    /// <summary>The point's ChartMarker (legacy: Marker); null to use the series' marker.</summary>
    public ChartMarkerDefinition? Marker { get; init; }

    /// <summary>ChartItemInLegend/LegendText: the point's legend entry on a pie or doughnut (keywords allowed); null for the category label.</summary>
    public ExpressionText? LegendText { get; init; }

    /// <summary>ToolTip, keywords such as #VALY allowed (kept for formats that show tooltips).</summary>
    public ExpressionText? ToolTip { get; init; }
}

/// <summary>ChartDataLabel: shown when <see cref="Visible"/>; <see cref="Label"/> replaces the value text; Style/Format formats the value.</summary>
public sealed record ChartDataLabelDefinition(bool Visible, ExpressionText? Label, StyleDefinition Style);

/// <summary>A ChartTitle (legacy: Title) with its Caption.</summary>
public sealed record ChartTitleDefinition(ExpressionText Caption, StyleDefinition Style)
{
    /// <summary>Position as written (TopCenter, TopLeft, BottomCenter, ...); Top* and Bottom* are honoured.</summary>
    public string Position { get; init; } = "TopCenter";

    public bool Hidden { get; init; }
}

/// <summary>A ChartAxis (legacy: CategoryAxis/ValueAxis Axis): title, label style (Style/Format), scale and grid lines.</summary>
public sealed record ChartAxisDefinition(ExpressionText? Title, StyleDefinition Style)
{
    public static ChartAxisDefinition Default { get; } = new(null, StyleDefinition.Empty);

    public bool Visible { get; init; } = true;

    /// <summary>Minimum / Maximum of the scale; null for automatic (also "NaN").</summary>
    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    /// <summary>Minimum / Maximum written as an expression (e.g. <c>=Max(Sum(...), "Tablix1")</c> to align data bars across rows), evaluated in the chart's scope.</summary>
    public ExpressionText? MinimumExpression { get; init; }

    public ExpressionText? MaximumExpression { get; init; }

    /// <summary>ChartMajorGridLines Enabled (legacy: MajorGridLines/ShowGridLines); null when not written.</summary>
    public bool? MajorGridLines { get; init; }

    public StyleDefinition TitleStyle { get; init; } = StyleDefinition.Empty;

    /// <summary>Margin: false puts the first and last categories of a line or area chart on the plot's edges; null (Auto) or true keeps a half slot.</summary>
    public bool? Margin { get; init; }
}

/// <summary>A ChartLegend (legacy: Legend).</summary>
public sealed record ChartLegendDefinition(bool Hidden, string Position, StyleDefinition Style)
{
    public static ChartLegendDefinition Default { get; } = new(false, "RightCenter", StyleDefinition.Empty);
}
