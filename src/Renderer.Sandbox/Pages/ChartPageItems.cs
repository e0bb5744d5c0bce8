using System.Collections.Immutable;

namespace Renderer.Sandbox.Pages;

/// <summary>
/// A chart drawn as vector shapes. Shape coordinates are in points relative to the top-left corner of
/// <see cref="PageItem.Bounds"/>, in paint order. PDF draws them as vectors; XLSX and DOCX write a native Office chart
/// from <see cref="Native"/> when it is set, else place a raster of the shapes.
/// </summary>
public sealed record ChartItem(Bounds Bounds, PageRegion Region, string Name, ImmutableArray<ChartShape> Shapes) : PageItem(Bounds, Region)
{
    /// <summary>The chart's data for a native Office chart; null for gauges, maps and charts Office cannot draw alike.</summary>
    public NativeChart? Native { get; init; }
}

/// <summary>A point of a chart shape, in points relative to the chart's top-left corner.</summary>
public readonly record struct ChartPoint(double X, double Y);

/// <summary>One vector primitive of a chart.</summary>
public abstract record ChartShape;

/// <summary>A rectangle filled with <paramref name="Fill"/> (transparent: none) and outlined with <paramref name="Stroke"/>.</summary>
public sealed record ChartRect(Bounds Rect, Rgba Fill, BorderSide Stroke) : ChartShape;

/// <summary>An open polyline (axis, grid line, line series).</summary>
public sealed record ChartPolyline(ImmutableArray<ChartPoint> Points, BorderSide Stroke) : ChartShape;

/// <summary>A closed, filled polygon (area series, map polygons); <see cref="Holes"/> are rings cut out of it (even-odd fill).</summary>
public sealed record ChartPolygon(ImmutableArray<ChartPoint> Points, Rgba Fill, BorderSide Stroke) : ChartShape
{
    public ImmutableArray<ImmutableArray<ChartPoint>> Holes { get; init; } = [];
}

/// <summary>Clips the shapes that follow to <paramref name="Rect"/> (a map's viewport) until a clip with a null rectangle ends it.</summary>
public sealed record ChartClip(Bounds? Rect) : ChartShape;

/// <summary>
/// A pie or doughnut wedge (a full circle when the sweep is 360): angles in degrees, clockwise from three o'clock
/// (y grows downwards); <paramref name="InnerRadius"/> is 0 for a pie.
/// </summary>
public sealed record ChartWedge(double CenterX, double CenterY, double Radius, double InnerRadius, double StartAngle, double SweepAngle, Rgba Fill, BorderSide Stroke) : ChartShape;

/// <summary>The shape of a chart marker.</summary>
public enum ChartMarkerShape
{
    Circle,
    Square,
    Diamond,
    Triangle,
    Cross,
    Star4,
    Star5,
    Star6,
    Star10,
}

/// <summary>
/// A marker centered on a data point (<paramref name="Center"/>): <paramref name="Size"/> is its width and height in
/// points, filled with <paramref name="Fill"/> and outlined with <paramref name="Stroke"/>.
/// </summary>
public sealed record ChartMarker(ChartPoint Center, ChartMarkerShape Shape, double Size, Rgba Fill, BorderSide Stroke) : ChartShape;

/// <summary>Where a chart text's anchor point sits on the text: its start, middle or end.</summary>
public enum ChartTextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>
/// A single line of text: (<paramref name="X"/>, <paramref name="Baseline"/>) is the anchor on the baseline;
/// <paramref name="Rotation"/> in degrees (clockwise; -90 reads bottom to top) turns the text around the anchor.
/// </summary>
public sealed record ChartText(double X, double Baseline, string Text, TextStyle Style, ChartTextAnchor Anchor, double Rotation = 0) : ChartShape
{
    /// <summary>Width of the text as measured by layout, in points.</summary>
    public double Width { get; init; }
}
