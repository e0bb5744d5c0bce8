using Rdl.Model.Definitions.Items;
using Rdl.Model.Expressions;

namespace Rdl.Model.Tests.Reading;

public class ImageReaderTests
{
    private const string Embedded = """
          <EmbeddedImages>
            <EmbeddedImage Name="Logo"><MIMEType>image/png</MIMEType><ImageData>AQIDBA==</ImageData></EmbeddedImage>
            <EmbeddedImage Name="Broken"><MIMEType>image/png</MIMEType><ImageData>not base64!</ImageData></EmbeddedImage>
          </EmbeddedImages>
          <DataSources>
        """;

    private static string Report(string items) => TestRdl.Minimal2016(items).Replace("<DataSources>", Embedded, StringComparison.Ordinal);

    [Test]
    public void ImageItemsAndEmbeddedImagesAreRead()
    {
        var xml = Report("""
                  <Image Name="Logo1"><Source>Embedded</Source><Value>Logo</Value><Sizing>FitProportional</Sizing>
                    <Top>0.5in</Top><Left>1in</Left><Height>1in</Height><Width>2in</Width></Image>
                  <Image Name="Photo"><Source>Database</Source><Value>=Fields!Amount.Value</Value><MIMEType>image/jpeg</MIMEType>
                    <Height>1in</Height><Width>1in</Width></Image>
                  <Image Name="Remote"><Source>External</Source><Value>file:///etc/passwd</Value><Height>1in</Height><Width>1in</Width></Image>
        """);

        var result = TestRdl.Read(xml);

        Assert.That(result.Success, Is.True);
        var items = result.Report!.Sections[0].Body.Items.Cast<ImageItem>().ToArray();
        Assert.That(items.Select(i => i.Name), Is.EqualTo(new[] { "Logo1", "Photo", "Remote" }));
        Assert.That(items[0].Source, Is.EqualTo(ImageSource.Embedded));
        Assert.That(items[0].Value.Raw, Is.EqualTo("Logo"));
        Assert.That(items[0].Sizing, Is.EqualTo(ImageSizing.FitProportional));
        Assert.That(items[0].Bounds.Left.Points, Is.EqualTo(72));
        Assert.That(items[0].Bounds.Width.Points, Is.EqualTo(144));
        Assert.That(items[1].Source, Is.EqualTo(ImageSource.Database));
        Assert.That(items[1].Sizing, Is.EqualTo(ImageSizing.AutoSize));
        Assert.That(items[1].MimeType!.Raw, Is.EqualTo("image/jpeg"));
        Assert.That(items[2].Source, Is.EqualTo(ImageSource.External));
        Assert.That(items[2].Value.Raw, Is.EqualTo("file:///etc/passwd"));

        var logo = result.Report.FindEmbeddedImage("logo");
        Assert.That(logo, Is.Not.Null);
        Assert.That(logo!.MimeType, Is.EqualTo("image/png"));
        Assert.That(logo.ImageData, Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
        Assert.That(result.Report.FindEmbeddedImage("Broken"), Is.Null);
        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo("RDL1004"));
        Assert.That(warning.Message, Does.Contain("EmbeddedImage 'Broken'"));
    }

    [Test]
    public void ImageValueExpressionIsCollectedForCompilation()
    {
        var xml = Report("""
                  <Image Name="Photo"><Source>Database</Source><Value>=Fields!Amount.Value</Value><MIMEType>image/png</MIMEType>
                    <Height>1in</Height><Width>1in</Width></Image>
        """);

        var report = TestRdl.Read(xml).Report!;

        Assert.That(ExpressionCollector.Collect(report).Select(e => e.Raw), Does.Contain("=Fields!Amount.Value"));
    }

    [Test]
    public void UnknownSizingIsRdl1004()
    {
        var xml = Report("""
                  <Image Name="Logo1"><Source>Embedded</Source><Value>Logo</Value><Sizing>Stretchy</Sizing><Height>1in</Height><Width>1in</Width></Image>
        """);

        var result = TestRdl.Read(xml);

        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("RDL1004"));
        Assert.That(result.Diagnostics.Any(d => d.Message.Contains("Stretchy", StringComparison.Ordinal)), Is.True);
    }
}
