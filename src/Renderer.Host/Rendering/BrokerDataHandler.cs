using System.Runtime.CompilerServices;
using DataBroker.Queries;
using Rdl.Model.Definitions;
using Renderer.Host.Sandboxing;
using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Rendering;

/// <summary>
/// Answers one render's dataset requests from the sandbox with the data broker. The report definition comes from the
/// host's own catalog, never from the sandbox, so the broker checks requests against what the report really declares.
/// A request for a subreport's dataset (<see cref="SubreportDataSetName"/>) is checked against, and run with the data
/// sources of, that subreport's own definition as the host resolved it for this render; a subreport the render does not
/// use is refused. A request the render's <see cref="DataSetPrefetch"/> already ran gets the prefetched rows. Every
/// query is charged to the render's one <see cref="RenderDataBudget"/>; a stream the broker stops (a size limit, a
/// secret in a value) reaches the sandbox with the broker's diagnostic.
/// </summary>
internal sealed class BrokerDataHandler(
    IQueryRunner broker,
    ReportDefinition report,
    IReadOnlyDictionary<string, ReportDefinition>? subreports = null,
    DataSetPrefetch? prefetch = null,
    RenderDataBudget? budget = null,
    IProgress<PageProgress>? progress = null,
    DataBroker.Security.DataAccess? access = null)
    : ISandboxDataHandler
{
    private readonly RenderDataBudget _budget = budget ?? broker.CreateRenderBudget();
    private long _dataTicks;
    private long _rowCount;

    /// <summary>Time spent getting data for the sandbox: running queries and reading their rows (TimeDataRetrieval).</summary>
    public TimeSpan DataTime => System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _dataTicks));

    /// <summary>Rows handed to the sandbox.</summary>
    public long RowCount => Interlocked.Read(ref _rowCount);

    public void OnProgress(int pagesDone, int pageCount) => progress?.Report(new PageProgress(pagesDone, pageCount));

    public async Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await ExecuteTimedAsync(dataSetName, parameters, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Add(ref _dataTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
        }
    }

    private async Task<SandboxDataResult> ExecuteTimedAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var target = report;
        if (SubreportDataSetName.TryParse(dataSetName, out var subreport, out var dataSet))
        {
            if (subreports is null || !subreports.TryGetValue(subreport, out var definition))
                return SandboxDataResult.Failed($"DAT6002: This render has no subreport '{subreport}'.");
            (target, dataSetName) = (definition, dataSet);
        }
        else if (prefetch is not null && await prefetch.TryTakeAsync(dataSetName, parameters) is { } prefetched)
        {
            if (!prefetched.Result.Success) return Failed(prefetched.Result);
            return SandboxDataResult.FromRows(prefetched.Result.Columns, Translate(prefetched.Rows, cancellationToken));
        }
        var result = await broker.ExecuteAsync(target, dataSetName, parameters, _budget, access, cancellationToken);
        if (!result.Success)
        {
            await result.DisposeAsync();
            return Failed(result);
        }
        return SandboxDataResult.FromRows(result.Columns, Stream(result, cancellationToken));
    }

    private static SandboxDataResult Failed(DataQueryResult result) =>
        SandboxDataResult.Failed(string.Join(" ", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code}: {d.Message}")));

    private async IAsyncEnumerable<object?[]> Stream(DataQueryResult result, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (result)
        {
            await foreach (var row in Translate(result.Rows, cancellationToken))
                yield return row;
        }
    }

    /// <summary>
    /// The rows, with the broker's stop (<see cref="DataBrokerException"/>) turned into a message for the sandbox; the time
    /// spent reading each row is added to <see cref="DataTime"/> and the rows are counted.
    /// </summary>
    private async IAsyncEnumerable<object?[]> Translate(IAsyncEnumerable<object?[]> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                if (!await enumerator.MoveNextAsync()) yield break;
            }
            catch (DataBrokerException ex)
            {
                throw new SandboxDataException($"{ex.Diagnostic.Code}: {ex.Diagnostic.Message}");
            }
            finally
            {
                Interlocked.Add(ref _dataTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
            }
            Interlocked.Increment(ref _rowCount);
            yield return enumerator.Current;
        }
    }
}
