using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Csv;
using Renderer.Sandbox.Writers.Docx;
using Renderer.Sandbox.Writers.Pdf;
using Renderer.Sandbox.Writers.Xlsx;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Renderer.Sandbox.Tests.Writers.Images;

/// <summary>ImageItem in the PDF (drawn per Sizing) and in the other writers (ignored without failing).</summary>
public class ImageWritingTests
{
    private const double PageHeight = 842;

    /// <summary>A <paramref name="width"/> x <paramref name="height"/> pixel PNG, filled red.</summary>
    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Red);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static PaginatedDocument Document(params PageItem[] items) =>
        new("Images", [new Page(1, 595, PageHeight, [.. items])]);

    private static PaginatedDocument WithText(params PageItem[] items) =>
        Document([new TextItem(new Bounds(72, 40, 200, 14), PageRegion.Body, "Caption", "Caption", null, TextStyle.Default, BoxStyle.None, [new TextLine(0, 11, 40, "Caption")]), .. items]);

    private static byte[] Pdf(PaginatedDocument document)
    {
        using var stream = new MemoryStream();
        new PdfDocumentWriter().Write(document, stream);
        return stream.ToArray();
    }

    [Test]
    public void Pdf_DrawsAnEmbeddedPngStretchedToItsBounds()
    {
        var item = new ImageItem(new Bounds(100, 200, 150, 60), PageRegion.Body, Png(20, 10), ImageSizing.Fit);

        using var pdf = PdfDocument.Open(Pdf(Document(item)));

        var image = pdf.GetPage(1).GetImages().Single();
        Assert.Multiple(() =>
        {
            Assert.That(image.WidthInSamples, Is.EqualTo(20));
            Assert.That(image.HeightInSamples, Is.EqualTo(10));
            Assert.That(image.BoundingBox.Left, Is.EqualTo(100).Within(0.5));
            Assert.That(image.BoundingBox.Width, Is.EqualTo(150).Within(0.5));
            Assert.That(image.BoundingBox.Height, Is.EqualTo(60).Within(0.5));
            Assert.That(image.BoundingBox.Top, Is.EqualTo(PageHeight - 200).Within(0.5));
        });
    }

    [Test]
    public void Pdf_FitProportionalKeepsTheAspectRatioCentered()
    {
        var item = new ImageItem(new Bounds(100, 200, 100, 100), PageRegion.Body, Png(20, 10), ImageSizing.FitProportional);

        using var pdf = PdfDocument.Open(Pdf(Document(item)));

        var bounds = pdf.GetPage(1).GetImages().Single().BoundingBox;
        Assert.Multiple(() =>
        {
            Assert.That(bounds.Width, Is.EqualTo(100).Within(0.5));
            Assert.That(bounds.Height, Is.EqualTo(50).Within(0.5));
            Assert.That(bounds.Top, Is.EqualTo(PageHeight - 225).Within(0.5));
        });
    }

    [TestCase(ImageSizing.AutoSize)]
    [TestCase(ImageSizing.Clip)]
    public void Pdf_AutoSizeAndClipDrawTheNaturalSizeAt96Dpi(ImageSizing sizing)
    {
        var item = new ImageItem(new Bounds(100, 200, 300, 300), PageRegion.Body, Png(40, 20), sizing);

        using var pdf = PdfDocument.Open(Pdf(Document(item)));

        var bounds = pdf.GetPage(1).GetImages().Single().BoundingBox;
        Assert.Multiple(() =>
        {
            Assert.That(bounds.Left, Is.EqualTo(100).Within(0.5));
            Assert.That(bounds.Width, Is.EqualTo(30).Within(0.5));
            Assert.That(bounds.Height, Is.EqualTo(15).Within(0.5));
        });
    }

    [Test]
    public void Pdf_UndecodableDataDrawsNothingAndTheRestOfThePageRenders()
    {
        var item = new ImageItem(new Bounds(100, 200, 100, 100), PageRegion.Body, [1, 2, 3, 4, 5], ImageSizing.Fit);

        using var pdf = PdfDocument.Open(Pdf(WithText(item)));

        Assert.That(pdf.GetPage(1).GetImages(), Is.Empty);
        Assert.That(pdf.GetPage(1).Text, Does.Contain("Caption"));
    }

    [Test]
    public void XlsxCsvAndDocxIgnoreImages()
    {
        var document = WithText(new ImageItem(new Bounds(100, 200, 100, 100), PageRegion.Body, Png(4, 4), ImageSizing.Fit));

        using var xlsx = new MemoryStream();
        using var csv = new MemoryStream();
        using var docx = new MemoryStream();
        var xlsxDiagnostics = new XlsxDocumentWriter().WriteWithDiagnostics(document, xlsx);
        new CsvDocumentWriter().Write(document, csv);
        new DocxDocumentWriter().Write(document, docx);

        Assert.Multiple(() =>
        {
            Assert.That(xlsx.Length, Is.GreaterThan(0));
            Assert.That(xlsxDiagnostics.Where(d => d.IsError), Is.Empty);
            Assert.That(System.Text.Encoding.UTF8.GetString(csv.ToArray()), Does.Contain("Caption"));
            Assert.That(docx.Length, Is.GreaterThan(0));
        });
    }
}
