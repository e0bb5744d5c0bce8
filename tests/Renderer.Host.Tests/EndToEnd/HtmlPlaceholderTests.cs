using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// Issue 17 item 11 (in part): a placeholder with MarkupType HTML shows its text in every format, not its tags; malformed
/// markup is shown as it is, with warning PRC4050. The report is Visual/Reports/HtmlPlaceholders.rdl.
/// </summary>
[TestFixture]
public sealed class HtmlPlaceholderTests : ServerTest
{
    private static readonly string Rdl = File.ReadAllText(Path.Combine(ErrorHandlingTests.ProjectRoot(), "tests", "Renderer.Host.Tests", "Visual", "Reports", "HtmlPlaceholders.rdl"));

    private async Task<HttpResponseMessage> Render(string name, string format)
    {
        var upload = await Client.PostAsync($"/api/reports?name={name}", new StringContent(Rdl, System.Text.Encoding.UTF8, "application/xml"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        var response = await Client.GetAsync($"/api/reports/{name}/render?format={format}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return response;
    }

    [Test]
    public async Task Pdf_shows_the_text_of_the_markup_and_warns_about_the_malformed_one()
    {
        var response = await Render("HtmlPdf", "pdf");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.That(text, Does.Contain("Dear customer,").And.Contain("#1234 has shipped.").And.Contain("one table & one lamp"));
        Assert.That(text, Does.Contain("Café <Bistro> \u2014 thank you").And.Contain("1. Unpack").And.Contain("3. Enjoy"));
        Assert.That(text, Does.Not.Contain("<b>").And.Not.Contain("<li>").And.Not.Contain("&amp;"));
        Assert.That(text, Does.Contain("<p>closed </b> twice</p>"), "malformed markup is shown as it is");
        var warnings = response.Headers.GetValues("X-Render-Diagnostics").Single();
        Assert.That(warnings, Does.Contain("PRC4050").And.Contain("Broken"));
        Assert.That(warnings, Does.Not.Contain("'Letter'").And.Not.Contain("'Steps'"));
    }

    [Test]
    public async Task Csv_holds_the_plain_text()
    {
        var csv = await (await Render("HtmlCsv", "csv")).Content.ReadAsStringAsync();
        Assert.That(csv, Does.Contain("\u2022 two chairs").And.Contain("2. Assemble").And.Not.Contain("<li>"));
    }

    [Test]
    public async Task Xlsx_cells_hold_the_plain_text_with_its_line_breaks()
    {
        using var stream = new MemoryStream(await (await Render("HtmlXlsx", "xlsx")).Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var texts = workbook.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Select(c => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.InnerText)
            .ToList();
        Assert.That(texts, Has.Some.EqualTo("1. Unpack\n2. Assemble\n3. Enjoy"));
        Assert.That(texts, Has.Some.Contains("Dear customer,\nYour order #1234 has shipped.\nIt contains:\n\u2022 two chairs"));
    }

    [Test]
    public async Task Docx_paragraphs_hold_the_plain_text()
    {
        using var stream = new MemoryStream(await (await Render("HtmlDocx", "docx")).Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.That(body, Does.Contain("one table & one lamp").And.Contain("Enjoy").And.Not.Contain("<li>"));
    }
}
