using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using Rdl.Model.Definitions.Maps;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads a &lt;Map&gt;: MapViewport, MapDataRegions (each a tablix over its dataset whose row hierarchy is the MapMember
/// hierarchy), MapLayers (through <see cref="MapLayerReader"/>), MapLegends, MapTitles, MapColorScale and
/// MapDistanceScale. Decoration the drawing does not use (border skin, shadows, gradients, tooltips, actions) is skipped
/// without warnings, as for gauges.
/// </summary>
internal sealed class MapReader(ReadContext context, ItemReader items, StyleReader styles, DataReader data)
{
    private readonly MapLayerReader _layers = new(context, styles);

    public MapDefinition Read(XElement element)
    {
        var name = context.RequiredName(element, "Map", "Map");
        var owner = $"Map '{name}'";
        var common = new ItemCommon();
        var viewport = MapViewportDefinition.Default;
        var regions = new List<(string Name, string? DataSet, ImmutableArray<FilterDefinition> Filters, ImmutableArray<TablixMember> Members, XElement At)>();
        var layers = ImmutableArray.CreateBuilder<MapLayerDefinition>();
        var legends = ImmutableArray.CreateBuilder<MapLegendDefinition>();
        var titles = ImmutableArray.CreateBuilder<MapTitleDefinition>();
        MapColorScaleDefinition? colorScale = null;
        MapDistanceScaleDefinition? distanceScale = null;
        foreach (var child in context.Children(element))
        {
            if (items.TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case "MapViewport": viewport = ReadViewport(child, owner); break;
                case "MapDataRegions":
                    foreach (var region in All(child, "MapDataRegion")) regions.Add(ReadRegion(region, name, owner));
                    break;
                case "MapLayers":
                    foreach (var layer in context.Children(child)) layers.Add(_layers.Read(layer, owner));
                    break;
                case "MapLegends":
                    foreach (var legend in All(child, "MapLegend")) legends.Add(ReadLegend(legend, owner));
                    break;
                case "MapTitles":
                    foreach (var title in All(child, "MapTitle")) titles.Add(ReadTitle(title, owner));
                    break;
                case "MapColorScale": colorScale = ReadColorScale(child, owner); break;
                case "MapDistanceScale": distanceScale = ReadDistanceScale(child, owner); break;
            }
        }
        var location = context.LocationOf(element);
        var builtLayers = layers.ToImmutable();
        var dataRegions = regions.Select(r =>
        {
            var bound = builtLayers.Where(l => string.Equals(l.DataRegionName, r.Name, StringComparison.OrdinalIgnoreCase)).ToImmutableArray();
            var content = new MapRegionContent(r.Name + "_Data", context.LocationOf(r.At), bound);
            return new TablixDefinition(r.Name, common.Bounds, StyleDefinition.Empty, context.LocationOf(r.At), r.DataSet, [common.Width],
                [new TablixRow(common.Height, [new TablixCell(content)])], r.Members, [])
            {
                Filters = r.Filters,
            };
        }).ToImmutableArray();
        return new MapDefinition(name, common.Bounds, common.Style, location, viewport, builtLayers, dataRegions)
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
            Legends = legends.ToImmutable(),
            Titles = titles.ToImmutable(),
            ColorScale = colorScale,
            DistanceScale = distanceScale,
        };
    }

    private IEnumerable<XElement> All(XElement parent, string name) => context.Children(parent).Where(e => e.Name.LocalName == name);

    private XElement? Child(XElement parent, string name) => context.Children(parent).FirstOrDefault(e => e.Name.LocalName == name);

    internal static double Number(XElement? element, double fallback) =>
        element is not null && double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : fallback;

    internal static bool Flag(XElement? element, bool fallback) =>
        element is not null && bool.TryParse(element.Value.Trim(), out var value) ? value : fallback;

    private StyleDefinition Style(XElement parent, string where) => Child(parent, "Style") is { } style ? styles.Read(style, where) : StyleDefinition.Empty;

    private MapViewportDefinition ReadViewport(XElement element, string owner)
    {
        var where = owner + ".MapViewport";
        var system = Child(element, "MapCoordinateSystem")?.Value.Trim().Equals("Planar", StringComparison.OrdinalIgnoreCase) == true
            ? MapCoordinateSystem.Planar : MapCoordinateSystem.Geographic;
        var projection = Child(element, "MapProjection") is { } p && ReadContext.Text(p) is { } text ? text : "Mercator";
        var viewport = new MapViewportDefinition(system, projection, Style(element, where));
        if (Child(element, "MapCustomView") is { } view)
        {
            viewport = viewport with
            {
                CenterX = Number(Child(view, "CenterX"), 50),
                CenterY = Number(Child(view, "CenterY"), 50),
                Zoom = Number(Child(view, "Zoom"), 100),
            };
        }
        if (Child(element, "MapLimits") is { } limits)
        {
            viewport = viewport with
            {
                MinimumX = Number(Child(limits, "MinimumX"), double.NaN),
                MinimumY = Number(Child(limits, "MinimumY"), double.NaN),
                MaximumX = Number(Child(limits, "MaximumX"), double.NaN),
                MaximumY = Number(Child(limits, "MaximumY"), double.NaN),
            };
        }
        var margin = Child(element, "LeftMargin") is { } m && ReportSize.TryParse(m.Value, out var size) ? size.Points : 0;
        var meridians = Child(element, "MapMeridians");
        var parallels = Child(element, "MapParallels");
        return viewport with
        {
            Margin = margin,
            GridUnderContent = Flag(Child(element, "GridUnderContent"), false),
            MeridiansHidden = meridians is null || Flag(Child(meridians, "Hidden"), false),
            ParallelsHidden = parallels is null || Flag(Child(parallels, "Hidden"), false),
            GridStyle = meridians is not null ? Style(meridians, where + ".MapMeridians") : parallels is not null ? Style(parallels, where + ".MapParallels") : StyleDefinition.Empty,
        };
    }

    private (string, string?, ImmutableArray<FilterDefinition>, ImmutableArray<TablixMember>, XElement) ReadRegion(XElement element, string mapName, string owner)
    {
        var name = context.RequiredName(element, "MapDataRegion", mapName + "_DataRegion");
        var where = $"{owner}.MapDataRegion '{name}'";
        string? dataSet = null;
        var filters = ImmutableArray<FilterDefinition>.Empty;
        var members = ImmutableArray<TablixMember>.Empty;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "DataSetName": dataSet = ReadContext.Text(child); break;
                case "Filters": filters = data.ReadFilters(child, where); break;
                case "MapMember": members = [ReadMember(child, name)]; break;
            }
        }
        return (name, dataSet, filters, members, element);
    }

    private TablixMember ReadMember(XElement element, string regionName)
    {
        var groups = new LegacyGroupingReader(context, data);
        GroupDefinition? group = null;
        var children = ImmutableArray<TablixMember>.Empty;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "Group": group = groups.ReadGrouping(child, regionName + "_Group"); break;
                case "MapMember": children = [ReadMember(child, regionName)]; break;
            }
        }
        return new TablixMember(group, [], children, context.LocationOf(element));
    }

    private ExpressionText? Caption(XElement parent, string elementName, string where) =>
        Child(parent, elementName) is { } caption && caption.Value.Trim().Length > 0 ? context.Expression(caption, where) : null;

    private MapLegendDefinition ReadLegend(XElement element, string owner)
    {
        var name = element.Attribute(RdlElementNames.NameAttribute)?.Value ?? "Legend";
        var where = $"{owner}.MapLegend '{name}'";
        var title = Child(element, "MapLegendTitle");
        return new MapLegendDefinition(name, Child(element, "Position")?.Value.Trim() ?? "TopRight", Flag(Child(element, "DockOutsideViewport"), false),
            Flag(Child(element, "Hidden"), false), Style(element, where))
        {
            Title = title is null ? null : Caption(title, "Caption", where + ".MapLegendTitle"),
            TitleStyle = title is null ? StyleDefinition.Empty : Style(title, where + ".MapLegendTitle"),
        };
    }

    private MapTitleDefinition ReadTitle(XElement element, string owner)
    {
        var name = element.Attribute(RdlElementNames.NameAttribute)?.Value ?? "Title";
        var where = $"{owner}.MapTitle '{name}'";
        return new MapTitleDefinition(name, Caption(element, "Text", where + ".Text"), Child(element, "Position")?.Value.Trim() ?? "TopCenter",
            Flag(Child(element, "DockOutsideViewport"), false), Flag(Child(element, "Hidden"), false), Style(element, where));
    }

    private MapColorScaleDefinition ReadColorScale(XElement element, string owner)
    {
        var where = owner + ".MapColorScale";
        var title = Child(element, "MapColorScaleTitle");
        return new MapColorScaleDefinition(Child(element, "Position")?.Value.Trim() ?? "TopRight", Flag(Child(element, "DockOutsideViewport"), false),
            Flag(Child(element, "Hidden"), false), Style(element, where))
        {
            Title = title is null ? null : Caption(title, "Caption", where + ".MapColorScaleTitle"),
            LabelFormat = Child(element, "LabelFormat") is { } format ? ReadContext.Text(format) : null,
            NoDataText = Child(element, "NoDataText") is { } noData ? ReadContext.Text(noData) : null,
        };
    }

    private MapDistanceScaleDefinition ReadDistanceScale(XElement element, string owner) =>
        new(Child(element, "Position")?.Value.Trim() ?? "BottomRight", Flag(Child(element, "DockOutsideViewport"), false),
            Flag(Child(element, "Hidden"), false), Style(element, owner + ".MapDistanceScale"));
}
