using System.Collections.Immutable;

namespace Renderer.Sandbox.Pages;

/// <summary>The chart types Word and Excel draw natively from data (DrawingML charts).</summary>
public enum NativeChartKind
{
    Column,
    Bar,
    Line,
    Area,
    Pie,
    Doughnut,
    Scatter,
}

/// <summary>How the series of a column, bar, line or area chart combine.</summary>
public enum NativeChartGrouping
{
    Standard,
    Stacked,
    PercentStacked,
}

/// <summary>
/// A chart as data, for the Office writers' native charts: one kind for every series, the category labels and each
/// series' values per category (scatter: X and Y values), with the colors, titles and legend the picture shows.
/// </summary>
public sealed record NativeChart(NativeChartKind Kind, NativeChartGrouping Grouping, ImmutableArray<string> Categories, ImmutableArray<NativeChartSeries> Series)
{
    /// <summary>The chart's title (its titles joined by a line break); null for none.</summary>
    public string? Title { get; init; }

    /// <summary>Lines drawn as smooth curves.</summary>
    public bool Smooth { get; init; }

    /// <summary>Where the legend sits: <c>r</c>, <c>l</c>, <c>t</c> or <c>b</c>; null for no legend.</summary>
    public string? LegendPosition { get; init; }

    /// <summary>False when the category axis is hidden (a sparkline or data bar): the axis is deleted.</summary>
    public bool CategoryAxisVisible { get; init; } = true;

    public bool ValueAxisVisible { get; init; } = true;

    /// <summary>The value axis draws major grid lines.</summary>
    public bool ValueGridLines { get; init; } = true;

    public string? CategoryAxisTitle { get; init; }

    public string? ValueAxisTitle { get; init; }

    public double? ValueMinimum { get; init; }

    public double? ValueMaximum { get; init; }
}

/// <summary>One series: its legend name, color and one value per category (null: no value); X values for a scatter.</summary>
public sealed record NativeChartSeries(string Name, Rgba Color, ImmutableArray<double?> Values)
{
    public ImmutableArray<double?> XValues { get; init; } = [];

    /// <summary>The series shows its data labels (the values).</summary>
    public bool ShowLabels { get; init; }

    /// <summary>Per point, its own color (a pie's slices); null for the series color. Empty when no point has one.</summary>
    public ImmutableArray<Rgba?> PointColors { get; init; } = [];
}
