using Rdl.Model.Definitions.Maps;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Maps;

namespace Renderer.Sandbox.Layout.Maps;

/// <summary>
/// Turns map coordinates into positions in the viewport. Geographic coordinates (longitude, latitude in degrees) are
/// projected first: Mercator (latitude limited to 85 degrees), Equirectangular, Hammer-Aitoff or Wagner III; other
/// projections are drawn as Equirectangular (the processor warns). Planar coordinates are used as they are. The view
/// then shows the data's extent (or MapLimits) around MapCustomView's center (percent of the extent from its left and
/// top) at its zoom (percent; 100 shows the whole extent), scaled alike in x and y.
/// </summary>
internal sealed class MapProjection
{
    private const double MaxLatitude = 85.0511;
    private readonly Func<GeoPoint, GeoPoint> _project;
    private readonly double _scale;
    private readonly double _centerX;
    private readonly double _centerY;
    private readonly Bounds _viewport;

    public MapProjection(MapViewportDefinition viewport, IEnumerable<GeoPoint> points, Bounds area)
    {
        _viewport = area;
        _project = Projector(viewport);
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        void Include(GeoPoint p)
        {
            var q = _project(p);
            if (!double.IsFinite(q.X) || !double.IsFinite(q.Y)) return;
            minX = Math.Min(minX, q.X);
            maxX = Math.Max(maxX, q.X);
            minY = Math.Min(minY, q.Y);
            maxY = Math.Max(maxY, q.Y);
        }
        if (double.IsFinite(viewport.MinimumX) && double.IsFinite(viewport.MinimumY) && double.IsFinite(viewport.MaximumX) && double.IsFinite(viewport.MaximumY))
        {
            Include(new GeoPoint(viewport.MinimumX, viewport.MinimumY));
            Include(new GeoPoint(viewport.MaximumX, viewport.MaximumY));
        }
        else
        {
            foreach (var p in points) Include(p);
        }
        if (minX > maxX)
        {
            (minX, maxX, minY, maxY) = (-1, 1, -1, 1);
        }
        var width = Math.Max(maxX - minX, 1e-9);
        var height = Math.Max(maxY - minY, 1e-9);
        var zoom = viewport.Zoom > 0 ? viewport.Zoom / 100 : 1;
        _centerX = minX + width * viewport.CenterX / 100;
        _centerY = maxY - height * viewport.CenterY / 100;
        _scale = Math.Min(area.Width / width, area.Height / height) * zoom;
        IsGeographic = viewport.CoordinateSystem == MapCoordinateSystem.Geographic;
        Mercator = viewport.Projection.Equals("Mercator", StringComparison.OrdinalIgnoreCase);
        MinX = minX;
        MaxX = maxX;
        MinY = minY;
        MaxY = maxY;
    }

    public bool IsGeographic { get; }

    private bool Mercator { get; }

    private double MinX { get; }

    private double MaxX { get; }

    private double MinY { get; }

    private double MaxY { get; }

    public ChartPoint ToView(GeoPoint point)
    {
        var p = _project(point);
        return new ChartPoint(_viewport.X + _viewport.Width / 2 + (p.X - _centerX) * _scale, _viewport.Y + _viewport.Height / 2 - (p.Y - _centerY) * _scale);
    }

    /// <summary>Kilometers per point across the middle of the viewport (geographic maps); null for planar maps.</summary>
    public double? KilometersPerPoint()
    {
        if (!IsGeographic || _scale <= 0) return null;
        // Projected units per point, then degrees of longitude along the center's parallel (Mercator and Equirectangular x is longitude in radians).
        var radiansPerPoint = 1 / _scale;
        var latitude = Mercator ? 2 * Math.Atan(Math.Exp(_centerY)) - Math.PI / 2 : _centerY;
        return 6371.0 * Math.Cos(latitude) * radiansPerPoint;
    }

    /// <summary>Meridians and parallels across the shown extent, about five of each, as (value, polyline) in view coordinates.</summary>
    public IEnumerable<GraticuleLine> Graticule()
    {
        if (!IsGeographic) yield break;
        var lon0 = Math.Max(-180, MinX * 180 / Math.PI - 1);
        var lon1 = Math.Min(180, MaxX * 180 / Math.PI + 1);
        var corners = new[] { Inverse(MinY), Inverse(MaxY) };
        var lat0 = Math.Max(-MaxLatitude, corners.Min() - 1);
        var lat1 = Math.Min(MaxLatitude, corners.Max() + 1);
        foreach (var (from, to, meridian) in new[] { (lon0, lon1, true), (lat0, lat1, false) })
        {
            var step = Step(to - from);
            for (var v = Math.Ceiling(from / step) * step; v <= to; v += step)
            {
                var points = Enumerable.Range(0, 33).Select(i =>
                {
                    var t = (meridian ? lat0 : lon0) + ((meridian ? lat1 : lon1) - (meridian ? lat0 : lon0)) * i / 32;
                    return ToView(meridian ? new GeoPoint(v, t) : new GeoPoint(t, v));
                }).ToArray();
                yield return new GraticuleLine(v, meridian, [.. points]);
            }
        }
    }

    private double Inverse(double y) => Mercator ? (2 * Math.Atan(Math.Exp(y)) - Math.PI / 2) * 180 / Math.PI : y * 180 / Math.PI;

    private static double Step(double span)
    {
        foreach (var step in new[] { 1.0, 2, 5, 10, 15, 20, 30, 45, 60 })
            if (span / step <= 6) return step;
        return 90;
    }

    private static Func<GeoPoint, GeoPoint> Projector(MapViewportDefinition viewport)
    {
        if (viewport.CoordinateSystem == MapCoordinateSystem.Planar) return p => p;
        const double rad = Math.PI / 180;
        return viewport.Projection.ToLowerInvariant() switch
        {
            "mercator" => p => new GeoPoint(p.X * rad, Math.Log(Math.Tan(Math.PI / 4 + Math.Clamp(p.Y, -MaxLatitude, MaxLatitude) * rad / 2))),
            "hammeraitoff" => p =>
            {
                var (l, f) = (p.X * rad, p.Y * rad);
                var d = Math.Sqrt(1 + Math.Cos(f) * Math.Cos(l / 2));
                return new GeoPoint(2 * Math.Sqrt(2) * Math.Cos(f) * Math.Sin(l / 2) / d, Math.Sqrt(2) * Math.Sin(f) / d);
            },
            "wagneriii" => p => new GeoPoint(p.X * rad * Math.Cos(2 * p.Y * rad / 3), p.Y * rad),
            _ => p => new GeoPoint(p.X * rad, p.Y * rad),
        };
    }
}

/// <summary>A meridian (longitude <see cref="Value"/>) or parallel (latitude) in view coordinates.</summary>
internal sealed record GraticuleLine(double Value, bool Meridian, System.Collections.Immutable.ImmutableArray<ChartPoint> Points);
