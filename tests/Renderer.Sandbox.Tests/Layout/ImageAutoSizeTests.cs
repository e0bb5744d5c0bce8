using Renderer.Sandbox.Pages;
using SkiaSharp;
using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>Image Sizing=AutoSize (the RDL default): the item takes the image's natural height and pushes items below it down.</summary>
public sealed class ImageAutoSizeTests
{
    private static string Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return Convert.ToBase64String(data.ToArray());
    }

    private static string Report(string sizing) => PagingRdl.Report(
        $"<Image Name=\"Logo\"><Source>Embedded</Source><Value>Logo</Value><Sizing>{sizing}</Sizing><Top>0pt</Top><Left>0pt</Left><Height>30pt</Height><Width>100pt</Width></Image>"
        + Textbox("Below", "Below the logo", top: 40),
        reportExtra: $"<EmbeddedImages><EmbeddedImage Name=\"Logo\"><MIMEType>image/png</MIMEType><ImageData>{Png(200, 160)}</ImageData></EmbeddedImage></EmbeddedImages>");

    [Test]
    public void An_autosize_image_grows_to_its_natural_height_and_pushes_the_textbox_below_down()
    {
        var run = LayoutRun.Render(Report("AutoSize"), Columns);
        var image = run.Pages[0].Items.OfType<ImageItem>().Single();
        var below = run.Pages[0].Items.OfType<TextItem>().Single(t => t.Name == "Below");

        Assert.That(image.Bounds.Height, Is.EqualTo(160 * 72.0 / 96).Within(0.01), "160 px at 96 dpi");
        Assert.That(below.Bounds.Y - image.Bounds.Y, Is.EqualTo(40 + (120 - 30)).Within(0.01), "pushed down by the image's growth");
    }

    [Test]
    public void A_fit_image_keeps_its_designed_size()
    {
        var run = LayoutRun.Render(Report("Fit"), Columns);
        var image = run.Pages[0].Items.OfType<ImageItem>().Single();
        var below = run.Pages[0].Items.OfType<TextItem>().Single(t => t.Name == "Below");

        Assert.That(image.Bounds.Height, Is.EqualTo(30).Within(0.01));
        Assert.That(below.Bounds.Y - image.Bounds.Y, Is.EqualTo(40).Within(0.01));
    }
}
