using Renderer.Sandbox.Data;

namespace Renderer.Sandbox.Protocol;

/// <summary>
/// The sandbox's <see cref="IDataSetProvider"/>: asks the host for a dataset with a DataRequest and collects the
/// DataColumns / DataRows... / DataEnd answer into a <see cref="DataSetRows"/>. A DataError becomes a
/// <see cref="DataSetRequestException"/> with the host's message. Requests are answered one at a time.
/// </summary>
public sealed class ProtocolDataSetProvider(FrameReader reader, FrameWriter writer) : IDataSetProvider
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _lastRequestId;

    public async Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var requestId = ++_lastRequestId;
            await writer.WriteAsync(new DataRequestMessage(requestId, dataSetName, parameters), cancellationToken).ConfigureAwait(false);
            return await ReadAnswerAsync(requestId, dataSetName, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DataSetRows> ReadAnswerAsync(int requestId, string dataSetName, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? columns = null;
        var rows = new List<object?[]>();
        while (true)
        {
            var message = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new EndOfStreamException($"The host closed the connection while dataset '{dataSetName}' was being read.");
            switch (message)
            {
                case DataErrorMessage error when error.RequestId == requestId:
                    throw new DataSetRequestException(dataSetName, error.Message);
                case DataColumnsMessage header when header.RequestId == requestId && columns is null:
                    columns = header.Columns;
                    break;
                case DataRowsMessage batch when batch.RequestId == requestId && columns is not null:
                    foreach (var row in batch.Rows)
                    {
                        if (row.Length != columns.Count)
                            throw new ProtocolException($"A row of dataset '{dataSetName}' has {row.Length} values for {columns.Count} columns.");
                        rows.Add(row);
                    }
                    break;
                case DataEndMessage end when end.RequestId == requestId && columns is not null:
                    return new DataSetRows(columns, rows);
                default:
                    throw new ProtocolException($"Unexpected {message.Type} message while dataset '{dataSetName}' (request {requestId}) was being read.");
            }
        }
    }
}
