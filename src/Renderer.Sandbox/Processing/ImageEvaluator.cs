using Rdl.Model.Definitions.Items;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Processing.Instances;
using SkiaSharp;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Finds the bytes of an Image item: Embedded by name from the report's EmbeddedImages, Database from its Value
/// (a byte[] field), External from the catalog images the host passed (<see cref="ExternalImageLibrary"/>). The sandbox
/// fetches nothing: a URL (http, file://...) or a path whose ../ leaves the root is refused with PRC4020, and a path the
/// host did not pass (absent, not an image, or not viewable by the caller) is PRC4024; nothing is drawn for either. A Value that throws is PRC4001; bytes that
/// do not decode as an image (or claim too many pixels) are PRC4023.
/// </summary>
internal sealed class ImageEvaluator(ItemEvaluator items, ProcessingContext context, DiagnosticBag diagnostics)
{
    public const string ExternalRefused = DiagnosticCodes.Processing.ExternalImageRefused;
    public const string ExternalMissing = DiagnosticCodes.Processing.ExternalImageMissing;
    public const string EmbeddedMissing = DiagnosticCodes.Processing.EmbeddedImageMissing;
    public const string NotBinary = DiagnosticCodes.Processing.ImageNotBinary;
    public const string Undecodable = DiagnosticCodes.Processing.ImageUndecodable;
    private const int MaxReportedWarnings = 50;
    private int _warnings;

    public ImageInstance Evaluate(ImageItem image)
    {
        var value = items.TryEvaluate(image.Value, image, out var failed);
        if (failed) return new ImageInstance(image, null);
        var data = image.Source switch
        {
            ImageSource.Embedded => Embedded(image, value),
            ImageSource.Database => Database(image, value),
            _ => External(image, value),
        };
        return new ImageInstance(image, data is null ? null : Decodable(image, data));
    }

    /// <summary>The bytes when their header decodes as an image of at most <see cref="Pages.ImageItem.MaxPixels"/> pixels; else PRC4023 and null.</summary>
    private byte[]? Decodable(ImageItem image, byte[] data)
    {
        try
        {
            using var encoded = SKData.CreateCopy(data);
            using var codec = SKCodec.Create(encoded);
            if (codec is null)
            {
                Warn(image, Undecodable, $"The data of {image.Describe()} ({data.Length:N0} bytes) is not an image format that can be decoded (PNG, JPEG, GIF, BMP, WebP); nothing is drawn.");
                return null;
            }
            if ((long)codec.Info.Width * codec.Info.Height > Pages.ImageItem.MaxPixels)
            {
                Warn(image, Undecodable, $"The image of {image.Describe()} is {codec.Info.Width} x {codec.Info.Height} pixels, more than the {Pages.ImageItem.MaxPixels:N0} allowed; nothing is drawn.");
                return null;
            }
            return data;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            Warn(image, Undecodable, $"The data of {image.Describe()} could not be decoded ({ex.Message}); nothing is drawn.");
            return null;
        }
    }

    private byte[]? Embedded(ImageItem image, object? value)
    {
        var name = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim();
        if (string.IsNullOrEmpty(name)) return null;
        if (context.Report?.FindEmbeddedImage(name) is { } embedded) return embedded.ImageData;
        Warn(image, EmbeddedMissing, $"{image.Describe()} names embedded image '{name}', which the report does not have; nothing is drawn.");
        return null;
    }

    private byte[]? Database(ImageItem image, object? value)
    {
        switch (value)
        {
            case null or DBNull: return null;
            case byte[] bytes: return bytes.Length == 0 ? null : bytes;
            default:
                Warn(image, NotBinary, $"The value of {image.Describe()} is a {value.GetType().Name}, not image bytes (byte[]); nothing is drawn.");
                return null;
        }
    }

    private byte[]? External(ImageItem image, object? value)
    {
        var path = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        if (path.Length == 0) return null;
        if (context.ExternalImages.Find(path, out var resolved, out var refusal) is { } bytes) return bytes;
        var shown = ExternalImagePath.Shown(path);
        if (refusal is not null)
            Warn(image, ExternalRefused, $"External image '{shown}' of {image.Describe()} is refused: {refusal}; nothing is drawn.");
        else if (resolved is not null)
            Warn(image, ExternalMissing, $"External image '{shown}' of {image.Describe()} ({ExternalImagePath.Shown(resolved)}) is not an image resource you may view in the catalog (or beside the report file); nothing is drawn.");
        return null;
    }

    private void Warn(ImageItem image, string code, string message)
    {
        if (++_warnings > MaxReportedWarnings) return;
        diagnostics.Add(RdlDiagnostic.Warning(code, message, image.Value.Location, image.Describe(), image.Value.Raw));
    }
}
