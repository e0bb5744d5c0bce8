using System.Net;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using XDR = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// Issue 17 item 10: Image report items appear in XLSX and DOCX as they do in the PDF: the embedded logo and the
/// database image of each table row are pictures, the logo 4cm x 2cm (FitProportional of a 2:1 picture in a 4cm x 2cm
/// box). The report is Visual/Items/Images.rdl (its PDF picture is checked by <c>ReportItemVisualTests</c>).
/// </summary>
[TestFixture]
public sealed class ImageExportTests : ServerTest
{
    private const long EmuPerCm = 360000;

    private async Task<byte[]> Render(string name, string format)
    {
        var rdl = File.ReadAllText(Path.Combine(ErrorHandlingTests.ProjectRoot(), "tests", "Renderer.Host.Tests", "Visual", "Items", "Images.rdl"));
        var upload = await Client.PostAsync($"/api/reports?name={name}", new StringContent(rdl, System.Text.Encoding.UTF8, "application/xml"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        var response = await Client.GetAsync($"/api/reports/{name}/render?format={format}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(bytes));
        var diagnostics = response.Headers.TryGetValues("X-Render-Diagnostics", out var values) ? string.Join("", values) : "";
        Assert.That(diagnostics, Does.Not.Contain("PRC402"), "every image is found and decoded");
        return bytes;
    }

    [Test]
    public async Task Pdf_draws_the_logo_and_a_database_image_per_row()
    {
        using var pdf = PdfDocument.Open(await Render("ImagesPdf", "pdf"));
        var page = pdf.GetPage(1);
        Assert.That(page.GetImages().Count(), Is.EqualTo(3));
        Assert.That(string.Join(" ", page.GetWords().Select(w => w.Text)), Does.Contain("Alpha").And.Contain("Beta").And.Contain("After"));
    }

    [Test]
    public async Task Xlsx_anchors_each_image_as_a_picture_sized_as_in_the_pdf()
    {
        using var stream = new MemoryStream(await Render("ImagesXlsx", "xlsx"));
        using var document = SpreadsheetDocument.Open(stream, false);
        var drawing = document.WorkbookPart!.WorksheetParts.Single().DrawingsPart;
        Assert.That(drawing, Is.Not.Null, "the sheet has a drawing");
        var pictures = drawing!.WorksheetDrawing.Descendants<XDR.Picture>().ToList();
        Assert.That(pictures, Has.Count.EqualTo(3), "the logo and two database images");
        Assert.That(drawing.ImageParts.Count(), Is.GreaterThanOrEqualTo(1));
        var extents = pictures.Select(p => p.ShapeProperties!.Transform2D!.Extents!).ToList();
        Assert.That(extents.Any(e => Math.Abs(e.Cx!.Value - 4 * EmuPerCm) < EmuPerCm / 20 && Math.Abs(e.Cy!.Value - 2 * EmuPerCm) < EmuPerCm / 20), Is.True,
            () => "the logo is 4cm x 2cm; extents: " + string.Join(", ", extents.Select(e => $"{e.Cx}x{e.Cy}")));
    }

    [Test]
    public async Task Docx_shows_each_image_inline_sized_as_in_the_pdf()
    {
        using var stream = new MemoryStream(await Render("ImagesDocx", "docx"));
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        var inlines = main.Document.Body!.Descendants<DW.Inline>().ToList();
        Assert.That(inlines, Has.Count.EqualTo(3), "the logo and two database images");
        Assert.That(main.ImageParts.Count(), Is.GreaterThanOrEqualTo(1));
        Assert.That(inlines.Any(i => Math.Abs(i.Extent!.Cx!.Value - 4 * EmuPerCm) < EmuPerCm / 20 && Math.Abs(i.Extent.Cy!.Value - 2 * EmuPerCm) < EmuPerCm / 20), Is.True,
            () => "the logo is 4cm x 2cm; extents: " + string.Join(", ", inlines.Select(i => $"{i.Extent!.Cx}x{i.Extent.Cy}")));
    }
}
