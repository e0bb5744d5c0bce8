using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>
/// Draws <see cref="ImageItem"/>s: Fit stretches to the bounds, FitProportional keeps the aspect ratio and centers,
/// Clip draws the natural size (pixels at 96 dpi) clipped to the bounds, AutoSize draws the natural size.
/// Data Skia cannot decode draws nothing.
/// </summary>
internal static class PdfImagePainter
{
    private const double PointsPerPixel = 72.0 / 96.0;

    /// <summary>Draws the image; false when its data could not be decoded (nothing drawn).</summary>
    public static bool Draw(SKCanvas canvas, ImageItem item)
    {
        using var image = Decode(item.Data);
        if (image is null || image.Width <= 0 || image.Height <= 0) return false;
        var bounds = item.Bounds;
        var natural = (Width: image.Width * PointsPerPixel, Height: image.Height * PointsPerPixel);
        var target = Target(item.Sizing, bounds, natural);
        if (target.Width <= 0 || target.Height <= 0) return true;

        canvas.Save();
        if (item.Sizing != ImageSizing.AutoSize)
            canvas.ClipRect(new SKRect((float)bounds.X, (float)bounds.Y, (float)bounds.Right, (float)bounds.Bottom));
        var dest = new SKRect((float)target.X, (float)target.Y, (float)target.Right, (float)target.Bottom);
        canvas.DrawImage(image, dest, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        canvas.Restore();
        return true;
    }

    /// <summary>Where the whole image goes (before clipping), in page points.</summary>
    public static Bounds Target(ImageSizing sizing, Bounds bounds, (double Width, double Height) natural)
    {
        switch (sizing)
        {
            case ImageSizing.Fit:
                return bounds;
            case ImageSizing.FitProportional:
                var scale = Math.Min(bounds.Width / natural.Width, bounds.Height / natural.Height);
                var w = natural.Width * scale;
                var h = natural.Height * scale;
                return new Bounds(bounds.X + (bounds.Width - w) / 2, bounds.Y + (bounds.Height - h) / 2, w, h);
            default:
                return new Bounds(bounds.X, bounds.Y, natural.Width, natural.Height);
        }
    }

    private static SKImage? Decode(byte[] data)
    {
        if (data.Length == 0) return null;
        try
        {
            using var encoded = SKData.CreateCopy(data);
            // The header must decode and the pixel count stay bounded (a tiny file can claim a huge bitmap).
            using (var codec = SKCodec.Create(encoded))
            {
                if (codec is null || (long)codec.Info.Width * codec.Info.Height > ImageItem.MaxPixels) return null;
            }
            // Lazy (encoded) image: Skia's PDF backend passes JPEG through and re-compresses the rest.
            return SKImage.FromEncodedData(encoded);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
