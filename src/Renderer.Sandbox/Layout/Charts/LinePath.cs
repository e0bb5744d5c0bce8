using System.Collections.Immutable;
using Rdl.Model.Definitions.Charts;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// The drawn path of a line (or an area's top edge) through its points, in category order: straight segments for Plain;
/// for Smooth a Catmull-Rom spline through every point (sampled into short segments, so every writer draws it as a
/// polyline), its tension 0.5 as the chart control's default; for Stepped a horizontal run to the next point's category
/// and then a vertical step (vertical runs first on bar-oriented charts).
/// </summary>
internal static class LinePath
{
    private const int SamplesPerSegment = 12;

    public static ImmutableArray<ChartPoint> Shape(ImmutableArray<ChartPoint> points, ChartSubtype subtype, bool horizontal)
    {
        if (points.Length < 2) return points;
        return subtype switch
        {
            ChartSubtype.Smooth => Smooth(points),
            ChartSubtype.Stepped => Stepped(points, horizontal),
            _ => points,
        };
    }

    private static ImmutableArray<ChartPoint> Stepped(ImmutableArray<ChartPoint> points, bool horizontal)
    {
        var path = ImmutableArray.CreateBuilder<ChartPoint>(points.Length * 2 - 1);
        path.Add(points[0]);
        for (int i = 1; i < points.Length; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            path.Add(horizontal ? new ChartPoint(a.X, b.Y) : new ChartPoint(b.X, a.Y));
            path.Add(b);
        }
        return path.MoveToImmutable();
    }

    private static ImmutableArray<ChartPoint> Smooth(ImmutableArray<ChartPoint> points)
    {
        var path = ImmutableArray.CreateBuilder<ChartPoint>((points.Length - 1) * SamplesPerSegment + 1);
        path.Add(points[0]);
        for (int i = 0; i < points.Length - 1; i++)
        {
            var p0 = points[Math.Max(0, i - 1)];
            var p1 = points[i];
            var p2 = points[i + 1];
            var p3 = points[Math.Min(points.Length - 1, i + 2)];
            // Bezier control points of the Catmull-Rom segment p1..p2 (tension 0.5 gives the 1/6 factor).
            var c1 = new ChartPoint(p1.X + (p2.X - p0.X) / 6, p1.Y + (p2.Y - p0.Y) / 6);
            var c2 = new ChartPoint(p2.X - (p3.X - p1.X) / 6, p2.Y - (p3.Y - p1.Y) / 6);
            for (int k = 1; k <= SamplesPerSegment; k++)
            {
                var t = (double)k / SamplesPerSegment;
                var u = 1 - t;
                var x = u * u * u * p1.X + 3 * u * u * t * c1.X + 3 * u * t * t * c2.X + t * t * t * p2.X;
                var y = u * u * u * p1.Y + 3 * u * u * t * c1.Y + 3 * u * t * t * c2.Y + t * t * t * p2.Y;
                path.Add(new ChartPoint(x, y));
            }
        }
        return path.MoveToImmutable();
    }
}
