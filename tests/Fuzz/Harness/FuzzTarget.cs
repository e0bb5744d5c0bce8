using System.Diagnostics;
using Corpus.Tests;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Host.Rendering;
using Renderer.Sandbox;

namespace Renderer.Fuzz.Harness;

/// <summary>
/// Runs one report through the real pipeline in process, as the host and the sandbox do: <see cref="RdlReader"/>, then
/// <see cref="ExpressionCompiler"/> (report and subreports), then <see cref="RenderEngine"/> to PDF, with the corpus
/// runner's data (inline rows, else generated rows) and parameter choices. Then it judges the run: any exception that
/// escapes, an error without a code or a diagnostic without a location is a finding, and so is a render over its budget.
/// </summary>
internal static class FuzzTarget
{
    /// <summary>Every render (from the sandbox's start of work to its PDF; not reading and compiling) may take this long, plus <see cref="BudgetPerPage"/> for each page it produces.</summary>
    public static TimeSpan BaseBudget { get; set; } = TimeSpan.FromSeconds(10);

    public static TimeSpan BudgetPerPage { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A render still running after this long is abandoned (its thread keeps running) and is over budget.</summary>
    public static TimeSpan HardLimit { get; set; } = TimeSpan.FromSeconds(60);

    private static readonly DateTime ExecutionTime = new(2024, 6, 30, 9, 0, 0);

    public static TimeSpan Budget(int pages) => BaseBudget + BudgetPerPage * Math.Max(1, pages);

    public static async Task<FuzzOutcome> RunAsync(FuzzCase fuzzCase)
    {
        var clock = Stopwatch.StartNew();
        var all = new List<RdlDiagnostic>();
        FuzzOutcome Done(FuzzResult result, string stage, string detail, int pages = 0) =>
            Judge(new FuzzOutcome(result, stage, clock.Elapsed.TotalSeconds, pages, detail, all));

        ReportDefinition report;
        try
        {
            var read = RdlReader.Read(fuzzCase.Bytes, fuzzCase.FileName);
            all.AddRange(read.Diagnostics);
            if (!read.Success || read.Report is null) return Done(FuzzResult.Refused, "read", First(all));
            report = read.Report;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Done(FuzzResult.Crash, "read", Describe(ex));
        }

        ExpressionCompilation compiled;
        IReadOnlyList<SubreportImage> subreports;
        var provider = new CorpusDataProvider(report, new EmbeddedRows(fuzzCase.Bytes, Path.Combine(fuzzCase.Folder, fuzzCase.FileName)));
        try
        {
            compiled = ExpressionCompiler.Compile(report, fuzzCase.FileName);
            all.AddRange(compiled.Diagnostics);
            if (!compiled.Success) return Done(FuzzResult.Refused, "compile", First(all));
            subreports = Subreports(fuzzCase, report, provider, all);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Done(FuzzResult.Crash, "compile", Describe(ex));
        }

        using var cancel = new CancellationTokenSource();
        var render = Stopwatch.StartNew();
        RenderOutput output;
        try
        {
            var parameters = await ParameterChooser.ChooseAsync(report, provider, cancel.Token);
            var input = new RenderInput(report.Name, fuzzCase.FileName, fuzzCase.Bytes, compiled.AssemblyImage, "pdf", parameters, ExecutionTime, "FUZZ\\runner")
            {
                Subreports = subreports,
            };
            render.Restart();
            output = await Task.Run(() => RenderEngine.RenderAsync(input, provider, cancel.Token), cancel.Token).WaitAsync(HardLimit);
        }
        catch (TimeoutException)
        {
            await cancel.CancelAsync();
            return Done(FuzzResult.OverBudget, "render", $"The render did not finish within {HardLimit.TotalSeconds:0} s.");
        }
        catch (Exception ex)
        {
            return Done(FuzzResult.Crash, "render", Describe(ex));
        }
        all.AddRange(output.Diagnostics);
        var seconds = render.Elapsed.TotalSeconds;
        if (output.Diagnostics.Any(d => d.IsError)) return Done(FuzzResult.Refused, "render", First(output.Diagnostics));
        if (output.Content.Length == 0 || output.PageCount < 1) return Done(FuzzResult.Crash, "render", "The render succeeded with no PDF or no page.");
        var budget = Budget(output.PageCount);
        if (seconds > budget.TotalSeconds)
            return Done(FuzzResult.OverBudget, "render", $"{output.PageCount} page(s) took {seconds:0.0} s (budget {budget.TotalSeconds:0} s).", output.PageCount);
        return Done(FuzzResult.Rendered, "render", $"{output.PageCount} page(s)", output.PageCount);
    }

    /// <summary>A diagnostic has a location when it names a line of the RDL or the object (item, group, dataset) it concerns.</summary>
    public static bool HasLocation(RdlDiagnostic diagnostic) => diagnostic.Location.IsKnown || !string.IsNullOrEmpty(diagnostic.ObjectPath);

    /// <summary>Turns a refused or rendered run into a finding when one of its diagnostics lacks a code or a location.</summary>
    private static FuzzOutcome Judge(FuzzOutcome outcome)
    {
        if (outcome.IsFinding) return outcome;
        if (outcome.Diagnostics.FirstOrDefault(d => string.IsNullOrWhiteSpace(d.Code)) is { } uncoded)
            return outcome with { Result = FuzzResult.Crash, Detail = $"A diagnostic has no code: {uncoded}" };
        if (outcome.Diagnostics.FirstOrDefault(d => !HasLocation(d)) is { } unlocated)
            return outcome with { Result = FuzzResult.NoLocation, Detail = unlocated.ToString() };
        return outcome;
    }

    /// <summary>The subreports the report names, read beside it (or from the case's overrides) and compiled, as the host does.</summary>
    private static List<SubreportImage> Subreports(FuzzCase fuzzCase, ReportDefinition report, CorpusDataProvider provider, List<RdlDiagnostic> all)
    {
        var resolution = SubreportResolver.Resolve(Path.GetFileNameWithoutExtension(fuzzCase.FileName), report, name =>
        {
            if (fuzzCase.Subreport(name) is not { } bytes) return null;
            var read = RdlReader.Read(bytes, name + ".rdl");
            all.AddRange(read.Diagnostics);
            return read.Success && read.Report is not null ? new ResolvedSubreport(name, name + ".rdl", bytes, read.Report) : null;
        });
        all.AddRange(resolution.Diagnostics.Select(d => d.IsError ? d with { Severity = DiagnosticSeverity.Warning } : d));
        var images = new List<SubreportImage>();
        foreach (var subreport in resolution.Subreports)
        {
            var compiled = ExpressionCompiler.Compile(subreport.Definition, subreport.FileName);
            all.AddRange(compiled.Diagnostics.Select(d => d.IsError ? d with { Severity = DiagnosticSeverity.Warning } : d));
            if (!compiled.Success) continue;
            images.Add(new SubreportImage(subreport.Name, subreport.FileName, subreport.Bytes, compiled.AssemblyImage));
            provider.Subreports[subreport.Name] = new CorpusDataProvider(subreport.Definition, new EmbeddedRows(subreport.Bytes, Path.Combine(fuzzCase.Folder, subreport.FileName)));
        }
        return images;
    }

    private static string First(IEnumerable<RdlDiagnostic> diagnostics) =>
        diagnostics.FirstOrDefault(d => d.IsError)?.ToString() ?? "no error diagnostic";

    private static string Describe(Exception ex)
    {
        var frame = ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("Renderer.") || l.Contains("Rdl.")) ?? "";
        return $"{ex.GetType().Name}: {ex.Message} {frame}";
    }
}
