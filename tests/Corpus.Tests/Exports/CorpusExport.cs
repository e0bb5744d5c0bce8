using Rdl.Model.Definitions;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Sandbox;

namespace Corpus.Tests.Exports;

/// <summary>
/// Renders one corpus file to any format through the same in-process pipeline as <see cref="CorpusFileRunner"/>
/// (RdlReader, ExpressionCompiler, RenderEngine, <see cref="CorpusDataProvider"/>), and keeps the provider so a test can
/// compute expected values from the very rows the render received.
/// </summary>
internal static class CorpusExport
{
    private static readonly DateTime ExecutionTime = new(2024, 6, 30, 9, 0, 0);

    public static async Task<CorpusExportResult> RenderAsync(string relativePath, string format)
    {
        var corpus = CorpusLocation.CorpusDirectory() ?? throw new InconclusiveException("The RDL corpus is not present.");
        var path = Path.Combine(corpus, relativePath);
        var bytes = await File.ReadAllBytesAsync(path);
        var fileName = Path.GetFileName(path);
        var read = RdlReader.Read(bytes, fileName);
        if (read.Report is not { } report || !read.Success)
            throw new AssertionException($"{relativePath} does not parse: {string.Join("; ", read.Diagnostics.Where(d => d.IsError))}");
        var compiled = ExpressionCompiler.Compile(report, fileName);
        if (!compiled.Success)
            throw new AssertionException($"{relativePath} does not compile: {string.Join("; ", compiled.Diagnostics.Where(d => d.IsError))}");

        var provider = new CorpusDataProvider(report, new EmbeddedRows(bytes, path));
        using var cancel = new CancellationTokenSource(CorpusFileRunner.RenderTimeout);
        var parameters = await ParameterChooser.ChooseAsync(report, provider, cancel.Token);
        var input = new RenderInput(report.Name, fileName, bytes, compiled.AssemblyImage, format, parameters, ExecutionTime, "CORPUS\\runner");
        var output = await RenderEngine.RenderAsync(input, provider, cancel.Token);
        return new CorpusExportResult(report, provider, output);
    }
}

internal sealed record CorpusExportResult(ReportDefinition Report, CorpusDataProvider Provider, RenderOutput Output)
{
    public IReadOnlyList<string> Errors => [.. Output.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())];
}
