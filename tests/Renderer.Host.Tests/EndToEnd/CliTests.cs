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

    [Test]
    public async Task A_missing_file_exits_with_2()
    {
        var stderr = new StringWriter();
        int code = await RenderCommand.RunAsync(_server.Services, ["render", "no/such/report.rdl"], new StringWriter(), stderr);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.Contain("not found"));
    }
}
