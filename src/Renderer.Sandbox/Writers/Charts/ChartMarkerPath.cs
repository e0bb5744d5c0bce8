using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Charts;

/// <summary>
/// The outline of a <see cref="ChartMarker"/> as a closed path within its Size x Size box: circle, square, diamond,
/// upward triangle, diagonal cross (a plus turned 45 degrees, arms a quarter of the size wide, as SSRS draws it) and
/// stars with 4, 5, 6 or 10 points, the first point straight up.
/// </summary>
internal static class ChartMarkerPath
{
    public static SKPath Create(ChartMarker marker)
    {
        var cx = (float)marker.Center.X;
        var cy = (float)marker.Center.Y;
        var r = (float)(marker.Size / 2);
        using var path = new SKPathBuilder();
        switch (marker.Shape)
        {
            case ChartMarkerShape.Square:
                path.AddRect(new SKRect(cx - r, cy - r, cx + r, cy + r));
                break;
            case ChartMarkerShape.Diamond:
                Polygon(path, [new(cx, cy - r), new(cx + r, cy), new(cx, cy + r), new(cx - r, cy)]);
                break;
            case ChartMarkerShape.Triangle:
                Polygon(path, [new(cx, cy - r), new(cx + r, cy + r), new(cx - r, cy + r)]);
                break;
            case ChartMarkerShape.Cross:
                Polygon(path, Cross(cx, cy, r));
                break;
            case ChartMarkerShape.Star4:
                Polygon(path, Star(cx, cy, r, 4, 0.4f));
                break;
            case ChartMarkerShape.Star5:
                Polygon(path, Star(cx, cy, r, 5, 0.38f));
                break;
            case ChartMarkerShape.Star6:
                Polygon(path, Star(cx, cy, r, 6, 0.5f));
                break;
            case ChartMarkerShape.Star10:
                Polygon(path, Star(cx, cy, r, 10, 0.6f));
                break;
            default:
                path.AddOval(new SKRect(cx - r, cy - r, cx + r, cy + r));
                break;
        }
        return path.Detach();
    }

    private static void Polygon(SKPathBuilder path, SKPoint[] points)
    {
        path.MoveTo(points[0]);
        for (int i = 1; i < points.Length; i++) path.LineTo(points[i]);
        path.Close();
    }

    /// <summary>A plus of arm half-width r/4, turned 45 degrees, its arm ends touching the box's edges.</summary>
    private static SKPoint[] Cross(float cx, float cy, float r)
    {
        var w = r / 4;
        var c = MathF.Sqrt(0.5f);
        var a = r / c - w;
        SKPoint[] plus =
        [
            new(-w, -a), new(w, -a), new(w, -w), new(a, -w), new(a, w), new(w, w),
            new(w, a), new(-w, a), new(-w, w), new(-a, w), new(-a, -w), new(-w, -w),
        ];
        return [.. plus.Select(p => new SKPoint(cx + (p.X - p.Y) * c, cy + (p.X + p.Y) * c))];
    }

    private static SKPoint[] Star(float cx, float cy, float r, int points, float innerRatio)
    {
        var result = new SKPoint[points * 2];
        for (int i = 0; i < result.Length; i++)
        {
            var radius = i % 2 == 0 ? r : r * innerRatio;
            var angle = -MathF.PI / 2 + i * MathF.PI / points;
            result[i] = new SKPoint(cx + radius * MathF.Cos(angle), cy + radius * MathF.Sin(angle));
        }
        return result;
    }
}
