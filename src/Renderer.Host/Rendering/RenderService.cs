using System.Collections.Immutable;
using DataBroker.Queries;
using Microsoft.Extensions.Options;
using Rdl.Model.Diagnostics;
using Rdl.Model.Definitions;
using Renderer.Host.Catalog;
using Renderer.Host.Expressions;
using Renderer.Host.Sandboxing;
using Renderer.Sandbox;
using Renderer.Contracts.Formats;

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
    ISubreportSource defaultSubreports,
    RenderAdmission admission,
    IOptions<CsvExportOptions> csv,
    ILogger<RenderService> logger,
    Infrastructure.Telemetry.RendererMetrics? metrics = null,
    Security.DataSecurity.SharedDataSetBinder? sharedDataSets = null)
{
    /// <summary>The render was refused because every render slot is busy and the queue is full (or the wait ran out).</summary>
    public const string ServerBusy = DiagnosticCodes.Server.ServerBusy;

    public Task<RenderResult> RenderAsync(
        CatalogEntry entry,
        string format,
        IEnumerable<KeyValuePair<string, string?[]>> parameters,
        string userId,
        CancellationToken cancellationToken)
        => RenderAsync(entry, format, parameters, userId, serverUrl: null, defaultSubreports, cancellationToken);

    public Task<RenderResult> RenderAsync(
        CatalogEntry entry,
        string format,
        IEnumerable<KeyValuePair<string, string?[]>> parameters,
        string userId,
        string? serverUrl,
        CancellationToken cancellationToken)
        => RenderAsync(entry, format, parameters, userId, serverUrl, defaultSubreports, cancellationToken);

    /// <param name="serverUrl">
    /// Absolute base URL of this server as clients reach it (Globals!ReportServerUrl); drillthrough actions link to its
    /// render endpoint. Null writes no drillthrough links.
    /// </param>
    /// <param name="subreportSource">Where the report's Subreport items are looked up; null for the server's default source.</param>
    /// <param name="progress">Told the pages done as the sandbox composes them (at most twice a second; nothing for a short render).</param>
    public async Task<RenderResult> RenderAsync(
        CatalogEntry entry,
        string format,
        IEnumerable<KeyValuePair<string, string?[]>> parameters,
        string userId,
        string? serverUrl,
        ISubreportSource? subreportSource,
        CancellationToken cancellationToken,
        IProgress<PageProgress>? progress = null,
        string? userLanguage = null,
        InteractiveRender? interactive = null,
        DataBroker.Security.EffectiveIdentity? identity = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (OutputFormats.Find(format) is null)
        {
            return RenderResult.Failed(RenderFailure.BadRequest,
                [RdlDiagnostic.Error(DiagnosticCodes.Server.UnsupportedFormat, $"The format '{format}' is not supported; use one of: {string.Join(", ", OutputFormats.Names)}.", SourceLocation.None)]);
        }
        var bag = new DiagnosticBag();
        var typed = ParameterParser.Parse(entry.Definition, parameters, bag);
        if (bag.HasErrors) return RenderResult.Failed(RenderFailure.BadRequest, bag.ToImmutable());

        var compiled = await compiler.GetOrCompileAsync(entry.Bytes, entry.Definition, entry.FileName);
        if (!compiled.Success) return RenderResult.Failed(RenderFailure.ReportError, compiled.Diagnostics);

        var source = subreportSource ?? defaultSubreports;
        var subreports = await ResolveSubreportsAsync(entry, source);
        if (!subreports.Success) return RenderResult.Failed(RenderFailure.ReportError, subreports.Diagnostics);
        // External images are resolved here, on the trusted side, and travel with the request: the sandbox fetches nothing.
        var images = ExternalImageResolver.Prepare([entry.Definition, .. subreports.Definitions.Values], source.ExternalImages);
        subreports = subreports with { Diagnostics = subreports.Diagnostics.AddRange(images.Diagnostics) };

        var input = new RenderInput(entry.Name, entry.FileName, entry.Bytes, compiled.AssemblyImage, format.ToLowerInvariant(), typed, interactive?.ExecutionTime ?? DateTime.Now, userId)
        {
            WasmModules = compiled.WasmModules,
            WasmLimits = compiled.WasmLimits,
            ReportServerUrl = serverUrl,
            Subreports = subreports.Images,
            ExternalImages = images.Images,
            ImageFolder = images.Folder,
            ProtectCsvFormulas = csv.Value.ProtectFormulas,
            UserLanguage = string.IsNullOrEmpty(userLanguage) ? "en-US" : userLanguage,
            ToggledItems = interactive?.ToggledItems ?? [],
            UserSorts = interactive?.UserSorts ?? [],
            StreamPages = interactive?.StreamPages ?? false,
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
        BrokerDataHandler handler;
        try
        {
            (result, handler) = await RunAsync(entry, input, subreports, progress, interactive, identity ?? EffectiveIdentityOf(userId), cancellationToken);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
        // The slot is free once the sandbox has exited, so the heap limits of live sandboxes stay within the budget.
        if (result.ProcessExit is { } exit) _ = exit.ContinueWith(_ => lease.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        else lease.Dispose();
        var timings = RenderTimings.From(System.Diagnostics.Stopwatch.GetElapsedTime(started), handler.DataTime,
            result.Output?.ProcessingMilliseconds ?? 0, result.Output?.RenderingMilliseconds ?? 0, handler.RowCount);
        var finished = Finish(entry, compiled, subreports, result);
        return finished with { Timings = timings, PeakMemoryBytes = result.Output?.PeakMemoryBytes ?? 0 };
    }

    /// <summary>
    /// Runs the sandbox with the broker answering its data requests. The broker sees the report under its catalog path
    /// when it has one, so data-source restrictions (AllowedReports) match paths and folders, not a name anyone can reuse.
    /// </summary>
    private async Task<(SandboxResult, BrokerDataHandler)> RunAsync(CatalogEntry entry, RenderInput input, PreparedSubreports subreports, IProgress<PageProgress>? progress, InteractiveRender? interactive, DataBroker.Security.EffectiveIdentity user, CancellationToken cancellationToken)
    {
        var identity = entry.CatalogPath is { } path ? entry.Definition with { Name = path } : entry.Definition;
        // The effective identity and the shared datasets the report and its subreports bind to: the broker applies their
        // queries and row-level and object-level security, and refuses a report's own query on a protected source.
        var access = sharedDataSets is null
            ? new DataBroker.Security.DataAccess(user)
            : await sharedDataSets.BindAsync(user, identity, entry.CatalogPath, subreports.Definitions, cancellationToken);
        // One data budget for all of this render's queries (the report's, its prefetch's and its subreports').
        var budget = broker.CreateRenderBudget();
        // A render fed from a session's snapshot runs no query, so nothing is fetched ahead.
        await using var prefetch = interactive?.ReplaysData == true ? null : DataSetPrefetch.Start(broker, identity, budget, cancellationToken);
        var handler = new BrokerDataHandler(broker, identity, subreports.Definitions, prefetch, budget, progress, access);
        ISandboxDataHandler data = interactive?.WrapData is { } wrap ? wrap(handler) : handler;
        return (await launcher.RenderAsync(input, data, cancellationToken), handler);
    }

    /// <summary>A user known only by name (a subscription's owner, the command line): matched by their <c>user:</c> principal.</summary>
    private static DataBroker.Security.EffectiveIdentity EffectiveIdentityOf(string userId) =>
        DataBroker.Security.EffectiveIdentity.ForUser(userId, [Security.Identity.Principal.User(userId)]);

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
            if (result.Outcome is not (SandboxOutcome.Completed or SandboxOutcome.RenderFailed)) metrics?.RecordSandboxKill(result.Outcome.ToString());
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

    /// <summary>The subreports of <paramref name="entry"/> from <paramref name="source"/>, each compiled (through the cache); one that does not compile is left out with a warning.</summary>
    private async Task<PreparedSubreports> ResolveSubreportsAsync(CatalogEntry entry, ISubreportSource source)
    {
        var resolution = SubreportResolver.Resolve(entry.Name, entry.Definition, source.Find);
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

/// <summary>
/// What a render for the browser viewer adds: the drilldown toggles and interactive sorts the user chose, pages sent as
/// they are written, and a wrapper around the broker's data handler (a session records the rows the first render
/// received and feeds them to later renders; <see cref="ReplaysData"/> then skips the prefetch of queries).
/// </summary>
public sealed record InteractiveRender(
    IReadOnlyList<string> ToggledItems,
    IReadOnlyList<Renderer.Sandbox.UserSortState> UserSorts,
    bool StreamPages,
    Func<ISandboxDataHandler, ISandboxDataHandler>? WrapData = null,
    bool ReplaysData = false,
    DateTime? ExecutionTime = null);

/// <summary>How far a render has got: pages composed so far of the report's page count.</summary>
public readonly record struct PageProgress(int PagesDone, int PageCount);
