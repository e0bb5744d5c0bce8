using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Charts;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>Chart labels that need shaping (RTL, CJK, fallback fonts) are shaped and drawn with the document's font subsets, like body text.</summary>
internal sealed class PdfChartText(PdfFontSubsets subsets) : IChartTextShaper
{
    public ShapedLine? Shape(string text, TextStyle style)
    {
        subsets.Get(style, out var face);
        return subsets.Shaper.Fallback.IsSimple(text, face) ? null : subsets.Shape(text, style);
    }

    public void Draw(SKCanvas canvas, ShapedLine line, float x, float baseline, TextStyle style, SKPaint paint) =>
        PdfDocumentWriter.DrawShaped(canvas, line, x, baseline, style, paint, subsets);
}
