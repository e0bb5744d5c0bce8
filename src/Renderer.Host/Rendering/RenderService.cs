using System.Collections.Immutable;
using DataBroker.Queries;
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
/// requests (the report's and its subreports') through the broker.
/// </summary>
public sealed class RenderService(CompilationCache compiler, SandboxLauncher launcher, IQueryRunner broker, ReportCatalog catalog, ILogger<RenderService> logger)
{
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

        var compiled = compiler.GetOrCompile(entry.Bytes, entry.Definition, entry.FileName);
        if (!compiled.Success) return RenderResult.Failed(RenderFailure.ReportError, compiled.Diagnostics);

        var subreports = ResolveSubreports(entry);
        if (!subreports.Success) return RenderResult.Failed(RenderFailure.ReportError, subreports.Diagnostics);

        var input = new RenderInput(entry.Name, entry.FileName, entry.Bytes, compiled.AssemblyImage, format.ToLowerInvariant(), typed, DateTime.Now, userId)
        {
            WasmModules = compiled.WasmModules,
            WasmLimits = compiled.WasmLimits,
            ReportServerUrl = serverUrl,
            Subreports = subreports.Images,
        };
        var budget = broker.CreateRenderBudget();
        await using var prefetch = DataSetPrefetch.Start(broker, entry.Definition, budget, cancellationToken);
        var handler = new BrokerDataHandler(broker, entry.Definition, subreports.Definitions, prefetch, budget);
        var result = await launcher.RenderAsync(input, handler, cancellationToken);
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
    private PreparedSubreports ResolveSubreports(CatalogEntry entry)
    {
        var resolution = SubreportResolver.Resolve(entry.Name, entry.Definition,
            name => catalog.TryGet(name, out var found) ? new ResolvedSubreport(found.Name, found.FileName, found.Bytes, found.Definition) : null);
        var diagnostics = resolution.Diagnostics.ToBuilder();
        var images = new List<SubreportImage>();
        var definitions = new Dictionary<string, ReportDefinition>(StringComparer.OrdinalIgnoreCase);
        if (!resolution.Success) return new PreparedSubreports(false, images, definitions, diagnostics.ToImmutable());
        foreach (var subreport in resolution.Subreports)
        {
            var compiled = compiler.GetOrCompile(subreport.Bytes, subreport.Definition, subreport.FileName);
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
