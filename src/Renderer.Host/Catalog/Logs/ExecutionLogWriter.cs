using System.Threading.Channels;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Catalog.Logs;

/// <summary>
/// Writes execution-log rows, and the matching audit entries for renders, off the request path: renders queue their
/// entry and a background loop inserts queued entries in batches, one transaction per batch. <see cref="FlushAsync"/>
/// waits until everything queued so far is stored (queries call it, so a client reads its own renders).
/// </summary>
public sealed class ExecutionLogWriter(CatalogDatabase database, ILogger<ExecutionLogWriter> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(20_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues <paramref name="entry"/>; when the queue is full (the database is far behind) the render waits for room rather than losing it.</summary>
    public ValueTask AppendAsync(ExecutionLogEntry entry, CancellationToken cancellationToken = default) => _queue.Writer.WriteAsync(entry, cancellationToken);

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(flushed, cancellationToken).ConfigureAwait(false);
        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<object>(BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
                await DrainAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: store what is still queued.
            _queue.Writer.TryComplete();
            await DrainAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task DrainAsync(List<object> batch, CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
            if (batch.Count == BatchSize) await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        if (batch.Count > 0) await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(List<object> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            foreach (var entry in batch.OfType<ExecutionLogEntry>())
            {
                await using var command = connection.Command("""
                    INSERT INTO execution_log (item_path, user_name, request_type, format, parameters, time_start, time_end, time_data_retrieval, time_processing, time_rendering, source, status, byte_count, row_count, page_count, peak_memory_kb, additional_info)
                    VALUES (@path, @user, @type, @format, @parameters, @start, @end, @data, @processing, @rendering, @source, @status, @bytes, @rows, @pages, @peak, @info)
                    """, transaction)
                    .With("path", entry.ItemPath).With("user", entry.UserName).With("type", entry.RequestType).With("format", entry.Format)
                    .With("parameters", entry.Parameters).With("start", entry.TimeStart.ToUnixMs()).With("end", entry.TimeEnd.ToUnixMs())
                    .With("data", entry.TimeDataRetrieval).With("processing", entry.TimeProcessing).With("rendering", entry.TimeRendering)
                    .With("source", entry.Source).With("status", entry.Status).With("bytes", entry.ByteCount).With("rows", entry.RowCount)
                    .With("pages", entry.PageCount).With("peak", entry.PeakMemoryKb).With("info", entry.AdditionalInfo);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await using var audit = connection.Command("""
                    INSERT INTO audit_log (at, user_name, action, item_path, client_address, outcome, details) VALUES (@at, @user, @action, @path, @client, @outcome, @details)
                    """, transaction)
                    .With("at", entry.TimeEnd.ToUnixMs()).With("user", entry.UserName).With("action", entry.RequestType == RequestTypes.Export ? "Export" : "Render")
                    .With("path", entry.ItemPath).With("client", entry.ClientAddress).With("outcome", entry.Status).With("details", entry.Format);
                await audit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException e)
        {
            logger.LogError(e, "{Count} execution-log entries could not be stored", batch.OfType<ExecutionLogEntry>().Count());
        }
        finally
        {
            foreach (var flushed in batch.OfType<TaskCompletionSource>()) flushed.TrySetResult();
            batch.Clear();
        }
    }
}
