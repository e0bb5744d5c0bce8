using System.Collections.Immutable;
using DataBroker.Queries;
using Microsoft.Extensions.Options;
using Rdl.Model.Diagnostics;
using Rdl.Model.Definitions;
using Renderer.Host.Catalog;
using Renderer.Host.Expressions;
using Renderer.Host.Sandboxing;
using Renderer.Sandbox;

namespace Renderer.Host.Rendering;

/// <summary>
/// One render, end to end on the trusted side: check the format and parameters, get the compiled expressions (cached),
/// resolve and compile the subreports it uses (<see cref="SubreportResolver"/>), start a fresh sandbox and answer its data
/// requests (the report's and its subreports') through the broker. Each render holds a slot of <see cref="RenderAdmission"/>
/// from just before its data is fetched until its sandbox process has exited; a render that gets no slot fails with
/// <see cref="RenderFailure.Busy"/> (SRV8100).
/// </summary>
public sealed class RenderService(
    CompilationCache compiler,
    SandboxLauncher launcher,
    IQueryRunner broker,
    ReportCatalog catalog,
    RenderAdmission admission,
    IOptions<CsvExportOptions> csv,
    ILogger<RenderService> logger)
{
    /// <summary>The render was refused because every render slot is busy and the queue is full (or the wait ran out).</summary>
    public const string ServerBusy = "SRV8100";

    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "pdf", "xlsx", "csv", "docx" };

    public Task<RenderResult> RenderAsync(
        CatalogEntry entry,
        string format,
        IEnumerable<KeyValuePair<string, string?[]>> parameters,
        string userId,
        CancellationToken cancellationToken)
        => RenderAsync(entry, format, parameters, userId, serverUrl: null, cancellationToken);

    /// <param name="serverUrl">
    /// Absolute base URL of this server as clients reach it (Globals!ReportServerUrl); drillthrough actions link to its
    /// render endpoint. Null writes no drillthrough links.
    /// </param>
    public async Task<RenderResult> RenderAsync(
        CatalogEntry entry,
        string format,
        IEnumerable<KeyValuePair<string, string?[]>> parameters,
        string userId,
        string? serverUrl,
        CancellationToken cancellationToken)
    {
        if (!Formats.Contains(format))
        {
            return RenderResult.Failed(RenderFailure.BadRequest,
                [RdlDiagnostic.Error("PRM8004", $"The format '{format}' is not supported; use one of: {string.Join(", ", Formats)}.", SourceLocation.None)]);
        }
        var bag = new DiagnosticBag();
        var typed = ParameterParser.Parse(entry.Definition, parameters, bag);
        if (bag.HasErrors) return RenderResult.Failed(RenderFailure.BadRequest, bag.ToImmutable());

        var compiled = await compiler.GetOrCompileAsync(entry.Bytes, entry.Definition, entry.FileName);
        if (!compiled.Success) return RenderResult.Failed(RenderFailure.ReportError, compiled.Diagnostics);

        var subreports = await ResolveSubreportsAsync(entry);
        if (!subreports.Success) return RenderResult.Failed(RenderFailure.ReportError, subreports.Diagnostics);

        var input = new RenderInput(entry.Name, entry.FileName, entry.Bytes, compiled.AssemblyImage, format.ToLowerInvariant(), typed, DateTime.Now, userId)
        {
            WasmModules = compiled.WasmModules,
            WasmLimits = compiled.WasmLimits,
            ReportServerUrl = serverUrl,
            Subreports = subreports.Images,
            ProtectCsvFormulas = csv.Value.ProtectFormulas,
        };
        var lease = await admission.TryEnterAsync(cancellationToken);
        if (lease is null)
        {
            logger.LogWarning("Render of {Report} refused: {Running} renders running and {Queued} waiting (limit {Limit}, queue {MaxQueued})",
                entry.Name, admission.Running, admission.QueueLength, admission.Limit, admission.MaxQueued);
            return RenderResult.Failed(RenderFailure.Busy, [RdlDiagnostic.Error(ServerBusy,
                $"The server is busy ({admission.Limit} renders running, {admission.MaxQueued} waiting); try again in {admission.RetryAfterSeconds} s.",
                SourceLocation.None)]) with { RetryAfterSeconds = admission.RetryAfterSeconds };
        }
        SandboxResult result;
        try
        {
            result = await RunAsync(entry, input, subreports, cancellationToken);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
        // The slot is free once the sandbox has exited, so the heap limits of live sandboxes stay within the budget.
        if (result.ProcessExit is { } exit) _ = exit.ContinueWith(_ => lease.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        else lease.Dispose();
        return Finish(entry, compiled, subreports, result);
    }

    private async Task<SandboxResult> RunAsync(CatalogEntry entry, RenderInput input, PreparedSubreports subreports, CancellationToken cancellationToken)
    {
        // One data budget for all of this render's queries (the report's, its prefetch's and its subreports').
        var budget = broker.CreateRenderBudget();
        await using var prefetch = DataSetPrefetch.Start(broker, entry.Definition, budget, cancellationToken);
        var handler = new BrokerDataHandler(broker, entry.Definition, subreports.Definitions, prefetch, budget);
        return await launcher.RenderAsync(input, handler, cancellationToken);
    }

    private RenderResult Finish(CatalogEntry entry, ExpressionCompilation compiled, PreparedSubreports subreports, SandboxResult result)
    {
        if (!result.Success)
        {
            logger.LogWarning("Render of {Report} ended with {Outcome} (exit code {ExitCode}); sandbox stderr: {Stderr}", entry.Name, result.Outcome, result.ExitCode, result.StandardErrorTail);
            var failure = result.Outcome switch
            {
                SandboxOutcome.TimedOut => RenderFailure.Timeout,
                SandboxOutcome.Completed => RenderFailure.ReportError,
                _ => RenderFailure.SandboxFailure,
            };
            return RenderResult.Failed(failure, result.Diagnostics);
        }
        var output = result.Output!;
        var diagnostics = compiled.Diagnostics.Where(d => !d.IsError).ToImmutableArray().AddRange(subreports.Diagnostics).AddRange(output.Diagnostics);
        if (output.Diagnostics.Any(d => d.IsError) || output.Content.Length == 0)
            return RenderResult.Failed(RenderFailure.ReportError, diagnostics);
        return new RenderResult(RenderFailure.None, output.Content, output.ContentType, output.PageCount, diagnostics)
        {
            PeakMemoryBytes = output.PeakMemoryBytes,
        };
    }

    /// <summary>The subreports of <paramref name="entry"/> from the catalog, each compiled (through the cache); one that does not compile is left out with a warning.</summary>
    private async Task<PreparedSubreports> ResolveSubreportsAsync(CatalogEntry entry)
    {
        var resolution = SubreportResolver.Resolve(entry.Name, entry.Definition,
            name => catalog.TryGet(name, out var found) ? new ResolvedSubreport(found.Name, found.FileName, found.Bytes, found.Definition) : null);
        var diagnostics = resolution.Diagnostics.ToBuilder();
        var images = new List<SubreportImage>();
        var definitions = new Dictionary<string, ReportDefinition>(StringComparer.OrdinalIgnoreCase);
        if (!resolution.Success) return new PreparedSubreports(false, images, definitions, diagnostics.ToImmutable());
        foreach (var subreport in resolution.Subreports)
        {
            var compiled = await compiler.GetOrCompileAsync(subreport.Bytes, subreport.Definition, subreport.FileName);
            if (!compiled.Success)
            {
                diagnostics.Add(RdlDiagnostic.Warning(SubreportResolver.NotFound,
                    $"The expressions of subreport '{subreport.Name}' do not compile; it shows \"Error: Subreport could not be shown.\".",
                    new SourceLocation(subreport.FileName, 0, 0)));
                continue;
            }
            images.Add(new SubreportImage(subreport.Name, subreport.FileName, subreport.Bytes, compiled.AssemblyImage));
            definitions[subreport.Name] = subreport.Definition;
        }
        return new PreparedSubreports(true, images, definitions, diagnostics.ToImmutable());
    }

    private sealed record PreparedSubreports(
        bool Success, IReadOnlyList<SubreportImage> Images, IReadOnlyDictionary<string, ReportDefinition> Definitions, ImmutableArray<RdlDiagnostic> Diagnostics);
}
