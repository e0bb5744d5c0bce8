using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Host.Sandboxing;
using Renderer.Host.Tests.EndToEnd;
using Renderer.Sandbox;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Sandboxing;

/// <summary>A compiled report rendered by the real engine in a sandbox process, its data served by the launcher.</summary>
public sealed class RealEngineSandboxTests
{
    [Test]
    public async Task A_compiled_report_renders_to_pdf_with_rows_from_the_data_handler()
    {
        var rdl = Encoding.UTF8.GetBytes(TestReports.WithQuery("Db", "SELECT Amount FROM Sales"));
        var read = RdlReader.Read(rdl, "Total.rdl");
        Assert.That(read.Report, Is.Not.Null, string.Join("\n", read.Diagnostics));
        var compiled = ExpressionCompiler.Compile(read.Report!, "Total.rdl");
        Assert.That(compiled.Success, Is.True, string.Join("\n", compiled.Diagnostics));
        var input = new RenderInput("Total", "Total.rdl", rdl, compiled.AssemblyImage, "pdf", new Dictionary<string, object?[]>(), DateTime.Now, "tester");
        var data = new RowsHandler(["Amount"], [[10], [20.5], [30]]);
        var launcher = new SandboxLauncher(Options.Create(new SandboxOptions()), NullLogger<SandboxLauncher>.Instance);

        var result = await launcher.RenderAsync(input, data, CancellationToken.None);

        Assert.That(result.Success, Is.True, $"{result.Outcome}: {string.Join("; ", result.Diagnostics)} stderr: {result.StandardErrorTail}");
        Assert.That(result.Output!.Diagnostics.Where(d => d.IsError), Is.Empty);
        Assert.That(result.Output.ContentType, Is.EqualTo("application/pdf"));
        using var pdf = PdfDocument.Open(result.Output.Content);
        Assert.That(pdf.NumberOfPages, Is.EqualTo(result.Output.PageCount));
        Assert.That(string.Concat(pdf.GetPages().Select(p => p.Text)), Does.Contain("60.5"));
        Assert.That(data.DataSets, Is.EqualTo(new[] { "Data" }));
    }

    [Test]
    public async Task A_streamed_html_render_sends_each_page_in_order_then_a_json_summary()
    {
        var rdl = Encoding.UTF8.GetBytes(TestReports.WithQuery("Db", "SELECT Amount FROM Sales"));
        var read = RdlReader.Read(rdl, "Total.rdl");
        var compiled = ExpressionCompiler.Compile(read.Report!, "Total.rdl");
        Assert.That(compiled.Success, Is.True, string.Join("\n", compiled.Diagnostics));
        var input = new RenderInput("Total", "Total.rdl", rdl, compiled.AssemblyImage, "html", new Dictionary<string, object?[]>(), DateTime.Now, "tester") { StreamPages = true };
        var data = new RowsHandler(["Amount"], [[10], [20.5], [30]]);
        var launcher = new SandboxLauncher(Options.Create(new SandboxOptions()), NullLogger<SandboxLauncher>.Instance);

        var result = await launcher.RenderAsync(input, data, CancellationToken.None);

        Assert.That(result.Success, Is.True, $"{result.Outcome}: {string.Join("; ", result.Diagnostics)} stderr: {result.StandardErrorTail}");
        Assert.That(result.Output!.ContentType, Is.EqualTo("application/json"));
        using var summary = System.Text.Json.JsonDocument.Parse(result.Output.Content);
        var count = summary.RootElement.GetProperty("pageCount").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(result.Output.PageCount).And.GreaterThan(0));
            Assert.That(data.Pages.Select(p => (p.Index, p.Count)), Is.EqualTo(Enumerable.Range(0, count).Select(i => (i, count))));
            Assert.That(data.Pages[0].Html, Does.StartWith("<section class=\"rpt-page\" id=\"rpt-page-1\"").And.Contain("60.5"));
            Assert.That(summary.RootElement.GetProperty("css").GetString(), Does.Contain("@font-face"));
        });
    }

    private sealed class RowsHandler(string[] columns, object?[][] rows) : ISandboxDataHandler
    {
        public List<string> DataSets { get; } = [];

        public List<(int Index, int Count, string Html)> Pages { get; } = [];

        public void OnPage(int pageIndex, int pageCount, ReadOnlyMemory<byte> content) => Pages.Add((pageIndex, pageCount, Encoding.UTF8.GetString(content.Span)));

        public Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
        {
            DataSets.Add(dataSetName);
            return Task.FromResult(SandboxDataResult.FromRows(columns, rows));
        }
    }
}
