using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Pdf;
using SkiaSharp;

namespace Renderer.Sandbox.Writers;

/// <summary>
/// An <see cref="ImageItem"/> made ready for an Office picture (DOCX, XLSX), placed and sized as the PDF draws it
/// (<see cref="PdfImagePainter.Target"/>): PNG, JPEG, GIF and BMP pass through; WebP is re-encoded as PNG; a clipped image
/// larger than its box is cut to the part the PDF shows. <see cref="Target"/> is in page points.
/// </summary>
internal sealed record OfficeImage(byte[] Data, string Extension, Bounds Target)
{
    private const double PointsPerPixel = 72.0 / 96.0;

    /// <summary>The picture for <paramref name="item"/>; null when its data cannot be decoded (the PDF draws nothing either).</summary>
    public static OfficeImage? From(ImageItem item)
    {
        if (item.Data.Length == 0) return null;
        try
        {
            using var encoded = SKData.CreateCopy(item.Data);
            using var codec = SKCodec.Create(encoded);
            if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0 || (long)codec.Info.Width * codec.Info.Height > ImageItem.MaxPixels) return null;
            var natural = (Width: codec.Info.Width * PointsPerPixel, Height: codec.Info.Height * PointsPerPixel);
            var target = PdfImagePainter.Target(item.Sizing, item.Bounds, natural);
            if (target.Width <= 0 || target.Height <= 0) return null;
            var extension = codec.EncodedFormat switch
            {
                SKEncodedImageFormat.Png => "png",
                SKEncodedImageFormat.Jpeg => "jpeg",
                SKEncodedImageFormat.Gif => "gif",
                SKEncodedImageFormat.Bmp => "bmp",
                _ => null,
            };
            var clipped = item.Sizing == ImageSizing.Clip && (target.Width > item.Bounds.Width + 0.01 || target.Height > item.Bounds.Height + 0.01);
            if (extension is not null && !clipped) return new OfficeImage(item.Data, extension, target);

            using var bitmap = SKBitmap.Decode(codec);
            if (bitmap is null) return null;
            if (clipped)
            {
                var width = (int)Math.Max(1, Math.Min(bitmap.Width, Math.Round(item.Bounds.Width / PointsPerPixel)));
                var height = (int)Math.Max(1, Math.Min(bitmap.Height, Math.Round(item.Bounds.Height / PointsPerPixel)));
                using var cut = new SKBitmap(width, height);
                if (!bitmap.ExtractSubset(cut, new SKRectI(0, 0, width, height))) return null;
                return new OfficeImage(Png(cut), "png", new Bounds(item.Bounds.X, item.Bounds.Y, width * PointsPerPixel, height * PointsPerPixel));
            }

            return new OfficeImage(Png(bitmap), "png", target);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The MIME type of <see cref="Extension"/>.</summary>
    public string ContentType => "image/" + Extension;

    private static byte[] Png(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
