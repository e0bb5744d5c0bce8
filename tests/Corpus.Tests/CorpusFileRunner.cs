using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Sandbox;
using UglyToad.PdfPig;

namespace Corpus.Tests;

/// <summary>
/// Runs one corpus file through the real pipeline in process: RdlReader -> ExpressionCompiler -> RenderEngine (PDF),
/// with <see cref="CorpusDataProvider"/> for data and generated values for parameters that have no default.
/// A render that takes longer than <see cref="RenderTimeout"/> is abandoned and reported as a timeout.
/// </summary>
internal static class CorpusFileRunner
{
    public static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(20);

    private static readonly DateTime ExecutionTime = new(2024, 6, 30, 9, 0, 0);

    public static async Task<CorpusFileResult> RunAsync(CorpusEntry entry)
    {
        var result = new CorpusFileResult(entry.RelativePath, entry.NamespaceYear);
        var fileName = Path.GetFileName(entry.FullPath);
        var bytes = await File.ReadAllBytesAsync(entry.FullPath);
        var all = new List<RdlDiagnostic>();

        var read = RdlReader.Read(bytes, fileName);
        all.AddRange(read.Diagnostics);
        result = result with { ParseErrors = read.Diagnostics.Count(d => d.IsError), Parsed = read.Report is not null && read.Success };
        if (read.Report is not { } report || !read.Success) return Finish(result, all, null);

        ExpressionCompilation compiled;
        try
        {
            compiled = ExpressionCompiler.Compile(report, fileName);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            all.Add(RdlDiagnostic.Error("CORPUS-COMPILE", $"The compiler threw {ex.GetType().Name}: {ex.Message}", SourceLocation.None));
            return Finish(result with { CompileErrors = 1 }, all, null);
        }
        all.AddRange(compiled.Diagnostics);
        result = result with { CompileErrors = compiled.Success ? 0 : Math.Max(1, compiled.Diagnostics.Count(d => d.IsError)) };
        if (!compiled.Success) return Finish(result, all, null);

        var provider = new CorpusDataProvider(report, new EmbeddedRows(bytes, entry.FullPath));
        using var cancel = new CancellationTokenSource();
        var parameters = await ParameterChooser.ChooseAsync(report, provider, cancel.Token);
        var input = new RenderInput(report.Name, fileName, bytes, compiled.AssemblyImage, "pdf", parameters, ExecutionTime, "CORPUS\\runner")
        {
            Subreports = CorpusSubreports.Beside(entry.FullPath, report, provider, all),
        };
        RenderOutput output;
        try
        {
            output = await Task.Run(() => RenderEngine.RenderAsync(input, provider, cancel.Token), cancel.Token).WaitAsync(RenderTimeout);
        }
        catch (TimeoutException)
        {
            await cancel.CancelAsync();
            all.Add(RdlDiagnostic.Error("CORPUS-TIMEOUT", $"The render did not finish within {RenderTimeout.TotalSeconds:0} s.", SourceLocation.None));
            return Finish(result with { RenderFailure = "timeout" }, all, provider);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            all.Add(RdlDiagnostic.Error("CORPUS-THROW", $"The render threw {ex.GetType().Name}: {ex.Message}", SourceLocation.None));
            return Finish(result with { RenderFailure = "exception" }, all, provider);
        }
        all.AddRange(output.Diagnostics);
        var renderErrors = output.Diagnostics.Where(d => d.IsError).ToList();
        if (renderErrors.Count > 0 || output.Content.Length == 0)
        {
            return Finish(result with { RenderFailure = renderErrors.FirstOrDefault()?.Code ?? "empty output" }, all, provider);
        }
        var pages = CountPdfPages(output.Content);
        if (pages != output.PageCount)
        {
            all.Add(RdlDiagnostic.Error("CORPUS-PDF", $"The PDF has {pages} pages but the render reported {output.PageCount}.", SourceLocation.None));
            return Finish(result with { RenderFailure = "bad pdf" }, all, provider);
        }
        if (Environment.GetEnvironmentVariable("CORPUS_PDF_DIR") is { Length: > 0 } pdfDirectory)
        {
            Directory.CreateDirectory(pdfDirectory);
            await File.WriteAllBytesAsync(Path.Combine(pdfDirectory, Path.ChangeExtension(entry.RelativePath.Replace('/', '_'), ".pdf")), output.Content);
        }
        return Finish(result with { Rendered = true, Pages = pages }, all, provider);
    }

    private static CorpusFileResult Finish(CorpusFileResult result, List<RdlDiagnostic> all, CorpusDataProvider? provider)
    {
        var first = all.FirstOrDefault(d => d.IsError);
        var sources = provider?.Sources.Values.Distinct().Order().ToList() ?? [];
        return result with
        {
            Warnings = all.Count(d => d.Severity == DiagnosticSeverity.Warning),
            FirstError = first is null ? null : $"{first.Code}: {first.Message}",
            FirstErrorCode = first?.Code,
            Data = sources.Count == 0 ? "-" : string.Join("+", sources),
            Diagnostics = all,
        };
    }

    private static int CountPdfPages(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            return document.NumberOfPages;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return -1;
        }
    }
}
