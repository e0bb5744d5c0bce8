using System.Collections.Immutable;
using System.Text;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Tests;

/// <summary>
/// The first half of a render for layout, chart and writer tests: reads an RDL text and processes it with a test
/// evaluator over in-memory rows (asserting both stages succeed), ready for <c>ReportLayout</c>.
/// </summary>
internal static class TestReportProcessing
{
    public static ProcessedTestReport Process(string rdl, string name, IExpressionEvaluator evaluator, string[] columns, object?[][] rows, string? serverUrl = null, string format = "pdf")
    {
        var bytes = Encoding.UTF8.GetBytes(rdl);
        var fileName = name + ".rdl";
        var read = RdlReader.Read(bytes, fileName);
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        var input = new RenderInput(name, fileName, bytes, [], format, new Dictionary<string, object?[]>(), new DateTime(2024, 1, 2), "me")
        {
            ReportServerUrl = serverUrl,
        };
        var processor = new ReportProcessor(read.Report!, evaluator, new InMemoryRows(columns, rows), input, CancellationToken.None);
        var diagnostics = new DiagnosticBag();
        var processed = processor.Process(diagnostics);
        Assert.That(processed, Is.Not.Null, () => string.Join("\n", diagnostics.ToImmutable()));
        return new ProcessedTestReport(read.Report!, processor, processed!, read.Diagnostics, diagnostics.ToImmutable());
    }

    /// <summary>Serves the same rows (copied) for every dataset request.</summary>
    private sealed class InMemoryRows(string[] columns, object?[][] rows) : IDataSetProvider
    {
        public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            Task.FromResult(new DataSetRows(columns, rows.Select(r => (object?[])r.Clone()).ToList()));
    }
}

internal sealed record ProcessedTestReport(
    ReportDefinition Report,
    ReportProcessor Processor,
    ProcessedReport Processed,
    ImmutableArray<RdlDiagnostic> ReadDiagnostics,
    ImmutableArray<RdlDiagnostic> ProcessDiagnostics);
