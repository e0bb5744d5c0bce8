using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Cli;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>The render command goes through the same compiler, sandbox and broker as the API.</summary>
[TestFixture]
public sealed class CliTests
{
    private ServerFixture _server = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _server = new ServerFixture();
        _ = _server.Services;
    }

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task Render_writes_the_pdf_with_the_given_parameter()
    {
        var output = Path.Combine(_server.DataFolder, "cli.pdf");
        var rdl = Path.Combine(ErrorHandlingTests.ProjectRoot(), "samples", "rdl", "Sales.rdl");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await RenderCommand.RunAsync(_server.Services, ["render", rdl, "--format", "pdf", "--out", output, "--param", "Year=2023"], stdout, stderr);
        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        Assert.That(stdout.ToString(), Does.Contain("page(s)"));
        using var pdf = PdfDocument.Open(output);
        Assert.That(pdf.GetPage(1).Text, Does.Contain("Sales by Region, 2023"));
    }

    [Test]
    public async Task A_bad_parameter_exits_with_1_and_names_it()
    {
        var rdl = Path.Combine(ErrorHandlingTests.ProjectRoot(), "samples", "rdl", "Sales.rdl");
        var stderr = new StringWriter();
        int code = await RenderCommand.RunAsync(_server.Services, ["render", rdl, "--param", "Year=soon"], new StringWriter(), stderr);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.ToString(), Does.Contain("PRM8003").And.Contain("Year"));
    }

    /// <summary>Issue 17 item 13: a warning from reading the report, and one from rendering it, each appear once.</summary>
    [Test]
    public async Task Each_warning_is_printed_once()
    {
        var rdl = Path.Combine(_server.DataFolder, "cli-warnings.rdl");
        await File.WriteAllTextAsync(rdl, """
            <?xml version="1.0" encoding="utf-8"?>
            <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
              <NoSuchSetting>1</NoSuchSetting>
              <ReportSections><ReportSection>
                <Body><ReportItems>
                  <Textbox Name="Broken">
                    <Paragraphs><Paragraph><TextRuns><TextRun><Value>=CInt("not a number")</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                    <Top>0cm</Top><Left>0cm</Left><Height>0.7cm</Height><Width>8cm</Width>
                  </Textbox>
                </ReportItems><Height>2cm</Height></Body>
                <Width>10cm</Width>
                <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
              </ReportSection></ReportSections>
            </Report>
            """);
        var stderr = new StringWriter();
        int code = await RenderCommand.RunAsync(_server.Services, ["render", rdl, "--out", Path.ChangeExtension(rdl, "pdf")], new StringWriter(), stderr);
        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Some.Contains("NoSuchSetting"), stderr.ToString());
        Assert.That(lines, Has.Some.Contains("Broken"), stderr.ToString());
        Assert.That(lines, Is.Unique, stderr.ToString());
    }

    [Test]
    public async Task A_missing_file_exits_with_2()
    {
        var stderr = new StringWriter();
        int code = await RenderCommand.RunAsync(_server.Services, ["render", "no/such/report.rdl"], new StringWriter(), stderr);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.Contain("not found"));
    }
}
