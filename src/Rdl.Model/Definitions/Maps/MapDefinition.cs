using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Maps;

/// <summary>
/// A &lt;Map&gt;: a viewport (coordinate system, projection, view), layers of spatial elements (polygons, lines, points;
/// tile layers are read to be warned about), legends, a color scale, a distance scale and titles.
/// <para>Each MapDataRegion is described as a tablix (<see cref="DataRegions"/>): its row hierarchy is the MapMember
/// hierarchy and its one body cell holds a <see cref="MapRegionContent"/> with the expressions of the layers bound to it
/// (binding expressions, rule data values, spatial data), so they are aggregates over each innermost group instance, as
/// a chart's data points are.</para>
/// </summary>
public sealed record MapDefinition(string Name, ItemBounds Bounds, StyleDefinition Style, SourceLocation Location, MapViewportDefinition Viewport,
    ImmutableArray<MapLayerDefinition> Layers, ImmutableArray<TablixDefinition> DataRegions) : ReportItem(Name, Bounds, Style, Location)
{
    public override string Kind => "Map";

    public ImmutableArray<MapLegendDefinition> Legends { get; init; } = [];

    public ImmutableArray<MapTitleDefinition> Titles { get; init; } = [];

    public MapColorScaleDefinition? ColorScale { get; init; }

    public MapDistanceScaleDefinition? DistanceScale { get; init; }

    /// <summary>Whether <paramref name="layer"/> names one of the map's data regions (its data expressions sit in that region's cell).</summary>
    public bool IsBound(MapLayerDefinition layer) =>
        layer.DataRegionName is { } name && DataRegions.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The data region a layer is bound to, or null.</summary>
    public TablixDefinition? RegionOf(MapLayerDefinition layer) =>
        layer.DataRegionName is { } name ? DataRegions.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) : null;
}

/// <summary>The expressions of the layers drawing their analytical data from one MapDataRegion (the body cell of its tablix).</summary>
public sealed record MapRegionContent(string Name, SourceLocation Location, ImmutableArray<MapLayerDefinition> Layers)
    : ReportItem(Name, default, StyleDefinition.Empty, Location)
{
    public override string Kind => "Map data";
}

/// <summary>Planar (x, y as they are) or Geographic (longitude, latitude in degrees, projected).</summary>
public enum MapCoordinateSystem
{
    Geographic,
    Planar,
}

/// <summary>
/// A MapViewport: how coordinates become positions. <see cref="CenterX"/>, <see cref="CenterY"/> and <see cref="Zoom"/>
/// are the MapCustomView's (percent of the data's extent; zoom 100 shows all of it); <see cref="Limits"/> are MapLimits
/// in the map's coordinates (NaN: from the data).
/// </summary>
public sealed record MapViewportDefinition(MapCoordinateSystem CoordinateSystem, string Projection, StyleDefinition Style)
{
    public static MapViewportDefinition Default { get; } = new(MapCoordinateSystem.Geographic, "Mercator", StyleDefinition.Empty);

    public double CenterX { get; init; } = 50;

    public double CenterY { get; init; } = 50;

    public double Zoom { get; init; } = 100;

    public double MinimumX { get; init; } = double.NaN;

    public double MinimumY { get; init; } = double.NaN;

    public double MaximumX { get; init; } = double.NaN;

    public double MaximumY { get; init; } = double.NaN;

    /// <summary>Margins inside the map around the viewport, in points.</summary>
    public double Margin { get; init; }

    public bool MeridiansHidden { get; init; } = true;

    public bool ParallelsHidden { get; init; } = true;

    public StyleDefinition GridStyle { get; init; } = StyleDefinition.Empty;

    /// <summary>GridUnderContent: meridians and parallels under the layers (false, the default: over them).</summary>
    public bool GridUnderContent { get; init; }
}

public enum MapLayerKind
{
    Polygon,
    Line,
    Point,
    Tile,
}

/// <summary>
/// A map layer. Its spatial elements come from the RDL (<see cref="Elements"/>, MapPolygons/MapLines/MapPoints with
/// VectorData as WKB in base64 or WKT), from a dataset's spatial field (<see cref="SpatialDataSet"/>), or from an
/// expression per group instance of its data region (<see cref="SpatialVectorData"/>). Analytical data comes from the
/// MapDataRegion named <see cref="DataRegionName"/>, matched to elements through <see cref="Bindings"/>.
/// </summary>
public sealed record MapLayerDefinition(string Name, MapLayerKind Kind, SourceLocation Location)
{
    public string? DataRegionName { get; init; }

    public bool Hidden { get; init; }

    /// <summary>Transparency in percent (0 opaque, 100 invisible).</summary>
    public double Transparency { get; init; }

    public ImmutableArray<MapSpatialElementDefinition> Elements { get; init; } = [];

    public MapSpatialDataSetDefinition? SpatialDataSet { get; init; }

    public ExpressionText? SpatialVectorData { get; init; }

    /// <summary>A MapShapefile source (a file the report server stores): not read.</summary>
    public string? Shapefile { get; init; }

    public ImmutableArray<MapBindingDefinition> Bindings { get; init; } = [];

    /// <summary>The MapPolygonTemplate, MapLineTemplate or MapPointTemplate.</summary>
    public MapTemplateDefinition Template { get; init; } = MapTemplateDefinition.Empty;

    /// <summary>A polygon layer's center point template (MapMarkerTemplate); null: no center points.</summary>
    public MapTemplateDefinition? CenterPointTemplate { get; init; }

    /// <summary>MapPolygonRules, MapLineRules or MapPointRules.</summary>
    public ImmutableArray<MapRuleDefinition> Rules { get; init; } = [];

    /// <summary>A polygon layer's MapCenterPointRules.</summary>
    public ImmutableArray<MapRuleDefinition> CenterPointRules { get; init; } = [];

    /// <summary>A tile layer's TileStyle (Road, Aerial, Hybrid).</summary>
    public string? TileStyle { get; init; }
}

/// <summary>An embedded spatial element: its VectorData text and its MapFields (name to value).</summary>
public sealed record MapSpatialElementDefinition(string VectorData, ImmutableDictionary<string, string> Fields, SourceLocation Location);

/// <summary>MapSpatialDataSet: the spatial field of a dataset's rows and the fields copied to each element.</summary>
public sealed record MapSpatialDataSetDefinition(string DataSetName, string SpatialField, ImmutableArray<string> FieldNames);

/// <summary>A MapBindingFieldPair: the spatial element's field <see cref="FieldName"/> equals <see cref="Binding"/> of a group instance.</summary>
public sealed record MapBindingDefinition(string FieldName, ExpressionText Binding);

/// <summary>A template: style (fill, border), hidden, and for points and center points the marker and its size; for lines the width.</summary>
public sealed record MapTemplateDefinition(StyleDefinition Style)
{
    public static MapTemplateDefinition Empty { get; } = new(StyleDefinition.Empty);

    public bool Hidden { get; init; }

    /// <summary>Marker size (points, center points) or line width, in points; null when not written.</summary>
    public double? Size { get; init; }

    public string? MarkerStyle { get; init; }

    public ExpressionText? Label { get; init; }

    /// <summary>ShowLabel: Auto, True or False.</summary>
    public string ShowLabel { get; init; } = "Auto";
}

public enum MapRuleKind
{
    Color,
    Size,
    Width,
    Marker,
}

/// <summary>
/// A map rule (MapColorRangeRule, MapColorPaletteRule, MapCustomColorRule, MapSizeRule, MapWidthRule, MapMarkerRule):
/// the value it is applied by (an expression of the data region, or "#FIELD" naming a spatial element's field), how the
/// values are split into buckets, and what each bucket gets.
/// </summary>
public sealed record MapRuleDefinition(MapRuleKind Kind, ExpressionText? DataValue, SourceLocation Location)
{
    /// <summary>Optimal, EqualInterval, EqualDistribution or Custom.</summary>
    public string DistributionType { get; init; } = "Optimal";

    public int BucketCount { get; init; } = 5;

    public ExpressionText? StartValue { get; init; }

    public ExpressionText? EndValue { get; init; }

    /// <summary>Custom buckets (MapBuckets), start and end values.</summary>
    public ImmutableArray<(ExpressionText? Start, ExpressionText? End)> Buckets { get; init; } = [];

    public string? LegendName { get; init; }

    public string? LegendText { get; init; }

    public bool ShowInColorScale { get; init; }

    /// <summary>Color rules: Range (start, middle, end colors), Palette or Custom.</summary>
    public string ColorMode { get; init; } = "Range";

    public string Palette { get; init; } = "Random";

    public ImmutableArray<ExpressionText> Colors { get; init; } = [];

    public ExpressionText? StartColor { get; init; }

    public ExpressionText? MiddleColor { get; init; }

    public ExpressionText? EndColor { get; init; }

    /// <summary>Size rules: StartSize and EndSize; width rules: StartWidth and EndWidth (points).</summary>
    public double Start { get; init; } = double.NaN;

    public double End { get; init; } = double.NaN;

    public ImmutableArray<string> Markers { get; init; } = [];
}

/// <summary>A MapLegend: where it sits (Position, docked outside the viewport or over it) and its title.</summary>
public sealed record MapLegendDefinition(string Name, string Position, bool DockOutsideViewport, bool Hidden, StyleDefinition Style)
{
    public ExpressionText? Title { get; init; }

    public StyleDefinition TitleStyle { get; init; } = StyleDefinition.Empty;
}

/// <summary>A MapTitle: its text, position and style.</summary>
public sealed record MapTitleDefinition(string Name, ExpressionText? Text, string Position, bool DockOutsideViewport, bool Hidden, StyleDefinition Style);

/// <summary>The MapColorScale: the color rules marked ShowInColorScale drawn as a bar of colors with values.</summary>
public sealed record MapColorScaleDefinition(string Position, bool DockOutsideViewport, bool Hidden, StyleDefinition Style)
{
    public ExpressionText? Title { get; init; }

    public string? LabelFormat { get; init; }

    public string? NoDataText { get; init; }
}

/// <summary>The MapDistanceScale: a bar in kilometers and miles (geographic maps).</summary>
public sealed record MapDistanceScaleDefinition(string Position, bool DockOutsideViewport, bool Hidden, StyleDefinition Style);
