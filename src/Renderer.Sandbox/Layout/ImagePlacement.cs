using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;
using ModelSizing = Rdl.Model.Definitions.Items.ImageSizing;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Turns an evaluated image into a page item; an image without bytes adds nothing. With Sizing=AutoSize (the RDL
/// default) the item grows to the image's natural height (pixels at 96 dpi, as the writers draw it), pushing what lies
/// below it down like a growing textbox; it never shrinks below its designed height.
/// </summary>
internal static class ImagePlacement
{
    public static double MeasureHeight(ImageInstance image)
    {
        if (image.Image.Sizing != ModelSizing.AutoSize || image.Data is not { Length: > 0 } data) return image.Height;
        using var stream = new SkiaSharp.SKMemoryStream(data);
        using var codec = SkiaSharp.SKCodec.Create(stream);
        return codec is null ? image.Height : Math.Max(image.Height, codec.Info.Height * 72.0 / 96.0);
    }

    public static void Emit(ImageInstance image, Bounds bounds, PageRegion region, List<PageItem> sink)
    {
        if (image.Data is not { Length: > 0 } data) return;
        sink.Add(new ImageItem(bounds, region, data, ToPage(image.Image.Sizing)) { Name = image.Image.Name });
    }

    private static ImageSizing ToPage(ModelSizing sizing) => sizing switch
    {
        ModelSizing.Fit => ImageSizing.Fit,
        ModelSizing.FitProportional => ImageSizing.FitProportional,
        ModelSizing.Clip => ImageSizing.Clip,
        _ => ImageSizing.AutoSize,
    };
}
