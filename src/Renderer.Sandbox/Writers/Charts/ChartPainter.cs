using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Charts;

/// <summary>
/// Draws the shapes of a <see cref="ChartItem"/> on a Skia canvas: as vectors on a PDF page, or onto a bitmap for
/// formats that place charts as pictures (<see cref="ChartRasterizer"/>). Text uses the font <c>fonts</c> gives for a
/// style (the PDF writer passes its subset fonts); text that needs shaping (right-to-left, CJK, glyphs the font lacks)
/// goes through <c>shaped</c> when the caller gives one, as body text does.
/// </summary>
internal static class ChartPainter
{
    public static void Draw(SKCanvas canvas, ChartItem chart, Func<TextStyle, SKFont> fonts, IChartTextShaper? shaped = null)
    {
        canvas.Save();
        var b = chart.Bounds;
        canvas.ClipRect(new SKRect((float)b.X, (float)b.Y, (float)b.Right, (float)b.Bottom));
        canvas.Translate((float)b.X, (float)b.Y);
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        var clipped = 0;
        foreach (var shape in chart.Shapes)
        {
            switch (shape)
            {
                case ChartRect r:
                    var rect = new SKRect((float)r.Rect.X, (float)r.Rect.Y, (float)r.Rect.Right, (float)r.Rect.Bottom);
                    if (Use(fill, r.Fill)) canvas.DrawRect(rect, fill);
                    if (Use(stroke, r.Stroke)) canvas.DrawRect(rect, stroke);
                    break;
                case ChartPolyline line when line.Points.Length > 1 && Use(stroke, line.Stroke):
                    using (var path = Path(line.Points, close: false)) canvas.DrawPath(path, stroke);
                    break;
                case ChartPolygon polygon when polygon.Points.Length > 2:
                    using (var path = Path(polygon.Points, close: true, polygon.Holes))
                    {
                        if (Use(fill, polygon.Fill)) canvas.DrawPath(path, fill);
                        if (Use(stroke, polygon.Stroke)) canvas.DrawPath(path, stroke);
                    }
                    break;
                case ChartWedge wedge:
                    using (var path = Wedge(wedge))
                    {
                        if (Use(fill, wedge.Fill)) canvas.DrawPath(path, fill);
                        if (Use(stroke, wedge.Stroke)) canvas.DrawPath(path, stroke);
                    }
                    break;
                case ChartMarker marker when marker.Size > 0:
                    using (var path = ChartMarkerPath.Create(marker))
                    {
                        if (Use(fill, marker.Fill)) canvas.DrawPath(path, fill);
                        if (Use(stroke, marker.Stroke)) canvas.DrawPath(path, stroke);
                    }
                    break;
                case ChartText text:
                    DrawText(canvas, text, fonts(text.Style), fill, shaped);
                    break;
                case ChartClip { Rect: { } clip }:
                    canvas.Save();
                    canvas.ClipRect(new SKRect((float)clip.X, (float)clip.Y, (float)clip.Right, (float)clip.Bottom));
                    clipped++;
                    break;
                case ChartClip when clipped > 0:
                    canvas.Restore();
                    clipped--;
                    break;
            }
        }
        for (; clipped > 0; clipped--) canvas.Restore();
        canvas.Restore();
    }

    private static bool Use(SKPaint paint, Rgba color)
    {
        if (color.IsTransparent) return false;
        paint.Color = new SKColor(color.R, color.G, color.B, color.A);
        return true;
    }

    private static bool Use(SKPaint paint, BorderSide side)
    {
        if (!side.IsVisible) return false;
        var width = (float)side.Width;
        paint.StrokeWidth = width;
        paint.PathEffect?.Dispose();
        paint.PathEffect = side.Style switch
        {
            BorderStyle.Dashed => SKPathEffect.CreateDash([Math.Max(3 * width, 2f), Math.Max(2 * width, 1.5f)], 0),
            BorderStyle.Dotted => SKPathEffect.CreateDash([Math.Max(width, 0.5f), Math.Max(width, 0.5f)], 0),
            _ => null,
        };
        return Use(paint, side.Color);
    }

    private static SKPath Path(System.Collections.Immutable.ImmutableArray<ChartPoint> points, bool close,
        System.Collections.Immutable.ImmutableArray<System.Collections.Immutable.ImmutableArray<ChartPoint>> holes = default)
    {
        using var path = new SKPathBuilder();
        Ring(path, points, close);
        if (!holes.IsDefaultOrEmpty)
        {
            foreach (var hole in holes.Where(h => h.Length > 2)) Ring(path, hole, close: true);
            path.FillType = SKPathFillType.EvenOdd;
        }
        return path.Detach();
    }

    private static void Ring(SKPathBuilder path, System.Collections.Immutable.ImmutableArray<ChartPoint> points, bool close)
    {
        path.MoveTo((float)points[0].X, (float)points[0].Y);
        for (int i = 1; i < points.Length; i++) path.LineTo((float)points[i].X, (float)points[i].Y);
        if (close) path.Close();
    }

    private static SKPath Wedge(ChartWedge w)
    {
        using var path = new SKPathBuilder();
        var outer = new SKRect((float)(w.CenterX - w.Radius), (float)(w.CenterY - w.Radius), (float)(w.CenterX + w.Radius), (float)(w.CenterY + w.Radius));
        var inner = new SKRect((float)(w.CenterX - w.InnerRadius), (float)(w.CenterY - w.InnerRadius), (float)(w.CenterX + w.InnerRadius), (float)(w.CenterY + w.InnerRadius));
        if (w.SweepAngle >= 359.99)
        {
            path.AddOval(outer);
            if (w.InnerRadius > 0)
            {
                path.AddOval(inner, SKPathDirection.CounterClockwise);
                path.FillType = SKPathFillType.EvenOdd;
            }
            return path.Detach();
        }
        if (w.InnerRadius > 0)
        {
            path.ArcTo(outer, (float)w.StartAngle, (float)w.SweepAngle, true);
            path.ArcTo(inner, (float)(w.StartAngle + w.SweepAngle), (float)-w.SweepAngle, false);
        }
        else
        {
            path.MoveTo((float)w.CenterX, (float)w.CenterY);
            path.ArcTo(outer, (float)w.StartAngle, (float)w.SweepAngle, false);
        }
        path.Close();
        return path.Detach();
    }

    private static void DrawText(SKCanvas canvas, ChartText text, SKFont font, SKPaint paint, IChartTextShaper? shaper)
    {
        if (text.Text.Length == 0 || !Use(paint, text.Style.Color)) return;
        var shaped = shaper?.Shape(text.Text, text.Style);
        var width = shaped?.Width ?? font.MeasureText(text.Text);
        var dx = text.Anchor switch
        {
            ChartTextAnchor.Middle => -width / 2,
            ChartTextAnchor.End => -width,
            _ => 0f,
        };
        canvas.Save();
        canvas.Translate((float)text.X, (float)text.Baseline);
        if (text.Rotation != 0) canvas.RotateDegrees((float)text.Rotation);
        if (shaped is not null) shaper!.Draw(canvas, shaped, dx, 0, text.Style, paint);
        else canvas.DrawText(text.Text, dx, 0, SKTextAlign.Left, font, paint);
        canvas.Restore();
    }
}

/// <summary>Shapes and draws chart text that the plain font path cannot (see <see cref="ChartPainter"/>).</summary>
internal interface IChartTextShaper
{
    /// <summary>The shaped line for <paramref name="text"/>, or null when the style's font draws it as is.</summary>
    Layout.Text.ShapedLine? Shape(string text, TextStyle style);

    void Draw(SKCanvas canvas, Layout.Text.ShapedLine line, float x, float baseline, TextStyle style, SKPaint paint);
}
