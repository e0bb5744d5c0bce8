using System.Diagnostics;
using DataBroker.Connectors;
using Microsoft.Extensions.Logging;
using Rdl.Model.Diagnostics;

namespace DataBroker.Queries;

/// <summary>
/// The single-use row stream of a <see cref="DataQueryResult"/>: reads from the connector's row source, enforces
/// <see cref="DataBrokerOptions.MaxRows"/> and the <see cref="RowCheck"/> of each row, turns read failures into scrubbed
/// DAT6003 errors (DAT6012 for a size limit a connector hit), and closes the source at the end.
/// </summary>
internal sealed class StreamingRows(
    IRowSource source,
    string dataSetName,
    SourceLocation location,
    int maxRows,
    RowCheck check,
    SecretScrubber scrubber,
    CancellationToken queryToken,
    ILogger logger) : IAsyncEnumerable<object?[]>, IAsyncDisposable
{
    private int _enumerated;
    private int _disposed;

    public IAsyncEnumerator<object?[]> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException($"The rows of dataset '{dataSetName}' can be enumerated only once; run the query again to read them again.");
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return Enumerate(cancellationToken);
    }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? source.DisposeAsync() : ValueTask.CompletedTask;

    private async IAsyncEnumerator<object?[]> Enumerate(CancellationToken enumerationToken)
    {
        using var linked = enumerationToken.CanBeCanceled && queryToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(enumerationToken, queryToken)
            : null;
        var token = linked?.Token ?? (enumerationToken.CanBeCanceled ? enumerationToken : queryToken);
        var watch = Stopwatch.StartNew();
        var count = 0;
        try
        {
            while (true)
            {
                var row = await ReadAsync(token).ConfigureAwait(false);
                if (row is null) break;
                if (++count > maxRows)
                {
                    var diagnostic = DataDiagnostics.RowLimit(dataSetName, maxRows, location);
                    DataBrokerLog.StreamFailed(logger, dataSetName, diagnostic.Code, diagnostic.Message);
                    throw new DataBrokerException(diagnostic);
                }

                if (check.Check(row) is { } refused)
                {
                    DataBrokerLog.StreamFailed(logger, dataSetName, refused.Code, refused.Message);
                    throw new DataBrokerException(refused);
                }

                yield return row;
            }

            DataBrokerLog.StreamCompleted(logger, dataSetName, count, watch.ElapsedMilliseconds);
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<object?[]?> ReadAsync(CancellationToken token)
    {
        try
        {
            return await source.ReadRowAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw;
        }
        catch (DataLimitException ex)
        {
            var diagnostic = DataDiagnostics.TooLarge(dataSetName, ex.Message, location);
            DataBrokerLog.StreamFailed(logger, dataSetName, diagnostic.Code, diagnostic.Message);
            throw new DataBrokerException(diagnostic);
        }
        catch (Exception ex) when (ex is not DataBrokerException)
        {
            var diagnostic = DataDiagnostics.Failed(dataSetName, scrubber.Scrub(ex.Message), location);
            DataBrokerLog.StreamFailed(logger, dataSetName, diagnostic.Code, diagnostic.Message);
            throw new DataBrokerException(diagnostic);
        }
    }
}
