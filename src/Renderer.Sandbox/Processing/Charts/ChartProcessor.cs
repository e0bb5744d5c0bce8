using System.Collections.Immutable;
using System.Globalization;
using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Filters;
using Renderer.Sandbox.Processing.Styling;
using Renderer.Sandbox.Processing.Tablix;

namespace Renderer.Sandbox.Processing.Charts;

/// <summary>
/// Evaluates a chart: filters and sorts its dataset's rows, expands the category and series hierarchies into instances
/// (<see cref="ChartHierarchy"/>), and evaluates each data point's Y (and X) in the intersection of its category and
/// series instances, as a tablix body cell is: aggregates without a scope see the rows in both, a named group scope sees
/// that group's instance. Titles, axis titles, legend and palette are evaluated in the chart's scope.
/// </summary>
internal sealed class ChartProcessor(ProcessingContext context, ItemEvaluator items, Func<string?, DataSetInstance> dataSets)
{
    private readonly GroupPartitioner _partitioner = new(context);
    private readonly Scopes.DataRegionRows _sources = new(context, items, dataSets);
    private readonly ChartMarkerResolver _markers = new(items);

    public ChartInstance Process(ChartDefinition chart)
    {
        var region = chart.DataRegion;
        // A chart inside a data region (a sparkline in a tablix cell) charts the rows of its enclosing scope.
        var (dataSet, source) = _sources.For(chart, region.DataSetName);
        var filtered = FilterEngine.Apply(context, dataSet, source, region.Filters, chart.Describe());
        var rows = _partitioner.Sort(dataSet, filtered, region.SortExpressions);
        context.PushScope(new ScopeFrame(chart.Name, dataSet, rows) { IsDataRegion = true });
        var saved = context.SetRow(dataSet, rows.Count > 0 ? rows[0] : null);
        try
        {
            return new ChartInstance(chart, items.Styles.ResolveBox(chart.Style), Evaluate(chart, dataSet, rows));
        }
        finally
        {
            context.RestoreRow(saved);
            context.PopScope();
        }
    }

    private ChartData Evaluate(ChartDefinition chart, DataSetInstance dataSet, IReadOnlyList<object?[]> rows)
    {
        var content = chart.Content;
        var palette = Palette(content, chart);
        var header = new ChartData([], [])
        {
            Titles = [.. content.Titles.Where(t => !t.Hidden).Select(t => new ChartCaption(Text(t.Caption, chart), Text(t.Style, ChartStyles.Title), t.Position))],
            CategoryAxis = Axis(content.CategoryAxis, chart, gridLinesByDefault: false),
            ValueAxis = Axis(content.ValueAxis, chart, gridLinesByDefault: true),
            Legend = new ChartLegendData(!content.Legend.Hidden, content.Legend.Position, Text(content.Legend.Style, ChartStyles.Legend)),
            Palette = palette,
            PlotBox = items.Styles.ResolveBox(content.PlotStyle),
            Culture = items.Culture,
        };
        if (rows.Count == 0)
            return header with { NoDataMessage = content.NoDataMessage is { } m ? Text(m, chart) : string.Empty };

        var hierarchy = new ChartHierarchy(context, items, _partitioner);
        var categories = chart.CategoryHierarchy.IsDefaultOrEmpty
            ? [new ChartSlot(0, rows, [], string.Empty)]
            : hierarchy.Expand(chart.CategoryHierarchy, dataSet, rows, chart);
        var seriesSlots = chart.SeriesHierarchy.IsDefaultOrEmpty
            ? content.Series.Select((s, i) => new ChartSlot(i, rows, [], s.Name)).ToList()
            : hierarchy.Expand(chart.SeriesHierarchy, dataSet, rows, chart);

        var categoryFormat = StyleString(content.CategoryAxis.Style, "Format", chart);
        var categoryLabels = categories.Select(c => CategoryLabel(c, categoryFormat)).ToImmutableArray();
        var series = ImmutableArray.CreateBuilder<ChartSeriesData>();
        foreach (var slot in seriesSlots)
        {
            var definition = content.Series.Length == 0 ? null : content.Series[Math.Min(slot.Leaf, content.Series.Length - 1)];
            if (definition is null || definition.Hidden) continue;
            // Rows of the series instance, for intersections; null when it holds all the chart's rows.
            var seriesRows = ReferenceEquals(slot.Rows, rows) ? null : new HashSet<object?[]>(slot.Rows, ReferenceEqualityComparer.Instance);
            var styleColor = StyleColor(definition.Style, chart);
            var color = styleColor ?? palette[series.Count % palette.Length];
            var look = new SeriesLook(series.Count, color);
            var evaluated = categories.Select((category, i) => Point(definition, look, category, categoryLabels[i], slot, seriesRows, dataSet, chart)).ToList();
            var name = slot.Label.Length > 0 ? slot.Label : definition.Name;
            // A color written on the data points (the same for all of them) is the series' color, in the legend too.
            if (styleColor is null && SharedColor(evaluated) is { } shared) color = shared;
            var legend = definition.LegendText is { } legendText ? InScope(slot.Frames, () => Text(legendText, chart)) : name;
            var totals = ChartKeywordValues.ForSeries([.. evaluated.Select(e => e.Point)], name, name, null);
            legend = ChartKeywords.Replace(legend, totals, items.Culture);
            totals = totals with { LegendText = legend };
            var points = evaluated.Select((e, i) => WithKeywords(e, i, totals)).ToImmutableArray();
            series.Add(new ChartSeriesData(name, definition.Type, definition.Subtype, color, points)
            {
                LegendText = legend,
                InLegend = !definition.HiddenInLegend,
                Line = LineStroke(definition, chart),
                Collected = definition.Collected,
            });
        }
        return header with { Categories = categoryLabels, Series = series.ToImmutable(), CategoryPaths = [.. categories.Select(c => c.Path)] };
    }

    /// <summary>A category's label: its value in the category axis Format when one is written (dates as "MMM yyyy"), else as evaluated.</summary>
    private string CategoryLabel(ChartSlot category, string? format) =>
        format is not null && category.Value is IFormattable and not Enum ? ValueFormatter.Format(category.Value, format, items.Culture) : category.Label;

    private static Rgba? SharedColor(List<EvaluatedPoint> points)
    {
        Rgba? shared = null;
        foreach (var (point, _) in points)
        {
            if (point.Y is null) continue;
            if (point.Color is not { } c || (shared is { } s && s != c)) return null;
            shared = c;
        }
        return shared;
    }

    /// <summary>Replaces the keywords (#VALY, #PERCENT, ...) in the point's label, legend text and tooltip.</summary>
    private ChartPointData WithKeywords(EvaluatedPoint evaluated, int index, ChartKeywordValues totals)
    {
        var point = evaluated.Point;
        if (!ChartKeywords.Has(point.Label) && !ChartKeywords.Has(point.LegendText) && !ChartKeywords.Has(point.ToolTip)) return point;
        var values = totals with { Y = point.Y, X = point.X, Index = index, AxisLabel = point.AxisLabel, Format = evaluated.Format };
        var culture = items.Culture;
        return point with
        {
            Label = point.Label is { } label ? ChartKeywords.Replace(label, values, culture) : null,
            LegendText = point.LegendText is { } legend ? ChartKeywords.Replace(legend, values, culture) : null,
            ToolTip = point.ToolTip is { } tip ? ChartKeywords.Replace(tip, values, culture) : null,
        };
    }

    /// <summary>The stroke of a line series: the data point's border width and style (dashes), 1.5pt solid when not written.</summary>
    private BorderSide? LineStroke(ChartSeriesDefinition series, ChartDefinition chart)
    {
        if (series.Type is not (ChartSeriesType.Line or ChartSeriesType.Area or ChartSeriesType.Scatter) || series.DataPoints.IsDefaultOrEmpty) return null;
        var style = series.DataPoints[0].Style;
        var width = style["Border.Width"] is { } w && ReportSize.TryParse(Text(w, chart), out var size) && size.Points > 0 ? size.Points : (double?)null;
        var dash = StyleString(style, "Border.Style", chart)?.ToLowerInvariant() switch
        {
            "dashed" => BorderStyle.Dashed,
            "dotted" => BorderStyle.Dotted,
            "none" => BorderStyle.None,
            _ => BorderStyle.Solid,
        };
        var color = StyleString(style, "Border.Color", chart) is { } text ? ColorParser.Parse(text) : null;
        if (width is null && dash == BorderStyle.Solid && color is null) return null;
        return new BorderSide(dash, color ?? Rgba.Transparent, width ?? 1.5);
    }

    private T InScope<T>(ImmutableArray<ScopeFrame> frames, Func<T> evaluate)
    {
        foreach (var frame in frames) context.PushScope(frame);
        try
        {
            return evaluate();
        }
        finally
        {
            for (int i = 0; i < frames.Length; i++) context.PopScope();
        }
    }

    /// <summary>A data point as evaluated, with the Format its keywords use.</summary>
    private readonly record struct EvaluatedPoint(ChartPointData Point, string? Format);

    /// <summary>Evaluates the data point of <paramref name="series"/> for one category instance, in the intersection scope.</summary>
    private EvaluatedPoint Point(ChartSeriesDefinition series, SeriesLook look, ChartSlot category, string categoryLabel, ChartSlot seriesSlot, HashSet<object?[]>? seriesRows, DataSetInstance dataSet, ChartDefinition chart)
    {
        if (series.DataPoints.IsDefaultOrEmpty) return new(new ChartPointData(null, null, null) { AxisLabel = categoryLabel }, null);
        var point = series.DataPoints[Math.Min(category.Leaf, series.DataPoints.Length - 1)];
        var intersection = seriesRows is null ? category.Rows.ToList() : category.Rows.Where(seriesRows.Contains).ToList();
        var pushed = 0;
        foreach (var frame in category.Frames.Concat(seriesSlot.Frames))
        {
            context.PushScope(frame);
            pushed++;
        }
        context.PushScope(new ScopeFrame(string.Empty, dataSet, intersection));
        var saved = context.SetRow(dataSet, intersection.Count > 0 ? intersection[0] : null);
        try
        {
            var y = intersection.Count == 0 ? null : Number(point.Y, chart);
            var x = intersection.Count == 0 ? null : Number(point.X, chart);
            string? label = null, format = null;
            if (y is not null && point.Label is { Visible: true } dataLabel)
            {
                format = StyleString(dataLabel.Style, "Format", chart) ?? StyleString(point.Style, "Format", chart);
                label = dataLabel.Label is { } text ? Text(text, chart) : ValueFormatter.Format(y.Value, format, items.Culture);
            }
            var color = StyleColor(point.Style, chart);
            var marker = y is null ? null : _markers.Resolve(point.Marker ?? series.Marker, series.Type, look.Index, color ?? look.Color, chart);
            var data = new ChartPointData(y, x, label)
            {
                Color = color,
                Marker = marker,
                AxisLabel = categoryLabel,
                LegendText = point.LegendText is { } legend && y is not null ? Text(legend, chart) : null,
                ToolTip = point.ToolTip is { } tip && y is not null ? Text(tip, chart) : null,
            };
            return new(data, format);
        }
        finally
        {
            context.RestoreRow(saved);
            for (int i = 0; i <= pushed; i++) context.PopScope();
        }
    }

    /// <summary>A series' place among the drawn series and its color, for its points' markers.</summary>
    private readonly record struct SeriesLook(int Index, Rgba Color);

    private ChartAxisData Axis(ChartAxisDefinition axis, ChartDefinition chart, bool gridLinesByDefault) => new(
        axis.Title is { } title && axis.Visible ? Text(title, chart) : null,
        Text(axis.TitleStyle, ChartStyles.AxisTitle),
        Text(axis.Style, ChartStyles.AxisLabel),
        StyleString(axis.Style, "Format", chart),
        axis.Visible,
        axis.MinimumExpression is { } min ? Number(min, chart) : axis.Minimum,
        axis.MaximumExpression is { } max ? Number(max, chart) : axis.Maximum,
        axis.Visible && (axis.MajorGridLines ?? gridLinesByDefault))
    {
        Margin = axis.Margin ?? true,
    };

    private ImmutableArray<Rgba> Palette(ChartContent content, ChartDefinition chart)
    {
        if (!content.CustomPalette.IsDefaultOrEmpty)
        {
            var custom = content.CustomPalette.Select(c => ColorParser.Parse(Text(c, chart))).OfType<Rgba>().ToImmutableArray();
            if (custom.Length > 0) return custom;
        }
        return ChartPalettes.Get(content.Palette);
    }

    /// <summary>A chart text style: the RDL style resolved over the part's default font size and weight.</summary>
    private TextStyle Text(StyleDefinition style, TextStyle fallback)
    {
        if (style.Properties.IsEmpty) return fallback;
        TextStyle resolved;
        try
        {
            resolved = items.Styles.ResolveText(style, null, null, false).Text;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return fallback;
        }
        return resolved with
        {
            FontSize = style["FontSize"] is null ? fallback.FontSize : resolved.FontSize,
            Bold = style["FontWeight"] is null ? fallback.Bold : resolved.Bold,
        };
    }

    private string Text(ExpressionText expression, ChartDefinition chart)
    {
        var value = items.TryEvaluate(expression, chart, out var failed);
        return failed ? "#Error" : ValueFormatter.Format(value, null, items.Culture);
    }

    private double? Number(ExpressionText? expression, ChartDefinition chart)
    {
        if (expression is null) return null;
        var value = items.TryEvaluate(expression, chart, out var failed);
        if (failed) return null;
        return value switch
        {
            null or DBNull => null,
            double d => double.IsFinite(d) ? d : null,
            string s => double.TryParse(s, NumberStyles.Float, items.Culture, out var parsed) ? parsed : null,
            DateTime dt => dt.ToOADate(),
            IConvertible c => SafeDouble(c),
            _ => null,
        };
    }

    private static double? SafeDouble(IConvertible value)
    {
        try
        {
            return value.ToDouble(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    private string? StyleString(StyleDefinition style, string property, ChartDefinition chart) =>
        style[property] is { } expression && Text(expression, chart) is { Length: > 0 } text ? text : null;

    private Rgba? StyleColor(StyleDefinition style, ChartDefinition chart) =>
        (StyleString(style, "Color", chart) ?? StyleString(style, "BackgroundColor", chart)) is { } text ? ColorParser.Parse(text) : null;
}
