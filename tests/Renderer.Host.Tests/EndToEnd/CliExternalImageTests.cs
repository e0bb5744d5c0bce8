using Renderer.Host.Cli;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// On the command line an RDL file's folder is the root of its external images: <c>logo.png</c> beside it and
/// <c>img/mark.png</c> below it are drawn; <c>../outside.png</c> leaves the root and is refused (PRC4020) even though
/// the file exists, and a link pointing out of the folder is not followed (PRC4024).
/// </summary>
[TestFixture]
public sealed class CliExternalImageTests
{
    private const string Report = """
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Image Name="Logo"><Source>External</Source><Value>logo.png</Value><Sizing>Fit</Sizing>
                <Top>0cm</Top><Left>0cm</Left><Height>2cm</Height><Width>4cm</Width></Image>
              <Image Name="Mark"><Source>External</Source><Value>img/mark.png</Value><Sizing>Fit</Sizing>
                <Top>2.5cm</Top><Left>0cm</Left><Height>2cm</Height><Width>2cm</Width></Image>
              <Image Name="Outside"><Source>External</Source><Value>../outside.png</Value><Sizing>Fit</Sizing>
                <Top>5cm</Top><Left>0cm</Left><Height>2cm</Height><Width>2cm</Width></Image>
              <Image Name="Link"><Source>External</Source><Value>link.png</Value><Sizing>Fit</Sizing>
                <Top>7.5cm</Top><Left>0cm</Left><Height>2cm</Height><Width>2cm</Width></Image>
            </ReportItems><Height>10cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private ServerFixture _server = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _server = new ServerFixture();
        _ = _server.Services;
    }

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task Images_beside_and_below_the_file_are_drawn_and_nothing_outside_its_folder_is_read()
    {
        var root = Path.Combine(_server.DataFolder, "cli-images");
        var folder = Path.Combine(root, "report");
        Directory.CreateDirectory(Path.Combine(folder, "img"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "logo.png"), Png(20, 10));
        await File.WriteAllBytesAsync(Path.Combine(folder, "img", "mark.png"), Png(10, 10));
        await File.WriteAllBytesAsync(Path.Combine(root, "outside.png"), Png(30, 30));
        File.CreateSymbolicLink(Path.Combine(folder, "link.png"), Path.Combine(root, "outside.png"));
        var rdl = Path.Combine(folder, "Letter.rdl");
        await File.WriteAllTextAsync(rdl, Report);
        var output = Path.Combine(root, "letter.pdf");
        var stderr = new StringWriter();

        int code = await RenderCommand.RunAsync(_server.Services, ["render", rdl, "--format", "pdf", "--out", output], new StringWriter(), stderr);

        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        using (var pdf = PdfDocument.Open(output))
            Assert.That(pdf.GetPage(1).GetImages().Select(i => i.WidthInSamples).Order(), Is.EqualTo(new[] { 10, 20 }), "logo and mark only");
        Assert.That(stderr.ToString(), Does.Contain("PRC4020").And.Contain("'../outside.png' of Image 'Outside' is refused: its '..' leaves the root folder"));
        Assert.That(stderr.ToString(), Does.Contain("PRC4024").And.Contain("'link.png' of Image 'Link'"));
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Teal);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
