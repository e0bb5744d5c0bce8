using System.Net;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// Issue 17 item 2: content wider than the page continues on horizontal pages in PDF (left to right, then top to
/// bottom), cut between columns, with the row headers repeated where the tablix has RepeatRowHeaders; an item wider
/// than any page is reported. The report is Visual/Reports/WideMatrix.rdl (its pictures are checked by the visual tests).
/// </summary>
[TestFixture]
public sealed class HorizontalPageTests : ServerTest
{
    private static string WideMatrix => File.ReadAllText(Path.Combine(ErrorHandlingTests.ProjectRoot(), "tests", "Renderer.Host.Tests", "Visual", "Reports", "WideMatrix.rdl"));

    [Test]
    public async Task A_matrix_wider_than_the_page_continues_on_a_second_page_with_its_row_headers()
    {
        var upload = await Client.PostAsync("/api/reports?name=HorizontalWide", new StringContent(WideMatrix, System.Text.Encoding.UTF8, "application/xml"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        var response = await Client.GetAsync("/api/reports/HorizontalWide/render?format=pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(bytes));

        using var pdf = PdfDocument.Open(bytes);
        Assert.That(pdf.NumberOfPages, Is.EqualTo(2));
        var first = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        var second = string.Join(" ", pdf.GetPage(2).GetWords().Select(w => w.Text));
        Assert.That(first, Does.Contain("January").And.Contain("June").And.Not.Contain("July"));
        Assert.That(second, Does.Contain("July").And.Contain("December").And.Not.Contain("June"));
        Assert.That(second, Does.Contain("Region").And.Contain("East").And.Contain("West"), "the corner and the row headers repeat on the continuation page");
        Assert.That(second, Does.Not.Contain("Sales by region"), "the title sits on the first horizontal page only");

        Assert.That(response.Headers.GetValues("X-Render-Diagnostics").Single(), Does.Contain("PAG5001").And.Contain("WideNote"));
    }

    [Test]
    public async Task Xlsx_keeps_the_wide_matrix_on_one_sheet_row()
    {
        var upload = await Client.PostAsync("/api/reports?name=HorizontalWideXlsx", new StringContent(WideMatrix, System.Text.Encoding.UTF8, "application/xml"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var response = await Client.GetAsync("/api/reports/HorizontalWideXlsx/render?format=xlsx");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Page-Count").Single(), Is.EqualTo("1"));
    }
}
