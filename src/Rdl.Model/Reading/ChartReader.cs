using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads a &lt;Chart&gt;: the RDL 2008+ form (ChartCategoryHierarchy, ChartSeriesHierarchy, ChartData/ChartSeriesCollection,
/// ChartAreas, ChartLegends, ChartTitles) here and the RDL 2003/2005 form through <see cref="LegacyChartReader"/>.
/// Elements the model does not represent are skipped (<see cref="ChartIgnoredElements"/>); other unknown ones warn (RDL1100).
/// </summary>
internal sealed class ChartReader
{
    private readonly ReadContext _context;
    private readonly ChartParts _parts;
    private readonly LegacyChartReader _legacy;

    public ChartReader(ReadContext context, ItemReader items, StyleReader styles, DataReader data)
    {
        _context = context;
        _parts = new ChartParts(context, items, styles, data);
        _legacy = new LegacyChartReader(context, _parts);
    }

    public ChartDefinition Read(XElement element)
    {
        var name = _context.RequiredName(element, "Chart", "Chart");
        var modern = _context.Children(element).Any(c => c.Name.LocalName is "ChartSeriesHierarchy" or "ChartCategoryHierarchy" or "ChartAreas");
        return modern ? ReadModern(element, name) : _legacy.Read(element, name);
    }

    private ChartDefinition ReadModern(XElement element, string name)
    {
        var owner = $"Chart '{name}'";
        var common = new ItemCommon();
        var builder = new ChartBuilder(name);
        foreach (var child in _context.Children(element))
        {
            if (_parts.Items.TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case "ChartCategoryHierarchy": builder.Categories = ReadHierarchy(child, owner + ".ChartCategoryHierarchy", builder); break;
                case "ChartSeriesHierarchy": builder.SeriesMembers = ReadHierarchy(child, owner + ".ChartSeriesHierarchy", builder); break;
                case "ChartData": ReadChartData(child, owner, builder); break;
                case "ChartAreas": _parts.ReadAreas(child, owner, builder); break;
                case "ChartLegends": _parts.ReadLegends(child, owner, builder); break;
                case "ChartTitles": _parts.ReadTitles(child, owner, builder); break;
                case "Palette": builder.Palette = ReadContext.Text(child) ?? "Default"; break;
                case "ChartCustomPaletteColors": builder.CustomPalette = _parts.ReadCustomPalette(child, owner); break;
                case "ChartNoDataMessage": builder.NoDataMessage = _parts.ReadCaption(child, owner + ".ChartNoDataMessage"); break;
                case "DataSetName": builder.DataSetName = ReadContext.Text(child); break;
                case "Filters": builder.Filters = _parts.Data.ReadFilters(child, owner); break;
                case "SortExpressions": builder.Sorts = _parts.ReadSortExpressions(child, owner); break;
                case "PageBreak": builder.PageBreak = _parts.Items.ReadPageBreak(child, owner); break;
                default: _parts.Skip(child, owner); break;
            }
        }
        // An RDL 2008+ chart without a ChartLegend has no legend (sparklines and data bars rely on this).
        builder.Legend ??= ChartLegendDefinition.Default with { Hidden = true };
        return builder.Build(common, _context.LocationOf(element));
    }

    private ImmutableArray<TablixMember> ReadHierarchy(XElement hierarchy, string where, ChartBuilder builder)
    {
        var members = ImmutableArray<TablixMember>.Empty;
        foreach (var child in _context.Children(hierarchy))
        {
            if (child.Name.LocalName == "ChartMembers") members = ReadMembers(child, where, builder);
            else _parts.Skip(child, where);
        }
        return members;
    }

    private ImmutableArray<TablixMember> ReadMembers(XElement element, string where, ChartBuilder builder)
    {
        var list = ImmutableArray.CreateBuilder<TablixMember>();
        foreach (var child in _context.Children(element))
        {
            if (child.Name.LocalName == "ChartMember") list.Add(ReadMember(child, $"{where}.ChartMembers[{list.Count}]", builder));
            else _parts.Skip(child, where);
        }
        return list.ToImmutable();
    }

    private TablixMember ReadMember(XElement element, string where, ChartBuilder builder)
    {
        GroupDefinition? group = null;
        var sorts = ImmutableArray<SortExpression>.Empty;
        var children = ImmutableArray<TablixMember>.Empty;
        ExpressionText? label = null;
        foreach (var child in _context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "Group": group = _parts.Groups.ReadGrouping(child, builder.Name + "_Group"); break;
                case "SortExpressions": sorts = _parts.ReadSortExpressions(child, where); break;
                case "ChartMembers": children = ReadMembers(child, where, builder); break;
                case "Label": label = _context.Expression(child, where + ".Label"); break;
                default: _parts.Skip(child, where); break;
            }
        }
        return ChartParts.Member(group, sorts, children, label, builder.NextLabelName(), _context.LocationOf(element));
    }

    private void ReadChartData(XElement element, string owner, ChartBuilder builder)
    {
        foreach (var child in _context.Children(element))
        {
            if (child.Name.LocalName != "ChartSeriesCollection")
            {
                _parts.Skip(child, owner + ".ChartData");
                continue;
            }
            foreach (var series in _context.Children(child))
            {
                if (series.Name.LocalName == "ChartSeries") builder.Series.Add(ReadSeries(series, owner, builder.Series.Count));
                else _parts.Skip(series, owner + ".ChartSeriesCollection");
            }
        }
    }

    private ChartSeriesDefinition ReadSeries(XElement element, string owner, int index)
    {
        var name = element.Attribute(RdlElementNames.NameAttribute)?.Value.Trim() is { Length: > 0 } n ? n : $"Series{index + 1}";
        var where = $"{owner}.ChartSeries '{name}'";
        var points = ImmutableArray.CreateBuilder<ChartDataPointDefinition>();
        string? type = null, subtype = null;
        var style = StyleDefinition.Empty;
        var hidden = false;
        ChartDataLabelDefinition? seriesLabel = null;
        ChartMarkerDefinition? marker = null;
        ExpressionText? legendText = null;
        var hiddenInLegend = false;
        ChartCollectedSlices? collected = null;
        foreach (var child in _context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "LegendText": legendText = _context.Expression(child, where + ".LegendText"); break;
                case "HideInLegend": hiddenInLegend = ChartParts.IsTrue(child); break;
                case "ChartItemInLegend":
                    var (text, hide) = ReadItemInLegend(child, where);
                    legendText ??= text;
                    hiddenInLegend |= hide;
                    break;
                case "ChartDataPoints":
                    foreach (var point in _context.Children(child))
                    {
                        if (point.Name.LocalName == "ChartDataPoint") points.Add(ReadPoint(point, $"{where}.ChartDataPoints[{points.Count}]"));
                        else _parts.Skip(point, where);
                    }
                    break;
                case "Type": type = ReadContext.Text(child); break;
                case "Subtype": subtype = ReadContext.Text(child); break;
                case "Style": style = _parts.Styles.Read(child, where); break;
                case "Hidden": hidden = string.Equals(child.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase); break;
                case "ChartDataLabel": seriesLabel = _parts.ReadDataLabel(child, where); break;
                case "ChartMarker": marker = _parts.Markers.Read(child, where); break;
                case "CustomProperties": collected = ReadCollected(child, where); break;
                default: _parts.Skip(child, where); break;
            }
        }
        var (seriesType, seriesSubtype) = _parts.SeriesType(type, subtype, element, where);
        var list = points.ToImmutable();
        if (seriesLabel is not null) list = list.Select(p => p.Label is null ? p with { Label = seriesLabel } : p).ToImmutableArray();
        return new ChartSeriesDefinition(name, seriesType, seriesSubtype, list, style)
        {
            Hidden = hidden,
            Marker = marker,
            LegendText = legendText is { Raw.Length: > 0 } ? legendText : null,
            HiddenInLegend = hiddenInLegend,
            Collected = collected,
        };
    }

    /// <summary>ChartItemInLegend: its LegendText (null when empty) and Hidden.</summary>
    private (ExpressionText? Text, bool Hidden) ReadItemInLegend(XElement element, string where)
    {
        ExpressionText? text = null;
        var hidden = false;
        foreach (var child in _context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "LegendText": text = _context.Expression(child, where + ".ChartItemInLegend.LegendText"); break;
                case "Hidden": hidden = ChartParts.IsTrue(child); break;
                default: _parts.Skip(child, where + ".ChartItemInLegend"); break;
            }
        }
        return (text is { Raw.Length: > 0 } ? text : null, hidden);
    }

    /// <summary>
    /// The series' CustomProperties that collect small pie slices: CollectedStyle (SingleSlice or CollectedPie; None or
    /// absent collects nothing), CollectedThreshold, CollectedThresholdUsePercent, CollectedLabel, CollectedLegendText and
    /// CollectedColor. Other custom properties are ignored, as before; a threshold that is not a number is RDL1004.
    /// </summary>
    private ChartCollectedSlices? ReadCollected(XElement element, string where)
    {
        var values = new Dictionary<string, (string Value, XElement At)>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in _context.Children(element).Where(p => p.Name.LocalName == "CustomProperty"))
        {
            var name = _context.Children(property).FirstOrDefault(c => c.Name.LocalName == "Name")?.Value.Trim();
            var value = _context.Children(property).FirstOrDefault(c => c.Name.LocalName == "Value");
            if (name is { Length: > 0 } && value is not null) values[name] = (value.Value.Trim(), value);
        }
        if (!values.TryGetValue("CollectedStyle", out var style) || !(style.Value.Equals("SingleSlice", StringComparison.OrdinalIgnoreCase)
            || style.Value.Equals("CollectedPie", StringComparison.OrdinalIgnoreCase)))
            return null;
        var collected = ChartCollectedSlices.Default;
        if (values.TryGetValue("CollectedThreshold", out var threshold))
        {
            if (double.TryParse(threshold.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var t) && double.IsFinite(t) && t >= 0)
                collected = collected with { Threshold = t };
            else
                _context.Error(RdlDiagnosticCodes.InvalidValue, $"CollectedThreshold '{threshold.Value}' of {where} is not a number of at least 0.", threshold.At, where);
        }
        if (values.TryGetValue("CollectedThresholdUsePercent", out var percent))
            collected = collected with { ThresholdIsPercent = !percent.Value.Equals("false", StringComparison.OrdinalIgnoreCase) };
        if (values.TryGetValue("CollectedLabel", out var label) && label.Value.Length > 0) collected = collected with { Label = label.Value, LegendText = label.Value };
        if (values.TryGetValue("CollectedLegendText", out var legend) && legend.Value.Length > 0) collected = collected with { LegendText = legend.Value };
        if (values.TryGetValue("CollectedColor", out var color) && color.Value.Length > 0) collected = collected with { Color = color.Value };
        return collected;
    }

    private ChartDataPointDefinition ReadPoint(XElement element, string where)
    {
        ExpressionText? y = null, x = null;
        var style = StyleDefinition.Empty;
        ChartDataLabelDefinition? label = null;
        ChartMarkerDefinition? marker = null;
        ExpressionText? legendText = null, toolTip = null;
        foreach (var child in _context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "ChartItemInLegend": legendText = ReadItemInLegend(child, where).Text; break;
                case "ToolTip": toolTip = _context.Expression(child, where + ".ToolTip"); break;
                case "ChartDataPointValues":
                    foreach (var value in _context.Children(child))
                    {
                        switch (value.Name.LocalName)
                        {
                            case "Y": y = _context.Expression(value, where + ".Y"); break;
                            case "X": x = _context.Expression(value, where + ".X"); break;
                            default: _parts.Skip(value, where + ".ChartDataPointValues"); break;
                        }
                    }
                    break;
                case "ChartDataLabel": label = _parts.ReadDataLabel(child, where); break;
                case "ChartMarker": marker = _parts.Markers.Read(child, where); break;
                case "Style": style = _parts.Styles.Read(child, where); break;
                default: _parts.Skip(child, where); break;
            }
        }
        return new ChartDataPointDefinition(y, x, style) { Label = label, Marker = marker, LegendText = legendText, ToolTip = toolTip };
    }
}
