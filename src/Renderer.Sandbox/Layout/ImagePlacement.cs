using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;
using ModelSizing = Rdl.Model.Definitions.Items.ImageSizing;

namespace Renderer.Sandbox.Layout;

/// <summary>Turns an evaluated image into a page item; an image without bytes adds nothing.</summary>
internal static class ImagePlacement
{
    public static void Emit(ImageInstance image, Bounds bounds, PageRegion region, List<PageItem> sink)
    {
        if (image.Data is not { Length: > 0 } data) return;
        sink.Add(new ImageItem(bounds, region, data, ToPage(image.Image.Sizing)));
    }

    private static ImageSizing ToPage(ModelSizing sizing) => sizing switch
    {
        ModelSizing.Fit => ImageSizing.Fit,
        ModelSizing.FitProportional => ImageSizing.FitProportional,
        ModelSizing.Clip => ImageSizing.Clip,
        _ => ImageSizing.AutoSize,
    };
}
