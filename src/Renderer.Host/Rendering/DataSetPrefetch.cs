using System.Threading.Channels;
using DataBroker.Queries;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;

namespace Renderer.Host.Rendering;

/// <summary>
/// Runs a report's datasets as the render starts, as SSRS does at the start of processing, so their queries run on the
/// trusted side while the sandbox reads the report: datasets whose query takes no parameters (nothing from the sandbox
/// goes into them) are executed through the broker, which checks and logs them as any request, and their first rows
/// are read ahead into a bounded buffer. When the sandbox then asks for such a dataset (without parameters, the first
/// time), it gets the prefetched rows; any other request goes to the broker as before. Disposing cancels what was not
/// taken and closes its query.
/// </summary>
internal sealed class DataSetPrefetch : IAsyncDisposable
{
    /// <summary>Most datasets prefetched per render.</summary>
    public const int MaxDataSets = 4;

    /// <summary>Rows read ahead per dataset before the sandbox asks; the rest stream as the sandbox reads.</summary>
    public const int ReadAheadRows = 16_384;

    private readonly Dictionary<string, Task<Prefetched>> _started = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Task<Prefetched>> _all = [];
    private readonly CancellationTokenSource _cancel;
    private readonly Lock _lock = new();

    private DataSetPrefetch(CancellationToken cancellationToken) =>
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

    /// <summary>Starts the queries of the eligible datasets of <paramref name="report"/> (see <see cref="IsEligible"/>), charged to the render's <paramref name="budget"/>.</summary>
    public static DataSetPrefetch Start(IQueryRunner broker, ReportDefinition report, RenderDataBudget budget, CancellationToken cancellationToken)
    {
        var prefetch = new DataSetPrefetch(cancellationToken);
        foreach (var dataSet in report.DataSets.Where(IsEligible).Take(MaxDataSets))
        {
            var name = dataSet.Name;
            var token = prefetch._cancel.Token;
            var started = Task.Run(async () =>
            {
                var result = await broker.ExecuteAsync(report, name, EmptyParameters, budget, token).ConfigureAwait(false);
                return new Prefetched(result, result.Success ? new PrefetchedRows(result, token) : null);
            });
            prefetch._started[name] = started;
            prefetch._all.Add(started);
        }
        return prefetch;
    }

    /// <summary>A dataset with its own query that takes no parameters (shared and inline datasets are left to the sandbox's request).</summary>
    public static bool IsEligible(DataSetDefinition dataSet) =>
        dataSet.SharedDataSetReference is null && dataSet.InlineRows is null
        && dataSet.Query.Parameters.IsEmpty && !string.IsNullOrWhiteSpace(dataSet.Query.CommandText);

    /// <summary>Names of the datasets being prefetched (for tests and logs).</summary>
    public IReadOnlyCollection<string> DataSetNames => _started.Keys;

    /// <summary>
    /// The prefetched result of <paramref name="dataSetName"/> when it was prefetched, not yet taken, and the request
    /// carries no parameters; null otherwise (the caller asks the broker).
    /// </summary>
    public async Task<PrefetchedDataSet?> TryTakeAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters)
    {
        Task<Prefetched>? started;
        lock (_lock)
        {
            if (parameters.Count > 0 || !_started.Remove(dataSetName, out started)) return null;
        }
        var prefetched = await started.ConfigureAwait(false);
        return new PrefetchedDataSet(prefetched.Result, prefetched.Rows?.ReadAllAsync() ?? prefetched.Result.Rows);
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync().ConfigureAwait(false);
        Task<Prefetched>[] all;
        lock (_lock)
        {
            all = [.. _all];
            _started.Clear();
        }
        foreach (var task in all)
        {
            try
            {
                var prefetched = await task.ConfigureAwait(false);
                if (prefetched.Rows is { } rows) await rows.DisposeAsync().ConfigureAwait(false);
                else await prefetched.Result.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A prefetch nobody asked for, or cancelled with the render: its failure is nobody's error (a request
                // for it would have reached the sandbox as the broker's error, and been logged there).
            }
        }
        _cancel.Dispose();
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyParameters = new Dictionary<string, object?>();

    /// <summary>A started query: its result and, when it succeeded, the rows being read ahead (which own the result).</summary>
    private sealed record Prefetched(DataQueryResult Result, PrefetchedRows? Rows);

    /// <summary>Reads a result's rows ahead into a bounded buffer on a background task; enumerating it yields them in order, then the read's error if any.</summary>
    private sealed class PrefetchedRows : IAsyncDisposable
    {
        private readonly Channel<object?[]> _buffer = Channel.CreateBounded<object?[]>(
            new BoundedChannelOptions(ReadAheadRows) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

        private readonly Task _reading;

        public PrefetchedRows(DataQueryResult result, CancellationToken cancellationToken) =>
            _reading = Task.Run(() => ReadAsync(result, cancellationToken));

        public IAsyncEnumerable<object?[]> ReadAllAsync() => _buffer.Reader.ReadAllAsync();

        private async Task ReadAsync(DataQueryResult result, CancellationToken cancellationToken)
        {
            Exception? error = null;
            try
            {
                await using (result)
                {
                    await foreach (var row in result.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                        await _buffer.Writer.WriteAsync(row, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                error = ex;
            }
            _buffer.Writer.TryComplete(error);
        }

        /// <summary>Waits for the background read to end (the caller has cancelled it) and so for the query to close.</summary>
        public async ValueTask DisposeAsync()
        {
            await _reading.ConfigureAwait(false);
            _buffer.Writer.TryComplete();
        }
    }
}

/// <summary>A prefetched broker result: its columns and diagnostics, and the rows read ahead (none when the query failed).</summary>
internal sealed record PrefetchedDataSet(DataQueryResult Result, IAsyncEnumerable<object?[]> Rows);
