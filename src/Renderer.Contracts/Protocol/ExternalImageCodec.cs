namespace Renderer.Sandbox.Protocol;

/// <summary>
/// The external-image part of a render request, after the subreport part: the folder relative values resolve from, then
/// each image's resolved catalog path and bytes. A request without it (nothing left in the payload) has none and the
/// root folder. When it is present the WebAssembly and subreport parts are always written before it. Reading checks the
/// bounds of <see cref="ExternalImageLimits"/>, that every path is absolute and resolved, and that none appears twice.
/// </summary>
internal static class ExternalImageCodec
{
    public static bool Present(RenderInput input) => input.ExternalImages.Count > 0 || input.ImageFolder != "/";

    public static void Write(RenderInput input, PayloadWriter writer)
    {
        if (!Present(input)) return;
        writer.WriteString(input.ImageFolder);
        writer.WriteCount(input.ExternalImages.Count);
        foreach (var image in input.ExternalImages)
        {
            writer.WriteString(image.Path);
            writer.WriteBytes(image.Bytes);
        }
    }

    public static RenderInput Read(RenderInput input, PayloadReader reader)
    {
        if (reader.Remaining == 0) return input;
        var folder = reader.ReadString();
        if (folder != "/" && !ExternalImagePath.IsResolved(folder)) throw new ProtocolException("The image folder is not an absolute catalog path.");
        var count = reader.ReadCount(minElementSize: 8);
        if (count > ExternalImageLimits.MaxCount) throw new ProtocolException($"{count} external images are more than the {ExternalImageLimits.MaxCount} allowed.");
        var images = new List<ExternalImage>(count);
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var image = new ExternalImage(reader.ReadString(), reader.ReadBytes());
            if (!ExternalImagePath.IsResolved(image.Path)) throw new ProtocolException("An external image path is not an absolute catalog path.");
            if (!paths.Add(image.Path)) throw new ProtocolException($"External image '{ExternalImagePath.Shown(image.Path)}' appears twice.");
            total += image.Bytes.Length;
            if (total > ExternalImageLimits.MaxTotalBytes) throw new ProtocolException($"The external images are more than the {ExternalImageLimits.MaxTotalBytes:N0} bytes allowed.");
            images.Add(image);
        }
        return input with { ImageFolder = folder, ExternalImages = images };
    }
}
