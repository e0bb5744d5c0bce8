using System.Collections.Immutable;
using Rdl.Model.Definitions.Maps;
using Renderer.Sandbox.Layout.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Maps;

namespace Renderer.Sandbox.Layout.Maps;

/// <summary>
/// Draws a layer's elements in view coordinates: polygons (outer ring with holes), lines, point markers and polygon
/// center points. Vertices closer than a quarter point to the previous one are dropped, so detailed borders cost the
/// PDF no more than the page can show.
/// </summary>
internal static class MapElementPainter
{
    private const double MinStep = 0.25;

    public static void Draw(ChartCanvas canvas, MapLayerData layer, MapProjection projection)
    {
        var outline = new BorderSide(BorderStyle.Solid, new Rgba(0x60, 0x60, 0x60), 0.5);
        foreach (var element in layer.Elements)
        {
            var geometry = element.Geometry;
            if (!element.Fill.IsTransparent || element.Stroke.IsVisible)
            {
                foreach (var polygon in geometry.Polygons)
                {
                    var outer = Path(polygon.Rings[0], projection, closed: true);
                    if (outer.Length < 3) continue;
                    var holes = polygon.Rings.Skip(1).Select(r => Path(r, projection, closed: true)).Where(h => h.Length > 2).ToImmutableArray();
                    canvas.Add(new ChartPolygon(outer, element.Fill, element.Stroke) { Holes = holes });
                }
                foreach (var line in geometry.Lines)
                {
                    var points = Path(line, projection, closed: false);
                    if (points.Length > 1 && element.Stroke.IsVisible) canvas.Add(new ChartPolyline(points, element.Stroke));
                }
                if (layer.Definition.Kind == MapLayerKind.Point || geometry.Polygons.IsEmpty && geometry.Lines.IsEmpty)
                {
                    foreach (var point in geometry.Points)
                    {
                        if (Finite(projection.ToView(point)) is { } at)
                            canvas.Add(new ChartMarker(at, element.Marker, element.MarkerSize, element.Fill, element.Stroke.IsVisible ? element.Stroke : outline));
                    }
                }
            }
            if (element.CenterPoint is { } center && geometry.Center() is { } middle && Finite(projection.ToView(middle)) is { } centerAt)
                canvas.Add(new ChartMarker(centerAt, center.Marker, center.MarkerSize, center.Fill, center.Stroke.IsVisible ? center.Stroke : outline));
        }
    }

    /// <summary>
    /// Labels at each element's center: always when ShowLabel is True, else (Auto) when the text fits the polygon's width
    /// (lines and points: always).
    /// </summary>
    public static void Labels(ChartCanvas canvas, MapLayerData layer, MapProjection projection)
    {
        foreach (var element in layer.Elements)
        {
            if (string.IsNullOrEmpty(element.Label) || element.Geometry.Center() is not { } center || Finite(projection.ToView(center)) is not { } at) continue;
            var width = canvas.Width(element.Label, element.LabelStyle);
            if (!element.LabelAlways && !element.Geometry.Polygons.IsEmpty)
            {
                var xs = element.Geometry.Polygons.SelectMany(p => p.Rings[0]).Select(p => projection.ToView(p).X).ToArray();
                if (xs.Max() - xs.Min() < width) continue;
            }
            var top = layer.Definition.Kind == MapLayerKind.Point ? at.Y + element.MarkerSize / 2 + 1 : at.Y - canvas.LineHeight(element.LabelStyle) / 2;
            canvas.Text(element.Label, element.LabelStyle, at.X, top, ChartTextAnchor.Middle);
        }
    }

    /// <summary>The point when both coordinates are finite (a hostile or broken value may hold infinities); else null.</summary>
    private static ChartPoint? Finite(ChartPoint point) => double.IsFinite(point.X) && double.IsFinite(point.Y) ? point : null;

    private static ImmutableArray<ChartPoint> Path(ImmutableArray<GeoPoint> ring, MapProjection projection, bool closed)
    {
        var points = ImmutableArray.CreateBuilder<ChartPoint>(ring.Length);
        foreach (var geo in ring)
        {
            if (Finite(projection.ToView(geo)) is not { } p) continue;
            if (points.Count > 0 && Math.Abs(p.X - points[^1].X) < MinStep && Math.Abs(p.Y - points[^1].Y) < MinStep) continue;
            points.Add(p);
        }
        if (closed && points.Count > 1 && points[0] == points[^1]) points.RemoveAt(points.Count - 1);
        return points.ToImmutable();
    }
}
