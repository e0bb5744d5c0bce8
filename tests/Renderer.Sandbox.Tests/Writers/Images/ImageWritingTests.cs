using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Csv;
using Renderer.Sandbox.Writers.Docx;
using Renderer.Sandbox.Writers.Pdf;
using Renderer.Sandbox.Writers.Xlsx;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Renderer.Sandbox.Tests.Writers.Images;

/// <summary>ImageItem in the PDF (drawn per Sizing), DOCX and XLSX (pictures placed and sized as in the PDF); CSV leaves it out.</summary>
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
    public void CsvLeavesImagesOut()
    {
        var document = WithText(new ImageItem(new Bounds(100, 200, 100, 100), PageRegion.Body, Png(4, 4), ImageSizing.Fit));
        using var csv = new MemoryStream();
        new CsvDocumentWriter().Write(document, csv);
        Assert.That(System.Text.Encoding.UTF8.GetString(csv.ToArray()), Does.Contain("Caption"));
    }

    /// <summary>A 40 x 20 pixel logo in a 150 x 150 pt box, FitProportional: the PDF draws it 150 x 75, 37.5 pt down.</summary>
    private static PaginatedDocument Logo(ImageSizing sizing, byte[]? data = null) =>
        WithText(new ImageItem(new Bounds(100, 200, 150, 150), PageRegion.Body, data ?? Png(40, 20), sizing));

    private static byte[] Encoded(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(40, 20);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    [TestCase(ImageSizing.FitProportional, 150.0, 75.0)]
    [TestCase(ImageSizing.Fit, 150.0, 150.0)]
    [TestCase(ImageSizing.AutoSize, 30.0, 15.0)]
    public void Docx_shows_the_image_as_a_picture_sized_as_in_the_pdf(ImageSizing sizing, double width, double height)
    {
        using var stream = new MemoryStream(OfficeOutput.Docx(Logo(sizing)));
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        Assert.That(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => e.Description), Is.Empty);

        var extent = word.MainDocumentPart!.Document.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.That(extent.Cx!.Value, Is.EqualTo((long)(width * 12700)));
        Assert.That(extent.Cy!.Value, Is.EqualTo((long)(height * 12700)));
        var picture = word.MainDocumentPart.ImageParts.Single();
        Assert.That(picture.ContentType, Is.EqualTo("image/png"));
        using var bytes = picture.GetStream();
        using var decoded = SKBitmap.Decode(bytes);
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((40, 20)), "the report's own pixels, not a re-rendering");
    }

    [Test]
    public void Xlsx_anchors_the_image_at_its_cell_sized_and_offset_as_in_the_pdf()
    {
        using var stream = new MemoryStream(OfficeOutput.Xlsx(Logo(ImageSizing.FitProportional), out var diagnostics));
        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        Assert.That(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(book).Select(e => e.Description), Is.Empty);

        var drawing = book.WorkbookPart!.WorksheetParts.Single().DrawingsPart!;
        var anchor = drawing.WorksheetDrawing.Elements<DocumentFormat.OpenXml.Drawing.Spreadsheet.OneCellAnchor>().Single();
        Assert.That(anchor.Extent!.Cx!.Value, Is.EqualTo(150L * 12700));
        Assert.That(anchor.Extent.Cy!.Value, Is.EqualTo(75L * 12700));
        Assert.That(anchor.FromMarker!.RowOffset!.Text, Is.EqualTo((37.5 * 12700).ToString(System.Globalization.CultureInfo.InvariantCulture)), "centred vertically in its box");
        Assert.That(drawing.ImageParts.Single().ContentType, Is.EqualTo("image/png"));
    }

    [TestCase(SKEncodedImageFormat.Jpeg, "image/jpeg")]
    [TestCase(SKEncodedImageFormat.Webp, "image/png")]
    public void Jpeg_passes_through_and_webp_becomes_png_in_docx_and_xlsx(SKEncodedImageFormat format, string contentType)
    {
        var document = Logo(ImageSizing.Fit, Encoded(format));
        using var docx = new MemoryStream(OfficeOutput.Docx(document));
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
        {
            Assert.That(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => e.Description), Is.Empty);
            Assert.That(word.MainDocumentPart!.ImageParts.Single().ContentType, Is.EqualTo(contentType));
        }

        using var xlsx = new MemoryStream(OfficeOutput.Xlsx(document));
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false);
        Assert.That(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(book).Select(e => e.Description), Is.Empty);
        Assert.That(book.WorkbookPart!.WorksheetParts.Single().DrawingsPart!.ImageParts.Single().ContentType, Is.EqualTo(contentType));
    }

    [Test]
    public void A_clipped_image_larger_than_its_box_is_cut_to_what_the_pdf_shows()
    {
        var document = WithText(new ImageItem(new Bounds(100, 200, 15, 7.5), PageRegion.Body, Png(40, 20), ImageSizing.Clip));
        using var stream = new MemoryStream(OfficeOutput.Docx(document));
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var extent = word.MainDocumentPart!.Document.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.That(extent.Cx!.Value, Is.EqualTo(15L * 12700));
        using var bytes = word.MainDocumentPart.ImageParts.Single().GetStream();
        using var decoded = SKBitmap.Decode(bytes);
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((20, 10)));
    }
}
