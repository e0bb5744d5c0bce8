using System.Runtime.CompilerServices;
using Renderer.Host.Sandboxing;

namespace Renderer.Host.Viewer.Sessions;

/// <summary>
/// The data handler of a viewer session's render: answers each dataset request from the session's
/// <see cref="DataSnapshot"/> when it holds that request's rows, otherwise asks the broker's handler and records the
/// rows as they stream to the sandbox. Pages the sandbox sends go to the render's <see cref="SessionRender"/>.
/// </summary>
internal sealed class SessionDataHandler(ISandboxDataHandler broker, DataSnapshot snapshot, SessionRender render) : ISandboxDataHandler
{
    public async Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        if (snapshot.Find(dataSetName, parameters) is { } recorded)
            return SandboxDataResult.FromRows(recorded.Columns, recorded.Rows);
        var live = await broker.ExecuteAsync(dataSetName, parameters, cancellationToken).ConfigureAwait(false);
        if (!live.Success) return live;
        var recording = snapshot.Start(dataSetName, parameters, live.Columns);
        return recording is null ? live : SandboxDataResult.FromRows(live.Columns, Record(live.Rows, recording, cancellationToken));
    }

    public void OnProgress(int pagesDone, int pageCount) => broker.OnProgress(pagesDone, pageCount);

    public void OnPage(int pageIndex, int pageCount, ReadOnlyMemory<byte> content) => render.AddPage(pageIndex, pageCount, content);

    private static async IAsyncEnumerable<object?[]> Record(IAsyncEnumerable<object?[]> rows, RecordedDataSet recording, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            recording.Add(row);
            yield return row;
        }
        recording.Finish();
    }
}
