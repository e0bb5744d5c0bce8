using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Renderer.Sandbox.Writers.Docx;

namespace Renderer.Sandbox.Tests.Charts;

public class ChartDocxTests
{
    [Test]
    public void The_chart_is_an_inline_picture_of_its_size()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);
        using var output = new MemoryStream();
        new DocxDocumentWriter().Write(run.Document, output);
        output.Position = 0;

        using var word = WordprocessingDocument.Open(output, false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty);
        var main = word.MainDocumentPart!;
        var image = main.ImageParts.Single();
        Assert.That(image.ContentType, Is.EqualTo("image/png"));
        var extent = main.Document.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.That((extent.Cx!.Value, extent.Cy!.Value), Is.EqualTo((360L * 12700, 250L * 12700)));
    }
}
