using System.Collections.Immutable;
using Rdl.Model.Definitions.Maps;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing.Maps;

/// <summary>A processed map: its box, viewport look, layers with their styled elements, legends, color scale and titles, ready for <c>MapLayout</c>.</summary>
internal sealed record MapInstance(MapDefinition Map, BoxStyle Box, BoxStyle ViewportBox, ImmutableArray<MapLayerData> Layers) : ItemInstance(Map)
{
    public override ItemPaging? Paging { get; init; }

    public ImmutableArray<MapLegendData> Legends { get; init; } = [];

    public ImmutableArray<MapTitleData> Titles { get; init; } = [];

    public MapColorScaleData? ColorScale { get; init; }

    public MapDistanceScaleData? DistanceScale { get; init; }

    public BorderSide GridLine { get; init; } = BorderSide.None;

    public TextStyle GridLabel { get; init; } = TextStyle.Default;
}

/// <summary>A layer's elements, in paint order.</summary>
internal sealed record MapLayerData(MapLayerDefinition Definition, ImmutableArray<MapElementData> Elements);

/// <summary>
/// One spatial element as it is drawn: its geometry, fill (polygons and markers), stroke (outlines and lines), marker
/// shape and size (points), label, and for polygons the center point marker (null: none).
/// </summary>
internal sealed record MapElementData(SpatialGeometry Geometry, Rgba Fill, BorderSide Stroke)
{
    public ChartMarkerShape Marker { get; init; } = ChartMarkerShape.Circle;

    public double MarkerSize { get; init; } = 6;

    public string? Label { get; init; }

    public bool LabelAlways { get; init; }

    public TextStyle LabelStyle { get; init; } = TextStyle.Default;

    public MapElementData? CenterPoint { get; init; }
}

/// <summary>A legend and its entries.</summary>
internal sealed record MapLegendData(MapLegendDefinition Definition, string? Title, TextStyle TitleStyle, TextStyle TextStyle, BoxStyle Box, ImmutableArray<MapLegendEntry> Entries);

/// <summary>A legend entry: its text and swatch (a color box, a marker of a size and shape, or a line of a width).</summary>
internal sealed record MapLegendEntry(string Text, MapRuleKind Kind, Rgba Color, double Size, ChartMarkerShape Marker);

internal sealed record MapTitleData(MapTitleDefinition Definition, string Text, TextStyle Style);

/// <summary>The color scale: one color per bucket and the bucket boundaries (one more than the colors), formatted.</summary>
internal sealed record MapColorScaleData(MapColorScaleDefinition Definition, string? Title, TextStyle TextStyle, BoxStyle Box, ImmutableArray<Rgba> Colors, ImmutableArray<string> Labels);

internal sealed record MapDistanceScaleData(MapDistanceScaleDefinition Definition, TextStyle TextStyle, BoxStyle Box);
