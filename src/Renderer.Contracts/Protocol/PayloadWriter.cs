using System.Buffers.Binary;
using System.Text;

namespace Renderer.Sandbox.Protocol;

/// <summary>
/// Builds one frame in memory: a reserved header followed by little-endian primitives, length-prefixed UTF-8 strings
/// and byte arrays. <see cref="CompleteFrame"/> fills in the header.
/// </summary>
public sealed class PayloadWriter
{
    private byte[] _buffer;
    private int _length;

    public PayloadWriter(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(initialCapacity, SandboxProtocol.HeaderSize + 16)];
        _length = SandboxProtocol.HeaderSize;
    }

    /// <summary>Bytes written after the header so far.</summary>
    public int PayloadLength => _length - SandboxProtocol.HeaderSize;

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);

    public void WriteDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        foreach (var part in bits) WriteInt32(part);
    }

    public void WriteDateTime(DateTime value)
    {
        WriteInt64(value.Ticks);
        WriteByte((byte)value.Kind);
    }

    /// <summary>Writes an int32 element count (the reader checks it against the bytes left).</summary>
    public void WriteCount(int count) => WriteInt32(count);

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteInt32(value.Length);
        value.CopyTo(Reserve(value.Length));
    }

    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteInt32(byteCount);
        Encoding.UTF8.GetBytes(value, Reserve(byteCount));
    }

    /// <summary>Writes a string that may be null (length -1).</summary>
    public void WriteNullableString(string? value)
    {
        if (value is null) WriteInt32(-1);
        else WriteString(value);
    }

    /// <summary>Fills in the header and returns the whole frame; throws <see cref="ProtocolException"/> above the size limit.</summary>
    public ReadOnlyMemory<byte> CompleteFrame(MessageType type)
    {
        if (PayloadLength > SandboxProtocol.MaxFrameSize)
            throw new ProtocolException($"The {type} message is {PayloadLength} bytes, more than the limit of {SandboxProtocol.MaxFrameSize} bytes.");
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer, (uint)PayloadLength);
        _buffer[4] = (byte)type;
        return _buffer.AsMemory(0, _length);
    }

    private Span<byte> Reserve(int count)
    {
        var needed = (long)_length + count;
        if (needed > SandboxProtocol.MaxFrameSize + (long)SandboxProtocol.HeaderSize)
            throw new ProtocolException($"A message exceeds the frame size limit of {SandboxProtocol.MaxFrameSize} bytes.");
        if (needed > _buffer.Length)
        {
            var size = (int)Math.Min(Math.Max(needed, (long)_buffer.Length * 2), Array.MaxLength);
            Array.Resize(ref _buffer, size);
        }
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
