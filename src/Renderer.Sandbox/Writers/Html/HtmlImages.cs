using System.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Html;

/// <summary>
/// Images as <c>data:</c> URIs (the viewer's policy allows data: images and nothing else from outside), placed and sized as
/// the PDF draws them (<see cref="OfficeImage"/>: PNG, JPEG, GIF and BMP as they are, other formats and clipped images as
/// PNG). An image that cannot be decoded is left out, as in the PDF.
/// </summary>
internal static class HtmlImages
{
    public static void Write(StringBuilder html, ImageItem item)
    {
        if (OfficeImage.From(item) is not { } image) return;
        html.Append("<img class=\"rpt-i\" alt=\"\" style=\"").Place(image.Target).Append("\" src=\"data:").Append(image.ContentType).Append(";base64,")
            .Append(Convert.ToBase64String(image.Data)).Append("\"/>\n");
    }
}
