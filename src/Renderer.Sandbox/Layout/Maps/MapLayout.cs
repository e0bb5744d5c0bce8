using System.Collections.Immutable;
using Renderer.Sandbox.Layout.Charts;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Maps;

namespace Renderer.Sandbox.Layout.Maps;

/// <summary>
/// Lays a processed map out as vector shapes (a <see cref="ChartItem"/>, so PDF draws vectors and XLSX and DOCX a
/// picture, as for charts and gauges). Titles, legends, the color scale and the distance scale docked outside the
/// viewport take a strip of the map on their side (Top..., Bottom..., Left..., Right...); the others sit over the
/// viewport at their position. The viewport shows the layers in order (polygons with their holes, lines, point markers,
/// polygon center points, then labels), clipped to it, with meridians and parallels when they are shown (over the
/// layers unless GridUnderContent).
/// </summary>
internal static class MapLayout
{
    public static void Emit(MapInstance map, Bounds bounds, PageRegion region, List<PageItem> sink, ITextMeasurer? measurer = null)
    {
        if (bounds.Width <= 0 || bounds.Height <= 0) return;
        sink.Add(new ChartItem(bounds, region, map.Map.Name, Build(map, bounds.Width, bounds.Height, measurer ?? SkiaTextMeasurer.Shared)));
    }

    public static ImmutableArray<ChartShape> Build(MapInstance map, double width, double height, ITextMeasurer measurer)
    {
        var canvas = new ChartCanvas(measurer);
        if (!map.Box.Background.IsTransparent || map.Box.Top.IsVisible) canvas.Rect(0, 0, width, height, map.Box.Background, map.Box.Top);
        var decorations = new MapDecorations(canvas);
        var pieces = new List<MapPiece>();
        pieces.AddRange(map.Titles.Select(t => decorations.Title(t, width - 8)));
        pieces.AddRange(map.Legends.Select(decorations.Legend));
        if (map.ColorScale is { } scale) pieces.Add(decorations.ColorScale(scale));
        var remaining = new Bounds(4, 4, Math.Max(1, width - 8), Math.Max(1, height - 8));
        var placed = new List<(MapPiece Piece, Bounds At)>();
        foreach (var piece in pieces.Where(p => p.Outside))
        {
            var (at, rest) = Dock(remaining, piece);
            placed.Add((piece, at));
            remaining = rest;
        }
        var margin = Math.Min(map.Map.Viewport.Margin, Math.Min(remaining.Width, remaining.Height) / 4);
        var viewport = new Bounds(remaining.X + margin, remaining.Y + margin, Math.Max(1, remaining.Width - 2 * margin), Math.Max(1, remaining.Height - 2 * margin));
        canvas.Rect(viewport.X, viewport.Y, viewport.Width, viewport.Height, map.ViewportBox.Background, map.ViewportBox.Top);

        var projection = new MapProjection(map.Map.Viewport, map.Layers.SelectMany(l => l.Elements).SelectMany(e => e.Geometry.AllPoints()), viewport);
        canvas.Add(new ChartClip(viewport));
        var under = map.Map.Viewport.GridUnderContent;
        if (under) Grid(canvas, map, projection);
        foreach (var layer in map.Layers) MapElementPainter.Draw(canvas, layer, projection);
        if (!under) Grid(canvas, map, projection);
        foreach (var layer in map.Layers) MapElementPainter.Labels(canvas, layer, projection);
        canvas.Add(new ChartClip(null));

        if (map.DistanceScale is { } distance && projection.KilometersPerPoint() is { } kilometers) pieces.Add(decorations.DistanceScale(distance, kilometers));
        foreach (var piece in pieces.Where(p => !p.Outside)) placed.Add((piece, Inside(viewport, piece)));
        foreach (var (piece, at) in placed) piece.Draw(at);
        return canvas.Shapes;
    }

    private static void Grid(ChartCanvas canvas, MapInstance map, MapProjection projection)
    {
        if (!map.GridLine.IsVisible) return;
        foreach (var line in projection.Graticule()) canvas.Add(new ChartPolyline(line.Points, map.GridLine));
    }

    /// <summary>The side a position docks to and where along it: Top/Bottom/Left/Right, then Left/Top (0), Center (0.5) or Right/Bottom (1).</summary>
    private static (string Side, double Along) Side(string position)
    {
        foreach (var side in new[] { "Top", "Bottom", "Left", "Right" })
        {
            if (!position.StartsWith(side, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = position[side.Length..];
            var along = rest.Equals("Center", StringComparison.OrdinalIgnoreCase) ? 0.5 : rest is "Right" or "Bottom" ? 1 : 0;
            return (side, along);
        }
        return ("Top", 0.5);
    }

    private static (Bounds At, Bounds Remaining) Dock(Bounds area, MapPiece piece)
    {
        var (side, along) = Side(piece.Position);
        var w = Math.Min(piece.Width, area.Width);
        var h = Math.Min(piece.Height, area.Height);
        return side switch
        {
            "Bottom" => (new Bounds(area.X + (area.Width - w) * along, area.Bottom - h, w, h), area with { Height = Math.Max(1, area.Height - h - 2) }),
            "Left" => (new Bounds(area.X, area.Y + (area.Height - h) * along, w, h), new Bounds(area.X + w + 2, area.Y, Math.Max(1, area.Width - w - 2), area.Height)),
            "Right" => (new Bounds(area.Right - w, area.Y + (area.Height - h) * along, w, h), area with { Width = Math.Max(1, area.Width - w - 2) }),
            _ => (new Bounds(area.X + (area.Width - w) * along, area.Y, w, h), new Bounds(area.X, area.Y + h + 2, area.Width, Math.Max(1, area.Height - h - 2))),
        };
    }

    private static Bounds Inside(Bounds viewport, MapPiece piece)
    {
        var (side, along) = Side(piece.Position);
        var w = Math.Min(piece.Width, viewport.Width - 4);
        var h = Math.Min(piece.Height, viewport.Height - 4);
        double x, y;
        switch (side)
        {
            case "Left" or "Right":
                x = side == "Left" ? viewport.X + 2 : viewport.Right - w - 2;
                y = viewport.Y + 2 + (viewport.Height - 4 - h) * along;
                break;
            default:
                x = viewport.X + 2 + (viewport.Width - 4 - w) * along;
                y = side == "Top" ? viewport.Y + 2 : viewport.Bottom - h - 2;
                break;
        }
        return new Bounds(x, y, Math.Max(0, w), Math.Max(0, h));
    }
}

/// <summary>A title, legend or scale: its size, where it docks, and how it draws itself into the rectangle it gets.</summary>
internal sealed record MapPiece(string Position, bool Outside, double Width, double Height, Action<Bounds> Draw);
