using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;
using Renderer.Host.Rendering;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// Image items through the real sandbox: an embedded PNG is drawn in the PDF; external images that are URLs (file://) or
/// whose ../ leaves the catalog root are refused with PRC4020 and nothing is read, while the render itself succeeds and the server keeps serving.
/// </summary>
[TestFixture]
public sealed class ImageReportTests : ServerTest
{
    private static string PngBase64()
    {
        using var bitmap = new SKBitmap(16, 8);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return Convert.ToBase64String(data.ToArray());
    }

    private static string ImageReport(string externalValue) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <EmbeddedImages>
            <EmbeddedImage Name="Logo"><MIMEType>image/png</MIMEType><ImageData>{PngBase64()}</ImageData></EmbeddedImage>
          </EmbeddedImages>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Image Name="Logo1">
                <Source>Embedded</Source><Value>Logo</Value><Sizing>FitProportional</Sizing>
                <Top>0cm</Top><Left>0cm</Left><Height>2cm</Height><Width>4cm</Width>
              </Image>
              <Image Name="Outside">
                <Source>External</Source><Value>{externalValue}</Value><Sizing>Fit</Sizing>
                <Top>2.5cm</Top><Left>0cm</Left><Height>2cm</Height><Width>4cm</Width>
              </Image>
              <Textbox Name="Caption">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>="After the images"</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>5cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
            </ReportItems><Height>7cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    [TestCase("ImageFileUrl", "file:///etc/passwd")]
    [TestCase("ImageTraversal", "../../../../x.png")]
    [TestCase("ImageTraversalExpression", "=\"../../../../\" &amp; \"etc/passwd\"")]
    public async Task External_image_is_refused_with_PRC4020_and_the_render_succeeds(string name, string externalValue)
    {
        var upload = await Client.PostAsync($"/api/reports?name={name}", new StringContent(ImageReport(externalValue), Encoding.UTF8, "application/xml"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());

        var response = await Client.GetAsync($"/api/reports/{name}/render?format=pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        using (var pdf = PdfDocument.Open(bytes))
        {
            var page = pdf.GetPage(1);
            Assert.That(page.Text, Does.Contain("After the images"));
            Assert.That(page.Text, Does.Not.Contain("root:"), "nothing of the refused file reaches the output");
            var image = page.GetImages().Single();
            Assert.That(image.WidthInSamples, Is.EqualTo(16), "only the embedded image is drawn");
        }

        var entry = await ReportEntries.LoadAsync(Server.Services, name);
        var result = await Server.Services.GetRequiredService<RenderService>().RenderAsync(entry, "pdf", [], "tester", CancellationToken.None);
        Assert.That(result.Success, Is.True, result.Describe());
        var warning = result.Diagnostics.Single(d => d.Code == "PRC4020");
        var shown = externalValue.StartsWith('=') ? "../../../../etc/passwd" : externalValue;
        Assert.That(warning.Message, Does.StartWith($"External image '{shown}' of Image 'Outside' is refused: "));
        Assert.That(warning.ObjectPath, Is.EqualTo("Image 'Outside'"));

        var sample = await Client.GetAsync("/api/reports/Sales/render?format=pdf&Year=2023");
        Assert.That(sample.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a normal render succeeds right after");
    }
}
