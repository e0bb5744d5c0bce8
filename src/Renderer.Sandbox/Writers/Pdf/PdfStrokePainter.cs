using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>
/// Draws box backgrounds, per-side borders and straight lines on a Skia canvas. Strokes are centred on the geometric
/// edge; Dashed and Dotted use dash path effects, Double draws two strokes a third of the width each.
/// One instance per page render (it reuses its paints); not thread-safe.
/// </summary>
internal sealed class PdfStrokePainter : IDisposable
{
    private readonly SKPaint fill = new() { Style = SKPaintStyle.Fill, IsAntialias = true };
    private readonly SKPaint stroke = new() { Style = SKPaintStyle.Stroke, IsAntialias = true };

    public static SKColor ToColor(Rgba color) => new(color.R, color.G, color.B, color.A);

    public void FillRect(SKCanvas canvas, Bounds bounds, Rgba color)
    {
        if (color.IsTransparent || bounds.Width <= 0 || bounds.Height <= 0)
        {
            return;
        }

        fill.Color = ToColor(color);
        canvas.DrawRect(ToRect(bounds), fill);
    }

    /// <summary>Background, then the four sides of <paramref name="box"/> around <paramref name="bounds"/>.</summary>
    public void DrawBox(SKCanvas canvas, Bounds bounds, BoxStyle box)
    {
        FillRect(canvas, bounds, box.Background);
        float left = (float)bounds.X, top = (float)bounds.Y, right = (float)bounds.Right, bottom = (float)bounds.Bottom;
        DrawStroke(canvas, left, top, right, top, box.Top, corners: true);
        DrawStroke(canvas, right, top, right, bottom, box.Right, corners: true);
        DrawStroke(canvas, left, bottom, right, bottom, box.Bottom, corners: true);
        DrawStroke(canvas, left, top, left, bottom, box.Left, corners: true);
    }

    /// <summary>A line from (X, Y) to (Right, Bottom) of <paramref name="bounds"/>.</summary>
    public void DrawLine(SKCanvas canvas, Bounds bounds, BorderSide side) =>
        DrawStroke(canvas, (float)bounds.X, (float)bounds.Y, (float)bounds.Right, (float)bounds.Bottom, side, corners: false);

    public void Dispose()
    {
        fill.Dispose();
        stroke.Dispose();
    }

    private static SKRect ToRect(Bounds b) => new((float)b.X, (float)b.Y, (float)b.Right, (float)b.Bottom);

    /// <param name="corners">Extend solid strokes by half their width so adjacent box sides meet at the corners.</param>
    private void DrawStroke(SKCanvas canvas, float x1, float y1, float x2, float y2, BorderSide side, bool corners)
    {
        if (!side.IsVisible)
        {
            return;
        }

        var width = (float)side.Width;
        stroke.Color = ToColor(side.Color);
        if (side.Style == BorderStyle.Double)
        {
            var length = MathF.Sqrt(((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1)));
            if (length <= 0)
            {
                return;
            }

            // Two strokes of width/3 whose outer edges sit on the outer edges of the full-width stroke.
            var offset = width / 3f;
            var nx = -(y2 - y1) / length * offset;
            var ny = (x2 - x1) / length * offset;
            Stroke(canvas, x1 + nx, y1 + ny, x2 + nx, y2 + ny, offset, SKStrokeCap.Square, null, corners);
            Stroke(canvas, x1 - nx, y1 - ny, x2 - nx, y2 - ny, offset, SKStrokeCap.Square, null, corners);
            return;
        }

        using var effect = side.Style switch
        {
            BorderStyle.Dashed => SKPathEffect.CreateDash([Math.Max(3 * width, 2f), Math.Max(2 * width, 1.5f)], 0),
            BorderStyle.Dotted => SKPathEffect.CreateDash([Math.Max(width, 0.5f), Math.Max(width, 0.5f)], 0),
            _ => null,
        };
        Stroke(canvas, x1, y1, x2, y2, width, effect is null ? SKStrokeCap.Square : SKStrokeCap.Butt, effect, corners);
    }

    private void Stroke(SKCanvas canvas, float x1, float y1, float x2, float y2, float width, SKStrokeCap cap, SKPathEffect? effect, bool corners)
    {
        stroke.StrokeWidth = width;
        stroke.StrokeCap = corners || effect is not null ? cap : SKStrokeCap.Butt;
        stroke.PathEffect = effect;
        canvas.DrawLine(x1, y1, x2, y2, stroke);
        stroke.PathEffect = null;
    }
}
