using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Renderer.Host.Tests.Security.Identity;
using SkiaSharp;
using UglyToad.PdfPig;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using XDR = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Renderer.Host.Tests.Catalog;

/// <summary>
/// Issue 17 item 10, external images: a report in the catalog (/Sales/Logos/Letterhead) shows image resources the host
/// resolves and passes to the sandbox. A constant relative path (<c>logo.png</c>), an expression (<c>="mark" &amp; ".png"</c>,
/// from the report's folder) and a path through <c>..</c> (<c>../Shared/wide.png</c>) are drawn in PDF, XLSX, DOCX and HTML,
/// sized as declared (Fit). An image the caller may not view (<c>/hidden.png</c>: the analyst is a Browser of /Sales only)
/// is not shown (PRC4024); an http URL and a path whose <c>..</c> leaves the root are refused (PRC4020) and nothing is read.
/// </summary>
[NonParallelizable]
public sealed class ExternalImageCatalogTests
{
    private const long EmuPerCm = 360000;
    private const string Report = """
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Image Name="Logo"><Source>External</Source><Value>logo.png</Value><Sizing>Fit</Sizing>
                <Top>0cm</Top><Left>0cm</Left><Height>2cm</Height><Width>4cm</Width></Image>
              <Image Name="Mark"><Source>External</Source><Value>="mark" &amp; ".png"</Value><Sizing>Fit</Sizing>
                <Top>2.5cm</Top><Left>0cm</Left><Height>2cm</Height><Width>2cm</Width></Image>
              <Image Name="Wide"><Source>External</Source><Value>../Shared/wide.png</Value><Sizing>Fit</Sizing>
                <Top>5cm</Top><Left>0cm</Left><Height>2cm</Height><Width>8cm</Width></Image>
              <Image Name="Hidden"><Source>External</Source><Value>/hidden.png</Value><Sizing>Fit</Sizing>
                <Top>7.5cm</Top><Left>0cm</Left><Height>3cm</Height><Width>3cm</Width></Image>
              <Image Name="Web"><Source>External</Source><Value>http://127.0.0.1/logo.png</Value><Sizing>Fit</Sizing>
                <Top>11cm</Top><Left>0cm</Left><Height>2cm</Height><Width>4cm</Width></Image>
              <Image Name="Escape"><Source>External</Source><Value>../../../etc/passwd</Value><Sizing>Fit</Sizing>
                <Top>13.5cm</Top><Left>0cm</Left><Height>2cm</Height><Width>4cm</Width></Image>
              <Textbox Name="Caption"><Paragraphs><Paragraph><TextRuns><TextRun><Value>After the images</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>16cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width></Textbox>
            </ReportItems><Height>18cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth><LeftMargin>1in</LeftMargin><TopMargin>1in</TopMargin></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private CatalogServerSession _session = null!;
    private HttpClient _analyst = null!;
    private string _reportId = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _session = new CatalogServerSession("external-images");
        var admin = _session.Client;
        foreach (var folder in new[] { "/Sales/Logos", "/Sales/Shared" })
            Assert.That((await admin.PostAsJsonAsync("/api/v2.0/Folders", new { Path = folder })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await Resource(admin, "/Sales/Logos/logo.png", Png(20, 10, SKColors.Red));
        await Resource(admin, "/Sales/Logos/mark.png", Png(10, 10, SKColors.Green));
        await Resource(admin, "/Sales/Shared/wide.png", Png(40, 10, SKColors.Blue));
        await Resource(admin, "/hidden.png", Png(30, 30, SKColors.Black));
        var created = await admin.PostAsync("/api/v2.0/Reports?path=/Sales/Logos/Letterhead", new StringContent(Report, Encoding.UTF8, "application/xml"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        _reportId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        _analyst = _session.Server.Server.CreateClient();
        _analyst.BaseAddress = new Uri(TestSignIn.BaseUrl);
        _analyst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSignIn.Token(_session.Server, _session.DataFolder, "analyst"));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _analyst.Dispose();
        _session.Dispose();
    }

    [Test]
    public async Task Pdf_draws_the_constant_expression_and_relative_images_the_caller_may_view()
    {
        var (bytes, warnings) = await Render(_analyst, "pdf");
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        Assert.That(page.Text, Does.Contain("After the images").And.Not.Contain("root:"));
        var images = page.GetImages().ToList();
        Assert.That(images.Select(i => i.WidthInSamples).Order(), Is.EqualTo(new[] { 10, 20, 40 }), "mark, logo and wide; not the hidden one");
        var logo = images.Single(i => i.WidthInSamples == 20).BoundingBox;
        Assert.That(logo.Width, Is.EqualTo(4 / 2.54 * 72).Within(1), "the logo fills its 4cm x 2cm box");
        Assert.That(logo.Height, Is.EqualTo(2 / 2.54 * 72).Within(1));
        Assert.That(images.Single(i => i.WidthInSamples == 40).BoundingBox.Width, Is.EqualTo(8 / 2.54 * 72).Within(1));

        Assert.That(warnings.Where(w => w.Code == "PRC4024").Select(w => w.Message).Single(), Does.Contain("'/hidden.png' of Image 'Hidden'"));
        var refused = warnings.Where(w => w.Code == "PRC4020").Select(w => w.Message).ToList();
        Assert.That(refused, Has.Count.EqualTo(2));
        Assert.That(refused, Has.One.Contains("'http://127.0.0.1/logo.png' of Image 'Web' is refused: it is a URL, and the server fetches no URL"));
        Assert.That(refused, Has.One.Contains("'../../../etc/passwd' of Image 'Escape' is refused: its '..' leaves the root folder"));
    }

    [Test]
    public async Task An_image_the_caller_may_view_is_shown_to_them()
    {
        var (bytes, warnings) = await Render(_session.Client, "pdf");
        using var pdf = PdfDocument.Open(bytes);
        Assert.That(pdf.GetPage(1).GetImages().Select(i => i.WidthInSamples).Order(), Is.EqualTo(new[] { 10, 20, 30, 40 }), "the administrator may view /hidden.png");
        Assert.That(warnings.Select(w => w.Code), Has.No.Member("PRC4024"));
    }

    [Test]
    public async Task Xlsx_anchors_each_viewable_image_as_a_picture_sized_as_declared()
    {
        var (bytes, _) = await Render(_analyst, "xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var drawing = document.WorkbookPart!.WorksheetParts.Single().DrawingsPart;
        Assert.That(drawing, Is.Not.Null, "the sheet has a drawing");
        var extents = drawing!.WorksheetDrawing.Descendants<XDR.Picture>().Select(p => p.ShapeProperties!.Transform2D!.Extents!).Select(e => (e.Cx!.Value, e.Cy!.Value)).ToList();
        AssertSizes(extents);
    }

    [Test]
    public async Task Docx_shows_each_viewable_image_inline_sized_as_declared()
    {
        var (bytes, _) = await Render(_analyst, "docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var extents = document.MainDocumentPart!.Document.Body!.Descendants<DW.Inline>().Select(i => (i.Extent!.Cx!.Value, i.Extent.Cy!.Value)).ToList();
        AssertSizes(extents);
    }

    [Test]
    public async Task Html_shows_each_viewable_image_as_a_data_uri()
    {
        var (bytes, _) = await Render(_analyst, "html");
        var html = Encoding.UTF8.GetString(bytes);
        Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<img class=\"rpt-i\"[^>]*src=\"data:image/").Count, Is.EqualTo(3), "logo, mark and wide; not the hidden one");
        Assert.That(html, Does.Not.Contain("127.0.0.1"), "the refused URL is not written as a source");
    }

    private static void AssertSizes(List<(long Cx, long Cy)> extents)
    {
        var cm = extents.Select(e => (Math.Round((double)e.Cx / EmuPerCm, 1), Math.Round((double)e.Cy / EmuPerCm, 1))).Order().ToList();
        Assert.That(cm, Is.EqualTo(new[] { (2.0, 2.0), (4.0, 2.0), (8.0, 2.0) }), "mark 2x2, logo 4x2 and wide 8x2 cm; not the hidden one");
    }

    private async Task<(byte[] Bytes, List<(string Code, string Message)> Warnings)> Render(HttpClient client, string format)
    {
        var response = await client.GetAsync($"/api/v2.0/Reports({_reportId})/Render?format={format}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => Encoding.UTF8.GetString(bytes));
        var json = response.Headers.TryGetValues("X-Render-Diagnostics", out var values) ? string.Join("", values) : "[]";
        var warnings = JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(w => (w.GetProperty("code").GetString()!, w.GetProperty("message").GetString()!)).ToList();
        return (bytes, warnings);
    }

    private static async Task Resource(HttpClient client, string path, byte[] png)
    {
        var content = new ByteArrayContent(png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var response = await client.PostAsync($"/api/v2.0/Resources?path={Uri.EscapeDataString(path)}", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private static byte[] Png(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
