using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Charts;

/// <summary>Shapes chart labels for the PNG pictures of XLSX and DOCX with the full (not subset) faces.</summary>
internal sealed class RasterChartText(SkiaFontCache fonts) : IChartTextShaper
{
    private readonly TextShaper _shaper = TextShaper.For(fonts.Library);

    public ShapedLine? Shape(string text, TextStyle style) =>
        _shaper.Fallback.IsSimple(text, fonts.Get(style).Typeface) ? null : _shaper.Shape(text, style);

    public void Draw(SKCanvas canvas, ShapedLine line, float x, float baseline, TextStyle style, SKPaint paint) =>
        ShapedTextDrawer.Draw(canvas, line, x, baseline, paint, typeface => fonts.Get(typeface, fonts.Get(style).Size));
}
