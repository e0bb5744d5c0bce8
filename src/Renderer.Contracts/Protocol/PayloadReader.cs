using System.Buffers.Binary;
using System.Text;

namespace Renderer.Sandbox.Protocol;

/// <summary>Reads the fields <see cref="PayloadWriter"/> wrote; any overrun or invalid value is a <see cref="ProtocolException"/>.</summary>
public sealed class PayloadReader(ReadOnlyMemory<byte> payload)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private int _position;

    public int Remaining => payload.Length - _position;

    public byte ReadByte() => Take(1)[0];

    public bool ReadBool() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var other => throw new ProtocolException($"Invalid boolean byte {other}."),
    };

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public decimal ReadDecimal()
    {
        Span<int> bits = [ReadInt32(), ReadInt32(), ReadInt32(), ReadInt32()];
        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException)
        {
            throw new ProtocolException("Invalid decimal value.");
        }
    }

    public DateTime ReadDateTime()
    {
        var ticks = ReadInt64();
        var kind = ReadByte();
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || kind > (byte)DateTimeKind.Local)
            throw new ProtocolException("Invalid DateTime value.");
        return new DateTime(ticks, (DateTimeKind)kind);
    }

    /// <summary>Reads an element count; each element takes at least <paramref name="minElementSize"/> bytes, so a count the payload cannot hold is rejected before anything is allocated.</summary>
    public int ReadCount(int minElementSize = 1)
    {
        var count = ReadInt32();
        if (count < 0 || (long)count * Math.Max(minElementSize, 1) > Remaining)
            throw new ProtocolException($"Invalid element count {count}.");
        return count;
    }

    public byte[] ReadBytes()
    {
        var length = ReadCount();
        return Take(length).ToArray();
    }

    public string ReadString() => ReadNullableString() ?? throw new ProtocolException("Unexpected null string.");

    public string? ReadNullableString()
    {
        var length = ReadInt32();
        if (length == -1) return null;
        if (length < 0 || length > Remaining) throw new ProtocolException($"Invalid string length {length}.");
        try
        {
            return StrictUtf8.GetString(Take(length));
        }
        catch (DecoderFallbackException)
        {
            throw new ProtocolException("Invalid UTF-8 in a string.");
        }
    }

    /// <summary>Throws when bytes are left over: every message must be consumed exactly.</summary>
    public void EnsureEnd()
    {
        if (Remaining != 0) throw new ProtocolException($"{Remaining} unexpected bytes at the end of a message.");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining) throw new ProtocolException("A message ended before all of its fields were read.");
        var span = payload.Span.Slice(_position, count);
        _position += count;
        return span;
    }
}
