namespace Renderer.Sandbox.Writers;

/// <summary>
/// A write-only output kept as a list of 1 MB blocks: it never copies what it holds to grow (a MemoryStream doubles its
/// buffer, copying it each time, and ends a 22 MB PDF with 32 MB of capacity and then a 22 MB copy from ToArray), and
/// the sandbox sends the blocks to the host as they are. For writers that only write forward (PDF, CSV, the XLSX zip).
/// </summary>
internal sealed class ChunkedOutput : Stream
{
    private const int BlockSize = 1 << 20;
    private readonly List<byte[]> _blocks = [];
    private int _used = BlockSize;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>The written bytes, block by block, in order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Chunks =>
        [.. _blocks.Select((block, i) => new ReadOnlyMemory<byte>(block, 0, i == _blocks.Count - 1 ? _used : BlockSize))];

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == BlockSize)
            {
                _blocks.Add(new byte[BlockSize]);
                _used = 0;
            }
            var n = Math.Min(buffer.Length, BlockSize - _used);
            buffer[..n].CopyTo(_blocks[^1].AsSpan(_used));
            _used += n;
            _length += n;
            buffer = buffer[n..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>The bytes as one array (a copy).</summary>
    public byte[] ToArray()
    {
        var result = new byte[_length];
        var offset = 0;
        foreach (var chunk in Chunks)
        {
            chunk.Span.CopyTo(result.AsSpan(offset));
            offset += chunk.Length;
        }
        return result;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
