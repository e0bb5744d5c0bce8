using System.Collections.Immutable;

namespace Renderer.Sandbox.Processing.Maps;

/// <summary>A coordinate of a spatial element: x and y (longitude and latitude in degrees on a geographic map).</summary>
internal readonly record struct GeoPoint(double X, double Y);

/// <summary>A polygon: its outer ring first, then its holes.</summary>
internal sealed record GeoPolygon(ImmutableArray<ImmutableArray<GeoPoint>> Rings);

/// <summary>
/// The shapes of one spatial element as read from WKT or WKB (multi-geometries and collections flattened): polygons,
/// line strings and points.
/// </summary>
internal sealed record SpatialGeometry(ImmutableArray<GeoPolygon> Polygons, ImmutableArray<ImmutableArray<GeoPoint>> Lines, ImmutableArray<GeoPoint> Points)
{
    public static SpatialGeometry Empty { get; } = new([], [], []);

    public bool IsEmpty => Polygons.IsEmpty && Lines.IsEmpty && Points.IsEmpty;

    public IEnumerable<GeoPoint> AllPoints() =>
        Polygons.SelectMany(p => p.Rings).SelectMany(r => r).Concat(Lines.SelectMany(l => l)).Concat(Points);

    /// <summary>
    /// Where a polygon's center point and label go: the area-weighted centroid of its largest outer ring; for lines the
    /// middle vertex of the longest; for points the first.
    /// </summary>
    public GeoPoint? Center()
    {
        if (!Polygons.IsEmpty)
        {
            var ring = Polygons.Select(p => p.Rings[0]).MaxBy(r => Math.Abs(Area(r)))!;
            var area = Area(ring);
            if (Math.Abs(area) < 1e-12) return ring[0];
            double cx = 0, cy = 0;
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                var cross = ring[j].X * ring[i].Y - ring[i].X * ring[j].Y;
                cx += (ring[j].X + ring[i].X) * cross;
                cy += (ring[j].Y + ring[i].Y) * cross;
            }
            return new GeoPoint(cx / (6 * area), cy / (6 * area));
        }
        if (!Lines.IsEmpty)
        {
            var line = Lines.MaxBy(l => l.Length)!;
            return line[line.Length / 2];
        }
        return Points.IsEmpty ? null : Points[0];
    }

    private static double Area(ImmutableArray<GeoPoint> ring)
    {
        double sum = 0;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++) sum += ring[j].X * ring[i].Y - ring[i].X * ring[j].Y;
        return sum / 2;
    }
}

/// <summary>Collects the shapes of a geometry while it is parsed.</summary>
internal sealed class GeometryBuilder
{
    public List<GeoPolygon> Polygons { get; } = [];

    public List<ImmutableArray<GeoPoint>> Lines { get; } = [];

    public List<GeoPoint> Points { get; } = [];

    public SpatialGeometry Build() => new([.. Polygons], [.. Lines], [.. Points]);
}
