namespace Renderer.Sandbox.Protocol;

/// <summary>
/// Writes one message per frame: the frame is built in memory, written in one call and flushed, so the peer sees each
/// message as soon as it is sent. Safe to call from several tasks; frames never interleave.
/// </summary>
public sealed class FrameWriter(Stream stream)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WriteAsync(SandboxMessage message, CancellationToken cancellationToken)
    {
        var writer = new PayloadWriter();
        MessageCodec.Encode(message, writer);
        var frame = writer.CompleteFrame(message.Type);

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task WriteHelloAsync(CancellationToken cancellationToken) => WriteAsync(HelloMessage.Current, cancellationToken);
}
