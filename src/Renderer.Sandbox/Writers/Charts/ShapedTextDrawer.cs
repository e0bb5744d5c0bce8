using Renderer.Sandbox.Layout.Text;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Charts;

/// <summary>
/// Draws shaped runs as positioned glyphs, each with its text and clusters so a PDF keeps the characters behind
/// contextual forms and ligatures (Skia writes ActualText spans where the font's cmap cannot tell them). The PDF writer
/// passes its subset fonts; the chart rasterizer the full faces.
/// </summary>
internal static class ShapedTextDrawer
{
    public static void Draw(SKCanvas canvas, ShapedLine line, float x, float baseline, SKPaint paint, Func<SKTypeface, SKFont> fontFor)
    {
        foreach (var run in line.Runs)
        {
            if (run.Glyphs.Length == 0) continue;
            var font = fontFor(run.Typeface);
            var utf8 = System.Text.Encoding.UTF8.GetBytes(run.Text);
            using var builder = new SKTextBlobBuilder();
            var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, utf8.Length, null);
            buffer.SetGlyphs(run.Glyphs);
            buffer.SetPositions(run.Positions);
            buffer.SetText(utf8);
            buffer.SetClusters(run.Clusters);
            using var blob = builder.Build();
            if (blob is not null) canvas.DrawText(blob, x, baseline, paint);
        }
    }
}
