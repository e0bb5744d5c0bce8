using SkiaSharp;

namespace Renderer.Host.Tests.Visual;

/// <summary>The outcome of comparing a rendered page image with its reference.</summary>
internal sealed record PngComparisonResult(bool SizesMatch, int Width, int Height, int DifferentPixels, int MaxChannelDifference)
{
    public int TotalPixels => Width * Height;

    public double DifferentFraction => TotalPixels == 0 ? 0 : (double)DifferentPixels / TotalPixels;
}

/// <summary>
/// Pixel-by-pixel comparison of two PNG images: a pixel differs when one of its channels (R, G, B, A) differs by more
/// than <see cref="ChannelTolerance"/>. Small anti-aliasing changes stay under it; a moved or missing glyph does not.
/// </summary>
internal static class PngComparison
{
    /// <summary>Channel difference (0..255) above which a pixel counts as different.</summary>
    public const int ChannelTolerance = 48;

    /// <summary>Share of differing pixels above which two page images are considered different.</summary>
    public const double MaxDifferentFraction = 0.005;

    public static PngComparisonResult Compare(SKBitmap actual, SKBitmap expected, string? diffPath = null)
    {
        if (actual.Width != expected.Width || actual.Height != expected.Height)
            return new PngComparisonResult(false, actual.Width, actual.Height, actual.Width * actual.Height, 255);

        var a = actual.Pixels;
        var e = expected.Pixels;
        int different = 0, max = 0;
        var diff = diffPath is null ? null : new SKColor[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            var d = MaxChannelDifference(a[i], e[i]);
            max = Math.Max(max, d);
            bool differs = d > ChannelTolerance;
            if (differs) different++;
            if (diff is not null) diff[i] = differs ? new SKColor(255, 0, 0) : Faded(e[i]);
        }
        if (diff is not null) Write(diff, actual.Width, actual.Height, diffPath!);
        return new PngComparisonResult(true, actual.Width, actual.Height, different, max);
    }

    public static SKBitmap Decode(string path) =>
        SKBitmap.Decode(path) ?? throw new InvalidDataException($"{path} is not a PNG image SkiaSharp can decode.");

    private static int MaxChannelDifference(SKColor x, SKColor y) =>
        Math.Max(Math.Max(Math.Abs(x.Red - y.Red), Math.Abs(x.Green - y.Green)), Math.Max(Math.Abs(x.Blue - y.Blue), Math.Abs(x.Alpha - y.Alpha)));

    /// <summary>The reference pixel, lightened, so the red differences stand out against the page they sit on.</summary>
    private static SKColor Faded(SKColor c)
    {
        var grey = (c.Red * 30 + c.Green * 59 + c.Blue * 11) / 100;
        var light = (byte)(255 - (255 - grey) / 3);
        return new SKColor(light, light, light);
    }

    private static void Write(SKColor[] pixels, int width, int height, string path)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque) { Pixels = pixels };
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
