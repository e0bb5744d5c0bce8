using Microsoft.Extensions.Logging;
using Renderer.Sandbox;
using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// The host's side of one conversation: hello and render request out, then answer DataRequests (streaming columns,
/// rows in batches and an end, or an error) until the sandbox sends RenderResult or RenderFailed. A malformed or
/// unexpected frame is a <see cref="ProtocolException"/> (as are streamed pages out of order or beyond the output size limit); the sandbox going away is an <see cref="EndOfStreamException"/>
/// or <see cref="IOException"/>.
/// </summary>
internal sealed class SandboxConversation(FrameReader reader, FrameWriter writer, ISandboxDataHandler data, ILogger logger, string reportName)
{
    private const int MaxLogText = 2000;

    /// <summary>Runs to the final message (a <see cref="RenderResultMessage"/> or <see cref="RenderFailedMessage"/>).</summary>
    /// <param name="peerHello">For a pre-started sandbox, the read of its Hello (started when it was pooled); null to read it here.</param>
    public async Task<SandboxMessage> RunAsync(RenderInput input, Task? peerHello, CancellationToken cancellationToken)
    {
        await writer.WriteHelloAsync(cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(new RenderRequestMessage(input), cancellationToken).ConfigureAwait(false);
        if (peerHello is null) await reader.ReadHelloAsync(cancellationToken).ConfigureAwait(false);
        else await peerHello.WaitAsync(cancellationToken).ConfigureAwait(false);
        var output = new ResultChunks();
        while (true)
        {
            var message = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new EndOfStreamException("The sandbox closed its output before it answered.");
            switch (message)
            {
                case DataRequestMessage request:
                    await AnswerAsync(request, cancellationToken).ConfigureAwait(false);
                    break;
                case PageReadyMessage page:
                    output.AddPage(page);
                    data.OnPage(page.PageIndex, page.PageCount, page.Content);
                    break;
                case ProgressMessage progress:
                    data.OnProgress(progress.PagesDone, progress.PageCount);
                    break;
                case LogMessage log:
                    // Untrusted text: logged at most at Information and cut to a sane length.
                    logger.Log(log.Level >= SandboxLogLevel.Information ? LogLevel.Information : LogLevel.Debug,
                        "Sandbox ({Report}) {Level}: {Text}", reportName, log.Level, log.Text.Length > MaxLogText ? log.Text[..MaxLogText] + "..." : log.Text);
                    break;
                case ResultChunkMessage chunk:
                    output.Add(chunk.Data);
                    break;
                case RenderResultMessage result:
                    return output.Complete(result);
                case RenderFailedMessage:
                    return message;
                default:
                    throw new ProtocolException($"The sandbox sent an unexpected {message.Type} message.");
            }
        }
    }

    private async Task AnswerAsync(DataRequestMessage request, CancellationToken cancellationToken)
    {
        SandboxDataResult result;
        try
        {
            // WaitAsync: a handler that ignores cancellation cannot hold the render past its time limit.
            result = await data.ExecuteAsync(request.DataSetName, request.Parameters, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The data handler failed for dataset {DataSet} of report {Report}", request.DataSetName, reportName);
            await SendErrorAsync(request, QueryFailed(request), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!result.Success)
        {
            await SendErrorAsync(request, result.ErrorMessage ?? QueryFailed(request), cancellationToken).ConfigureAwait(false);
            return;
        }

        await writer.WriteAsync(new DataColumnsMessage(request.RequestId, result.Columns), cancellationToken).ConfigureAwait(false);
        var error = await StreamRowsAsync(request, result, cancellationToken).ConfigureAwait(false);
        if (error is null) await writer.WriteAsync(new DataEndMessage(request.RequestId), cancellationToken).ConfigureAwait(false);
        else await SendErrorAsync(request, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the rows in batches; returns an error message for the sandbox when the rows could not all be sent.</summary>
    private async Task<string?> StreamRowsAsync(DataRequestMessage request, SandboxDataResult result, CancellationToken cancellationToken)
    {
        var batch = new List<object?[]>(SandboxProtocol.MaxRowsPerFrame);
        long batchBytes = 0;
        var rows = result.Rows.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await rows.MoveNextAsync().ConfigureAwait(false);
                }
                catch (SandboxDataException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning("The rows of dataset {DataSet} of report {Report} were stopped: {Reason}", request.DataSetName, reportName, ex.Message);
                    return ex.Message;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Reading the rows of dataset {DataSet} of report {Report} failed", request.DataSetName, reportName);
                    return QueryFailed(request);
                }
                if (!more) break;

                var row = rows.Current;
                if (row.Length != result.Columns.Count)
                    return $"A row of dataset '{request.DataSetName}' has {row.Length} values for {result.Columns.Count} columns.";
                batch.Add(row);
                batchBytes += row.Sum(ValueCodec.EstimateSize);
                if (batch.Count >= SandboxProtocol.MaxRowsPerFrame || batchBytes >= SandboxProtocol.TargetRowsFrameBytes)
                {
                    if (await SendRowsAsync(request, batch, cancellationToken).ConfigureAwait(false) is { } sendError) return sendError;
                    batchBytes = 0;
                }
            }
            return batch.Count > 0 ? await SendRowsAsync(request, batch, cancellationToken).ConfigureAwait(false) : null;
        }
        finally
        {
            try
            {
                await rows.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Closing the rows of dataset {DataSet} failed", request.DataSetName);
            }
        }
    }

    private async Task<string?> SendRowsAsync(DataRequestMessage request, List<object?[]> batch, CancellationToken cancellationToken)
    {
        try
        {
            // Encoding happens before anything is written, so a value that cannot be encoded leaves the stream intact.
            await writer.WriteAsync(new DataRowsMessage(request.RequestId, [.. batch]), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (NotSupportedException ex)
        {
            return $"Dataset '{request.DataSetName}': {ex.Message}";
        }
        catch (ProtocolException ex)
        {
            return $"Dataset '{request.DataSetName}': {ex.Message}";
        }
        finally
        {
            batch.Clear();
        }
    }

    private Task SendErrorAsync(DataRequestMessage request, string message, CancellationToken cancellationToken) =>
        writer.WriteAsync(new DataErrorMessage(request.RequestId, message), cancellationToken);

    private static string QueryFailed(DataRequestMessage request) => $"The query of dataset '{request.DataSetName}' failed.";
}
