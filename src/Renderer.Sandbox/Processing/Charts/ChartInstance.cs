using System.Collections.Immutable;
using System.Globalization;
using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing.Charts;

/// <summary>A processed chart: its box style and its evaluated data, ready for <c>ChartLayout</c>.</summary>
internal sealed record ChartInstance(ChartDefinition Chart, BoxStyle Box, ChartData Data) : ItemInstance(Chart)
{
    public override ItemPaging? Paging { get; init; }
}

/// <summary>
/// A chart's evaluated data: one label per category instance (leaf of the category hierarchy, in order) and the series
/// (one per series instance), each with one point per category.
/// </summary>
internal sealed record ChartData(ImmutableArray<string> Categories, ImmutableArray<ChartSeriesData> Series)
{
    public ImmutableArray<ChartCaption> Titles { get; init; } = [];

    /// <summary>Per category, the labels from the outermost category member to its leaf (for tree maps and sunbursts).</summary>
    public ImmutableArray<ImmutableArray<string>> CategoryPaths { get; init; } = [];

    public ChartAxisData CategoryAxis { get; init; } = ChartAxisData.Default;

    public ChartAxisData ValueAxis { get; init; } = ChartAxisData.Default;

    public ChartLegendData Legend { get; init; } = ChartLegendData.Default;

    /// <summary>Colors for series (and for the points of a pie or doughnut), in order.</summary>
    public ImmutableArray<Rgba> Palette { get; init; } = ChartPalettes.Default;

    /// <summary>The NoDataMessage when the dataset returned no rows; null otherwise.</summary>
    public string? NoDataMessage { get; init; }

    public BoxStyle PlotBox { get; init; } = BoxStyle.None;

    /// <summary>
    /// Where category <paramref name="index"/> sits along the category axis, as a fraction of its length: the middle of
    /// its slot, or from edge to edge when the axis has Margin False and no column or bar series needs slots.
    /// </summary>
    public double CategoryFraction(int index)
    {
        var count = Math.Max(1, Categories.Length);
        if (!CategoryAxis.Margin && count > 1 && !Series.Any(s => s.Type is ChartSeriesType.Column or ChartSeriesType.Bar))
            return (double)index / (count - 1);
        return (index + 0.5) / count;
    }

    /// <summary>The report's culture, for axis labels.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.GetCultureInfo("en-US");
}

internal sealed record ChartSeriesData(string Name, ChartSeriesType Type, ChartSubtype Subtype, Rgba Color, ImmutableArray<ChartPointData> Points)
{
    /// <summary>The legend entry (LegendText with its keywords replaced); the name when none is written.</summary>
    public string? LegendText { get; init; }

    /// <summary>False when the series is hidden in the legend (HideInLegend, ChartItemInLegend/Hidden).</summary>
    public bool InLegend { get; init; } = true;

    /// <summary>The line's stroke from the data point's border (width, dashes, color; a transparent color means the series color); null for 1.5pt solid.</summary>
    public BorderSide? Line { get; init; }

    /// <summary>For a pie or doughnut: how its small slices are collected into one (see <c>PieCollector</c>); null for not at all.</summary>
    public ChartCollectedSlices? Collected { get; init; }
}

/// <summary>One data point: Y (and X for scatter), null when empty; the data label text when labels are shown.</summary>
internal sealed record ChartPointData(double? Y, double? X, string? Label)
{
    /// <summary>The point's own color (data point Style/Color), overriding the series color.</summary>
    public Rgba? Color { get; init; }

    /// <summary>The marker drawn at the point; null for none.</summary>
    public ChartMarkerData? Marker { get; init; }

    /// <summary>The category label of the point (#AXISLABEL).</summary>
    public string AxisLabel { get; init; } = string.Empty;

    /// <summary>ChartItemInLegend/LegendText with keywords replaced (a pie slice's legend entry); null for the category label.</summary>
    public string? LegendText { get; init; }

    /// <summary>The ToolTip with keywords replaced; null when none.</summary>
    public string? ToolTip { get; init; }
}

/// <summary>An evaluated marker: shape, size in points, fill and border.</summary>
internal sealed record ChartMarkerData(ChartMarkerShape Shape, double Size, Rgba Fill, BorderSide Border);

internal sealed record ChartCaption(string Text, TextStyle Style, string Position);

internal sealed record ChartAxisData(string? Title, TextStyle TitleStyle, TextStyle LabelStyle, string? Format, bool Visible, double? Minimum, double? Maximum, bool GridLines)
{
    /// <summary>False when the category axis has Margin False: line and area points run from edge to edge.</summary>
    public bool Margin { get; init; } = true;

    public static ChartAxisData Default { get; } = new(null, ChartStyles.AxisTitle, ChartStyles.AxisLabel, null, true, null, null, true);
}

internal sealed record ChartLegendData(bool Visible, string Position, TextStyle Style)
{
    public static ChartLegendData Default { get; } = new(true, "RightCenter", ChartStyles.Legend);
}

/// <summary>Default text styles of chart parts (as SSRS: 8pt labels, 14pt title).</summary>
internal static class ChartStyles
{
    public static TextStyle AxisLabel { get; } = TextStyle.Default with { FontSize = 8 };

    public static TextStyle AxisTitle { get; } = TextStyle.Default with { FontSize = 8, Bold = true };

    public static TextStyle Legend { get; } = TextStyle.Default with { FontSize = 8 };

    public static TextStyle Title { get; } = TextStyle.Default with { FontSize = 14 };

    public static TextStyle DataLabel { get; } = TextStyle.Default with { FontSize = 7 };
}
