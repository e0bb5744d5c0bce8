using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Maps;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads one map layer: MapPolygonLayer, MapLineLayer, MapPointLayer (their embedded elements, spatial data set or
/// spatial data region, binding field pairs, templates and rules) and MapTileLayer (its TileStyle, to be warned about).
/// </summary>
internal sealed class MapLayerReader(ReadContext context, StyleReader styles)
{
    public MapLayerDefinition Read(XElement element, string owner)
    {
        var kind = element.Name.LocalName switch
        {
            "MapPolygonLayer" => MapLayerKind.Polygon,
            "MapLineLayer" => MapLayerKind.Line,
            "MapPointLayer" => MapLayerKind.Point,
            _ => MapLayerKind.Tile,
        };
        var name = element.Attribute(RdlElementNames.NameAttribute)?.Value ?? element.Name.LocalName;
        var where = $"{owner}.{element.Name.LocalName} '{name}'";
        var layer = new MapLayerDefinition(name, kind, context.LocationOf(element));
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "VisibilityMode": layer = layer with { Hidden = child.Value.Trim().Equals("Hidden", StringComparison.OrdinalIgnoreCase) }; break;
                case "Transparency": layer = layer with { Transparency = Math.Clamp(MapReader.Number(child, 0), 0, 100) }; break;
                case "MapDataRegionName": layer = layer with { DataRegionName = ReadContext.Text(child) }; break;
                case "MapBindingFieldPairs": layer = layer with { Bindings = ReadBindings(child, where) }; break;
                case "MapPolygons" or "MapLines" or "MapPoints": layer = layer with { Elements = ReadElements(child, where) }; break;
                case "MapSpatialDataSet": layer = layer with { SpatialDataSet = ReadSpatialDataSet(child) }; break;
                case "MapSpatialDataRegion":
                    if (Child(child, "VectorData") is { } vector) layer = layer with { SpatialVectorData = context.Expression(vector, where + ".MapSpatialDataRegion.VectorData") };
                    break;
                case "MapShapefile": layer = layer with { Shapefile = Child(child, "Source")?.Value.Trim() ?? string.Empty }; break;
                case "MapPolygonTemplate" or "MapLineTemplate" or "MapPointTemplate": layer = layer with { Template = ReadTemplate(child, where + "." + child.Name.LocalName) }; break;
                case "MapMarkerTemplate": layer = layer with { CenterPointTemplate = ReadTemplate(child, where + ".MapMarkerTemplate") }; break;
                case "MapPolygonRules" or "MapLineRules" or "MapPointRules": layer = layer with { Rules = ReadRules(child, where + "." + child.Name.LocalName) }; break;
                case "MapCenterPointRules": layer = layer with { CenterPointRules = ReadRules(child, where + ".MapCenterPointRules") }; break;
                case "TileStyle": layer = layer with { TileStyle = ReadContext.Text(child) }; break;
            }
        }
        return layer;
    }

    private XElement? Child(XElement parent, string name) => context.Children(parent).FirstOrDefault(e => e.Name.LocalName == name);

    private ImmutableArray<MapBindingDefinition> ReadBindings(XElement element, string where)
    {
        var list = ImmutableArray.CreateBuilder<MapBindingDefinition>();
        foreach (var pair in context.Children(element).Where(e => e.Name.LocalName == "MapBindingFieldPair"))
        {
            var field = Child(pair, "FieldName") is { } f ? ReadContext.Text(f) : null;
            if (field is null || Child(pair, "BindingExpression") is not { } binding) continue;
            list.Add(new MapBindingDefinition(field, context.Expression(binding, $"{where}.MapBindingFieldPair '{field}'")));
        }
        return list.ToImmutable();
    }

    private ImmutableArray<MapSpatialElementDefinition> ReadElements(XElement element, string where)
    {
        var list = ImmutableArray.CreateBuilder<MapSpatialElementDefinition>();
        foreach (var spatial in context.Children(element))
        {
            var vector = Child(spatial, "VectorData")?.Value.Trim() ?? string.Empty;
            var fields = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            if (Child(spatial, "MapFields") is { } mapFields)
            {
                foreach (var field in context.Children(mapFields).Where(e => e.Name.LocalName == "MapField"))
                {
                    if (field.Attribute(RdlElementNames.NameAttribute)?.Value is { } fieldName) fields[fieldName] = Child(field, "Value")?.Value ?? string.Empty;
                }
            }
            list.Add(new MapSpatialElementDefinition(vector, fields.ToImmutable(), context.LocationOf(spatial)));
        }
        return list.ToImmutable();
    }

    private MapSpatialDataSetDefinition? ReadSpatialDataSet(XElement element)
    {
        var dataSet = Child(element, "DataSetName") is { } d ? ReadContext.Text(d) : null;
        var field = Child(element, "SpatialField") is { } s ? ReadContext.Text(s) : null;
        if (dataSet is null || field is null) return null;
        var names = Child(element, "MapFieldNames") is { } n
            ? context.Children(n).Select(ReadContext.Text).OfType<string>().ToImmutableArray()
            : [];
        return new MapSpatialDataSetDefinition(dataSet, field, names);
    }

    private MapTemplateDefinition ReadTemplate(XElement element, string where)
    {
        var style = Child(element, "Style") is { } s ? styles.Read(s, where) : StyleDefinition.Empty;
        var template = new MapTemplateDefinition(style)
        {
            Hidden = MapReader.Flag(Child(element, "Hidden"), false),
            ShowLabel = Child(element, "ShowLabel")?.Value.Trim() ?? "Auto",
        };
        if (Child(element, "Label") is { } label && label.Value.Trim().Length > 0) template = template with { Label = context.Expression(label, where + ".Label") };
        var size = Child(element, "Size") ?? Child(element, "Width");
        if (size is not null && ReportSize.TryParse(size.Value, out var points)) template = template with { Size = points.Points };
        if (Child(element, "MapMarker") is { } marker && Child(marker, "MapMarkerStyle") is { } markerStyle)
            template = template with { MarkerStyle = ReadContext.Text(markerStyle) };
        return template;
    }

    private ImmutableArray<MapRuleDefinition> ReadRules(XElement element, string where)
    {
        var list = ImmutableArray.CreateBuilder<MapRuleDefinition>();
        foreach (var rule in context.Children(element))
        {
            var ruleWhere = $"{where}.{rule.Name.LocalName}";
            var kind = rule.Name.LocalName switch
            {
                "MapSizeRule" => MapRuleKind.Size,
                "MapWidthRule" => MapRuleKind.Width,
                "MapMarkerRule" => MapRuleKind.Marker,
                _ => MapRuleKind.Color,
            };
            var value = Child(rule, "DataValue") is { } dv && dv.Value.Trim().Length > 0 ? context.Expression(dv, ruleWhere + ".DataValue") : null;
            var definition = new MapRuleDefinition(kind, value, context.LocationOf(rule))
            {
                ColorMode = rule.Name.LocalName switch
                {
                    "MapColorPaletteRule" => "Palette",
                    "MapCustomColorRule" => "Custom",
                    _ => "Range",
                },
            };
            foreach (var child in context.Children(rule))
            {
                definition = child.Name.LocalName switch
                {
                    "DistributionType" => definition with { DistributionType = child.Value.Trim() },
                    "BucketCount" => definition with { BucketCount = (int)Math.Clamp(MapReader.Number(child, 5), 1, 100) },
                    "StartValue" when child.Value.Trim().Length > 0 => definition with { StartValue = context.Expression(child, ruleWhere + ".StartValue") },
                    "EndValue" when child.Value.Trim().Length > 0 => definition with { EndValue = context.Expression(child, ruleWhere + ".EndValue") },
                    "MapBuckets" => definition with { Buckets = ReadBuckets(child, ruleWhere) },
                    "LegendName" => definition with { LegendName = ReadContext.Text(child) },
                    "LegendText" => definition with { LegendText = child.Value.Trim() },
                    "ShowInColorScale" => definition with { ShowInColorScale = MapReader.Flag(child, false) },
                    "Palette" => definition with { Palette = child.Value.Trim() },
                    "StartColor" => definition with { StartColor = context.Expression(child, ruleWhere + ".StartColor") },
                    "MiddleColor" => definition with { MiddleColor = context.Expression(child, ruleWhere + ".MiddleColor") },
                    "EndColor" => definition with { EndColor = context.Expression(child, ruleWhere + ".EndColor") },
                    "MapCustomColors" => definition with
                    {
                        Colors = [.. context.Children(child).Select((c, i) => context.Expression(c, $"{ruleWhere}.MapCustomColor[{i}]"))],
                    },
                    "StartSize" or "StartWidth" when ReportSize.TryParse(child.Value, out var start) => definition with { Start = start.Points },
                    "EndSize" or "EndWidth" when ReportSize.TryParse(child.Value, out var end) => definition with { End = end.Points },
                    "MapMarkers" => definition with
                    {
                        Markers = [.. context.Children(child).Select(m => Child(m, "MapMarkerStyle") is { } s ? s.Value.Trim() : "None")],
                    },
                    _ => definition,
                };
            }
            list.Add(definition);
        }
        return list.ToImmutable();
    }

    private ImmutableArray<(ExpressionText? Start, ExpressionText? End)> ReadBuckets(XElement element, string where)
    {
        var list = ImmutableArray.CreateBuilder<(ExpressionText?, ExpressionText?)>();
        foreach (var bucket in context.Children(element))
        {
            var start = Child(bucket, "StartValue") is { } s && s.Value.Trim().Length > 0 ? context.Expression(s, $"{where}.MapBucket[{list.Count}].StartValue") : null;
            var end = Child(bucket, "EndValue") is { } e && e.Value.Trim().Length > 0 ? context.Expression(e, $"{where}.MapBucket[{list.Count}].EndValue") : null;
            list.Add((start, end));
        }
        return list.ToImmutable();
    }
}
