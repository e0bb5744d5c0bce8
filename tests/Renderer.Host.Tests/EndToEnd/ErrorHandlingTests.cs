using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;
using Renderer.Host.Rendering;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>Bad input gets a precise error and the server keeps serving.</summary>
[TestFixture]
public sealed class ErrorHandlingTests : ServerTest
{
    private Task<HttpResponseMessage> Upload(string name, string rdl) =>
        Client.PostAsync($"/api/reports?name={Uri.EscapeDataString(name)}", new StringContent(rdl, Encoding.UTF8, "application/xml"));

    private async Task AssertSampleStillRenders()
    {
        var response = await Client.GetAsync("/api/reports/Sales/render?format=pdf&Year=2023");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a normal render succeeds right after");
    }

    [Test]
    public async Task Malformed_rdl_is_rejected_with_line_and_column()
    {
        var rdl = "<?xml version=\"1.0\"?>\n<Report xmlns=\"http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition\">\n  <Body>\n</Report>";
        var response = await Upload("Malformed", rdl);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("RDL1001").And.Contain("\"line\":4"));
    }

    [Test]
    public async Task Expression_compile_errors_name_the_textbox_line_and_expression()
    {
        var response = await Upload("CompileError", TestReports.WithExpression("=Fields!Amount.Value +"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("EXP3001").And.Contain("Broken").And.Contain("=Fields!Amount.Value +").And.Contain("\"line\":6"));
    }

    [Test]
    public async Task A_failing_query_gives_a_clear_error_and_the_next_render_succeeds()
    {
        var upload = await Upload("BadQuery", TestReports.WithQuery("SalesDb", "SELECT Amount FROM no_such_table"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        var response = await Client.GetAsync("/api/reports/BadQuery/render?format=pdf");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(body, Does.Contain("Data").And.Contain("no_such_table"));
        await AssertSampleStillRenders();
    }

    [Test]
    public async Task An_unregistered_data_source_is_refused()
    {
        var upload = await Upload("Unregistered", TestReports.WithQuery("Elsewhere", "SELECT 1 AS Amount"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var response = await Client.GetAsync("/api/reports/Unregistered/render?format=pdf");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(body, Does.Contain("Elsewhere").And.Contain("not registered"));
        await AssertSampleStillRenders();
    }

    [Test]
    public async Task An_expression_that_throws_shows_error_in_its_cell_and_a_warning_naming_it()
    {
        var entry = ReportEntries.Read(Server.Services, "Throws", TestReports.WithExpression("=CInt(\"not a number\")"));
        var renderer = Server.Services.GetRequiredService<RenderService>();
        var result = await renderer.RenderAsync(entry, "pdf", [], "tester", CancellationToken.None);
        Assert.That(result.Success, Is.True, result.Describe());
        var warning = result.Diagnostics.Single(d => d.Code == "PRC4001");
        Assert.That(warning.Message, Does.Contain("Textbox 'Broken'"));
        Assert.That(warning.Expression, Is.EqualTo("=CInt(\"not a number\")"));
        using var pdf = PdfDocument.Open(result.Content);
        Assert.That(pdf.GetPage(1).Text, Does.Contain("#Error").And.Contain("still rendered"));
        await AssertSampleStillRenders();
    }

    [Test]
    public async Task A_render_with_warnings_over_http_returns_the_file_and_the_warnings_in_headers()
    {
        var upload = await Upload("ThrowsOverHttp", TestReports.WithExpression("=CInt(\"not a number\")"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var response = await Client.GetAsync("/api/reports/ThrowsOverHttp/render?format=pdf");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Render-Warnings").Single(), Is.EqualTo("1"));
        using var warnings = System.Text.Json.JsonDocument.Parse(response.Headers.GetValues("X-Render-Diagnostics").Single());
        var warning = warnings.RootElement.EnumerateArray().Single();
        Assert.That(warning.GetProperty("code").GetString(), Is.EqualTo("PRC4001"));
        Assert.That(warning.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        Assert.That(warning.GetProperty("message").GetString(), Does.Contain("Textbox 'Broken'"));
        Assert.That(warning.GetProperty("expression").GetString(), Is.EqualTo("=CInt(\"not a number\")"));
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.That(pdf.GetPage(1).Text, Does.Contain("#Error"));
    }

    [Test]
    public async Task A_clean_render_says_it_has_no_warnings()
    {
        var response = await Client.GetAsync("/api/reports/Sales/render?format=pdf");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Render-Warnings").Single(), Is.EqualTo("0"));
        Assert.That(response.Headers.Contains("X-Render-Diagnostics"), Is.False);
    }

    [Test]
    public async Task Bench_report_renders_from_its_csv_data()
    {
        var response = await Client.GetAsync("/api/reports/BenchSales/render?format=pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(pdf));
        var csv = File.ReadAllLines(Path.Combine(ProjectRoot(), "samples", "data", "Sales.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Sum(f => int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture) * decimal.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture));
        using var document = PdfDocument.Open(pdf);
        var last = document.GetPage(document.NumberOfPages).Text;
        Assert.That(last, Does.Contain("Grand Total").And.Contain(csv.ToString("#,0.00", System.Globalization.CultureInfo.GetCultureInfo("en-US"))));
    }

    internal static string ProjectRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Renderer.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Renderer.sln not found above the test folder.");
    }
}
