using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// Collects the output a sandbox sends in <see cref="ResultChunkMessage"/>s and joins it to the
/// <see cref="RenderResultMessage"/> that ends them. A result that carries content itself must not follow chunks.
/// </summary>
internal sealed class ResultChunks
{
    private readonly List<ReadOnlyMemory<byte>> _chunks = [];
    private long _length;

    public void Add(ReadOnlyMemory<byte> chunk)
    {
        _length += chunk.Length;
        if (_length > Array.MaxLength)
            throw new ProtocolException($"The sandbox's output is larger than {Array.MaxLength:N0} bytes.");
        _chunks.Add(chunk);
    }

    /// <summary>The result with the chunks as its content (unchanged when no chunks came).</summary>
    public RenderResultMessage Complete(RenderResultMessage result)
    {
        if (_chunks.Count == 0) return result;
        if (result.Output.Content.Length > 0)
            throw new ProtocolException("The sandbox sent its output both in chunks and in the result.");
        var content = new byte[_length];
        var offset = 0;
        foreach (var chunk in _chunks)
        {
            chunk.Span.CopyTo(content.AsSpan(offset));
            offset += chunk.Length;
        }
        _chunks.Clear();
        return new RenderResultMessage(result.Output with { Content = content });
    }
}
