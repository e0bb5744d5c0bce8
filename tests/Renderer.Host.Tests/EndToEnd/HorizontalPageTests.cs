using System.Net;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// Issue 17 item 2: content wider than the page continues on horizontal pages in PDF (left to right, then top to
/// bottom), cut between columns, with the row headers repeated where the tablix has RepeatRowHeaders and its leading
/// FixedData columns repeated; an item wider than any page is reported. The reports are Visual/Reports/WideMatrix.rdl
/// and WideFixedColumns.rdl (their pictures are checked by the visual tests).
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

    [TestCase("HorizontalFixed", "<FixedData>true</FixedData>")]
    [TestCase("HorizontalRepeatSide", "<KeepWithGroup>After</KeepWithGroup><RepeatOnNewPage>true</RepeatOnNewPage>")]
    public async Task Leading_fixed_data_columns_repeat_at_the_left_of_the_continuation_page(string name, string memberProperties)
    {
        var rdl = File.ReadAllText(Path.Combine(ErrorHandlingTests.ProjectRoot(), "tests", "Renderer.Host.Tests", "Visual", "Reports", "WideFixedColumns.rdl"))
            .Replace("<FixedData>true</FixedData>", memberProperties, StringComparison.Ordinal);
        var upload = await Client.PostAsync($"/api/reports?name={name}", new StringContent(rdl, System.Text.Encoding.UTF8, "application/xml"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        var response = await Client.GetAsync($"/api/reports/{name}/render?format=pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(bytes));

        using var pdf = PdfDocument.Open(bytes);
        Assert.That(pdf.NumberOfPages, Is.EqualTo(2));
        var first = pdf.GetPage(1).GetWords().ToList();
        var second = pdf.GetPage(2).GetWords().ToList();
        var firstText = string.Join(" ", first.Select(w => w.Text));
        var secondText = string.Join(" ", second.Select(w => w.Text));
        Assert.That(firstText, Does.Contain("P-100").And.Contain("Copper").And.Contain("5").And.Not.Contain("Quarter 6"));
        Assert.That(secondText, Does.Contain("Quarter 6").And.Contain("Quarter 8").And.Not.Contain("Quarter 5"));
        Assert.That(secondText, Does.Contain("Code").And.Contain("Product").And.Contain("P-100").And.Contain("P-500").And.Contain("Glass"),
            "the FixedData columns (header and detail cells) repeat on the continuation page");
        var code = second.First(w => w.Text == "P-300");
        var quarter6 = second.First(w => w.Text == "Quarter");
        Assert.That(code.BoundingBox.Left, Is.LessThan(quarter6.BoundingBox.Left), "the repeated columns are at the left, the continued ones to their right");
        Assert.That(code.BoundingBox.Left, Is.EqualTo(first.First(w => w.Text == "P-300").BoundingBox.Left).Within(1), "at the same place as on the first page");
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
