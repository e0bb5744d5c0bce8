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
    private long _pageBytes;
    private int _pagesSent;
    private int _pageCount = -1;

    public void Add(ReadOnlyMemory<byte> chunk)
    {
        _length += chunk.Length;
        CheckSize();
        _chunks.Add(chunk);
    }

    /// <summary>
    /// Counts a streamed page against the output size limit and checks it comes in order: pages 0, 1, 2 ... of one page
    /// count, none after the last.
    /// </summary>
    public void AddPage(PageReadyMessage page)
    {
        if (_pageCount < 0) _pageCount = page.PageCount;
        if (page.PageIndex != _pagesSent || page.PageCount != _pageCount || page.PageIndex >= _pageCount)
            throw new ProtocolException($"The sandbox sent page {page.PageIndex} of {page.PageCount} where page {_pagesSent} of {_pageCount} was due.");
        _pagesSent++;
        _pageBytes += page.Content.Length;
        CheckSize();
    }

    private void CheckSize()
    {
        if (_length + _pageBytes > Array.MaxLength)
            throw new ProtocolException($"The sandbox's output is larger than {Array.MaxLength:N0} bytes.");
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
