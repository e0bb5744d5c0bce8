using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Charts;

/// <summary>Renders a <see cref="ChartItem"/> to PNG bytes (at <c>scale</c> pixels per point, 2 by default) for XLSX and DOCX.</summary>
internal static class ChartRasterizer
{
    /// <summary>Largest raster side, in pixels.</summary>
    public const int MaxSide = 4000;

    public static byte[]? ToPng(ChartItem chart, double scale = 2, SkiaFontCache? fonts = null)
    {
        var cache = fonts ?? SkiaFontCache.Shared;
        var width = (int)Math.Ceiling(chart.Bounds.Width * scale);
        var height = (int)Math.Ceiling(chart.Bounds.Height * scale);
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide) return null;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (surface is null) return null;
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale((float)scale);
        ChartPainter.Draw(canvas, chart with { Bounds = chart.Bounds with { X = 0, Y = 0 } }, cache.Get, new RasterChartText(cache));
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data?.ToArray();
    }
}
