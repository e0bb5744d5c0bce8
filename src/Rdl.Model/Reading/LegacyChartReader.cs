using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads the RDL 2003/2005 &lt;Chart&gt;: Type/Subtype for the whole chart, CategoryGroupings and SeriesGroupings
/// (each CategoryGrouping/SeriesGrouping one level: DynamicCategories/DynamicSeries with a Grouping, Sorting and Label,
/// or StaticCategories/StaticSeries with StaticMembers), ChartData/ChartSeries (one per static series leaf) with
/// DataPoints (one per static category leaf) of DataValues (Y; X then Y for scatter), Legend, Title, CategoryAxis,
/// ValueAxis, PlotArea and Palette.
/// </summary>
internal sealed class LegacyChartReader(ReadContext context, ChartParts parts)
{
    public ChartDefinition Read(XElement element, string name)
    {
        var owner = $"Chart '{name}'";
        var common = new ItemCommon();
        var builder = new ChartBuilder(name);
        string? type = null, subtype = null;
        XElement? data = null;
        foreach (var child in context.Children(element))
        {
            if (parts.Items.TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case "Type": type = ReadContext.Text(child); break;
                case "Subtype": subtype = ReadContext.Text(child); break;
                case "CategoryGroupings": builder.Categories = ReadGroupings(child, owner, "Category", builder); break;
                case "SeriesGroupings": builder.SeriesMembers = ReadGroupings(child, owner, "Series", builder); break;
                case "ChartData": data = child; break;
                case "Legend": builder.Legend = ReadLegend(child, owner + ".Legend"); break;
                case "Title":
                    if (parts.ReadTitle(child, owner + ".Title") is { } title) builder.Titles.Add(title);
                    break;
                case "CategoryAxis": builder.CategoryAxis = ReadAxis(child, owner + ".CategoryAxis"); break;
                case "ValueAxis": builder.ValueAxis = ReadAxis(child, owner + ".ValueAxis"); break;
                case "PlotArea":
                    var plotStyle = context.Children(child).FirstOrDefault(e => e.Name.LocalName == "Style");
                    if (plotStyle is not null) builder.PlotStyle = parts.Styles.Read(plotStyle, owner + ".PlotArea");
                    break;
                case "Palette": builder.Palette = ReadContext.Text(child) ?? "Default"; break;
                case "DataSetName": builder.DataSetName = ReadContext.Text(child); break;
                case "Filters": builder.Filters = parts.Data.ReadFilters(child, owner); break;
                case "NoRows": builder.NoDataMessage = context.Expression(child, owner + ".NoRows"); break;
                case "PageBreakAtStart":
                case "PageBreakAtEnd":
                    break;
                default: parts.Skip(child, owner); break;
            }
        }
        var (seriesType, seriesSubtype) = parts.SeriesType(type, subtype, element, owner);
        if (data is not null) ReadData(data, owner, seriesType, seriesSubtype, builder);
        return builder.Build(common, context.LocationOf(element));
    }

    private ImmutableArray<TablixMember> ReadGroupings(XElement element, string owner, string kind, ChartBuilder builder)
    {
        var levels = context.Children(element).Where(e => e.Name.LocalName == kind + "Grouping").ToList();
        foreach (var other in context.Children(element).Where(e => e.Name.LocalName != kind + "Grouping")) parts.Skip(other, owner);
        return Level(levels, 0, $"{owner}.{kind}Groupings", kind, builder);
    }

    /// <summary>The members of grouping level <paramref name="index"/>, each with the members of the next level as children.</summary>
    private ImmutableArray<TablixMember> Level(List<XElement> levels, int index, string where, string kind, ChartBuilder builder)
    {
        if (index >= levels.Count) return [];
        var children = Level(levels, index + 1, where, kind, builder);
        var list = ImmutableArray.CreateBuilder<TablixMember>();
        foreach (var part in context.Children(levels[index]))
        {
            var site = $"{where}[{index}]";
            switch (part.Name.LocalName)
            {
                case "DynamicCategories" or "DynamicSeries":
                    GroupDefinition? group = null;
                    var sorts = ImmutableArray<SortExpression>.Empty;
                    ExpressionText? label = null;
                    foreach (var child in context.Children(part))
                    {
                        switch (child.Name.LocalName)
                        {
                            case "Grouping": group = parts.Groups.ReadGrouping(child, $"{builder.Name}_{kind}Group{index + 1}"); break;
                            case "Sorting": sorts = parts.Groups.ReadSorting(child, site); break;
                            case "Label": label = context.Expression(child, site + ".Label"); break;
                            default: parts.Skip(child, site); break;
                        }
                    }
                    list.Add(ChartParts.Member(group, sorts, children, label, builder.NextLabelName(), context.LocationOf(part)));
                    break;
                case "StaticCategories" or "StaticSeries":
                    foreach (var member in context.Children(part))
                    {
                        var labelElement = context.Children(member).FirstOrDefault(e => e.Name.LocalName == "Label");
                        var staticLabel = labelElement is null ? null : context.Expression(labelElement, $"{site}.StaticMember[{list.Count}].Label");
                        list.Add(ChartParts.Member(null, [], children, staticLabel, builder.NextLabelName(), context.LocationOf(member)));
                    }
                    break;
                default: parts.Skip(part, site); break;
            }
        }
        return list.ToImmutable();
    }

    private void ReadData(XElement data, string owner, ChartSeriesType type, ChartSubtype subtype, ChartBuilder builder)
    {
        foreach (var series in context.Children(data))
        {
            if (series.Name.LocalName != "ChartSeries")
            {
                parts.Skip(series, owner + ".ChartData");
                continue;
            }
            var where = $"{owner}.ChartSeries[{builder.Series.Count}]";
            var points = ImmutableArray.CreateBuilder<ChartDataPointDefinition>();
            foreach (var child in context.Children(series))
            {
                if (child.Name.LocalName != "DataPoints")
                {
                    parts.Skip(child, where);
                    continue;
                }
                foreach (var point in context.Children(child))
                {
                    if (point.Name.LocalName == "DataPoint") points.Add(ReadPoint(point, $"{where}.DataPoints[{points.Count}]", type));
                    else parts.Skip(point, where);
                }
            }
            builder.Series.Add(new ChartSeriesDefinition($"Series{builder.Series.Count + 1}", type, subtype, points.ToImmutable(), StyleDefinition.Empty));
        }
    }

    private ChartDataPointDefinition ReadPoint(XElement element, string where, ChartSeriesType type)
    {
        var values = new List<ExpressionText>();
        var style = StyleDefinition.Empty;
        ChartDataLabelDefinition? label = null;
        ChartMarkerDefinition? marker = null;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "DataValues":
                    foreach (var value in context.Children(child).Where(e => e.Name.LocalName == "DataValue"))
                    {
                        var expression = context.Children(value).FirstOrDefault(e => e.Name.LocalName == "Value");
                        if (expression is not null) values.Add(context.Expression(expression, $"{where}.DataValues[{values.Count}]"));
                    }
                    break;
                case "DataLabel": label = parts.ReadDataLabel(child, where); break;
                case "Marker": marker = parts.Markers.Read(child, where); break;
                case "Style": style = parts.Styles.Read(child, where); break;
                default: parts.Skip(child, where); break;
            }
        }
        if (type == ChartSeriesType.Scatter && values.Count >= 2) return new ChartDataPointDefinition(values[1], values[0], style) { Label = label, Marker = marker };
        return new ChartDataPointDefinition(values.Count > 0 ? values[0] : null, null, style) { Label = label, Marker = marker };
    }

    private ChartLegendDefinition ReadLegend(XElement element, string where)
    {
        bool visible = false;
        string position = "RightCenter";
        var style = StyleDefinition.Empty;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "Visible": visible = ChartParts.IsTrue(child); break;
                case "Position": position = ReadContext.Text(child) ?? position; break;
                case "Style": style = parts.Styles.Read(child, where); break;
                default: parts.Skip(child, where); break;
            }
        }
        return new ChartLegendDefinition(!visible, position, style);
    }

    private ChartAxisDefinition ReadAxis(XElement element, string where)
    {
        var axis = ChartAxisDefinition.Default;
        var inner = context.Children(element).FirstOrDefault(e => e.Name.LocalName == "Axis");
        if (inner is null) return axis;
        foreach (var child in context.Children(inner))
        {
            switch (child.Name.LocalName)
            {
                case "Visible": axis = axis with { Visible = ChartParts.IsTrue(child) }; break;
                case "Style": axis = axis with { Style = parts.Styles.Read(child, where) }; break;
                case "Title":
                    if (parts.ReadTitle(child, where + ".Title") is { } title) axis = axis with { Title = title.Caption, TitleStyle = title.Style };
                    break;
                case "MajorGridLines":
                    var show = context.Children(child).FirstOrDefault(e => e.Name.LocalName == "ShowGridLines");
                    axis = axis with { MajorGridLines = show is not null && ChartParts.IsTrue(show) };
                    break;
                case "Min": axis = axis with { Minimum = ChartParts.Number(child) }; break;
                case "Max": axis = axis with { Maximum = ChartParts.Number(child) }; break;
                default: parts.Skip(child, where); break;
            }
        }
        return axis;
    }
}
