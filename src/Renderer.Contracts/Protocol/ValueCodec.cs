namespace Renderer.Sandbox.Protocol;

/// <summary>
/// Typed values on the wire: a tag byte, then the value. Carries null, string (UTF-8), bool, int32, int64, double,
/// decimal, DateTime (ticks + kind), byte[], DateTimeOffset, TimeSpan, Guid and arrays of these (multi-value parameters).
/// Narrower CLR types are widened (byte/short to int32, uint to int64, ulong to decimal, float to double, char to string,
/// DBNull to null); any other type is rejected with <see cref="NotSupportedException"/>.
/// </summary>
public static class ValueCodec
{
    /// <summary>How deep arrays may nest inside a value.</summary>
    public const int MaxArrayDepth = 4;

    private enum Tag : byte
    {
        Null = 0,
        String = 1,
        Bool = 2,
        Int32 = 3,
        Int64 = 4,
        Double = 5,
        Decimal = 6,
        DateTime = 7,
        Bytes = 8,
        DateTimeOffset = 9,
        TimeSpan = 10,
        Guid = 11,
        Array = 12,
    }

    public static void Write(PayloadWriter writer, object? value) => Write(writer, value, 0);

    public static object? Read(PayloadReader reader) => Read(reader, 0);

    /// <summary>Writes a count followed by each value (a multi-value parameter or a row).</summary>
    public static void WriteArray(PayloadWriter writer, IReadOnlyList<object?> values) => WriteArray(writer, values, 0);

    public static object?[] ReadArray(PayloadReader reader) => ReadArray(reader, 0);

    /// <summary>A rough upper bound of the encoded size, used to keep row batches well under the frame limit.</summary>
    public static long EstimateSize(object? value) => value switch
    {
        null => 1,
        string s => 5 + (long)s.Length * 3,
        byte[] b => 5 + b.LongLength,
        object?[] a => 5 + a.Sum(EstimateSize),
        _ => 17,
    };

    private static void Write(PayloadWriter writer, object? value, int depth)
    {
        switch (value)
        {
            case null or DBNull:
                writer.WriteByte((byte)Tag.Null);
                break;
            case string s:
                writer.WriteByte((byte)Tag.String);
                writer.WriteString(s);
                break;
            case char c:
                writer.WriteByte((byte)Tag.String);
                writer.WriteString(c.ToString());
                break;
            case bool b:
                writer.WriteByte((byte)Tag.Bool);
                writer.WriteBool(b);
                break;
            case int or short or sbyte or byte or ushort:
                writer.WriteByte((byte)Tag.Int32);
                writer.WriteInt32(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case long or uint:
                writer.WriteByte((byte)Tag.Int64);
                writer.WriteInt64(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double or float:
                writer.WriteByte((byte)Tag.Double);
                writer.WriteDouble(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case decimal or ulong:
                writer.WriteByte((byte)Tag.Decimal);
                writer.WriteDecimal(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DateTime d:
                writer.WriteByte((byte)Tag.DateTime);
                writer.WriteDateTime(d);
                break;
            case byte[] bytes:
                writer.WriteByte((byte)Tag.Bytes);
                writer.WriteBytes(bytes);
                break;
            case DateTimeOffset o:
                writer.WriteByte((byte)Tag.DateTimeOffset);
                writer.WriteInt64(o.Ticks);
                writer.WriteInt64(o.Offset.Ticks);
                break;
            case TimeSpan t:
                writer.WriteByte((byte)Tag.TimeSpan);
                writer.WriteInt64(t.Ticks);
                break;
            case Guid g:
                writer.WriteByte((byte)Tag.Guid);
                Span<byte> guid = stackalloc byte[16];
                g.TryWriteBytes(guid);
                writer.WriteBytes(guid);
                break;
            case object?[] array:
                writer.WriteByte((byte)Tag.Array);
                WriteArray(writer, array, depth + 1);
                break;
            default:
                throw new NotSupportedException($"Values of type {value.GetType().FullName} cannot be sent to the sandbox.");
        }
    }

    private static void WriteArray(PayloadWriter writer, IReadOnlyList<object?> values, int depth)
    {
        if (depth > MaxArrayDepth) throw new NotSupportedException($"Arrays nested more than {MaxArrayDepth} deep cannot be sent to the sandbox.");
        writer.WriteCount(values.Count);
        for (int i = 0; i < values.Count; i++) Write(writer, values[i], depth);
    }

    private static object?[] ReadArray(PayloadReader reader, int depth)
    {
        if (depth > MaxArrayDepth) throw new ProtocolException($"Arrays nested more than {MaxArrayDepth} deep.");
        var values = new object?[reader.ReadCount()];
        for (int i = 0; i < values.Length; i++) values[i] = Read(reader, depth);
        return values;
    }

    private static object? Read(PayloadReader reader, int depth)
    {
        var tag = (Tag)reader.ReadByte();
        switch (tag)
        {
            case Tag.Null: return null;
            case Tag.String: return reader.ReadString();
            case Tag.Bool: return reader.ReadBool();
            case Tag.Int32: return reader.ReadInt32();
            case Tag.Int64: return reader.ReadInt64();
            case Tag.Double: return reader.ReadDouble();
            case Tag.Decimal: return reader.ReadDecimal();
            case Tag.DateTime: return reader.ReadDateTime();
            case Tag.Bytes: return reader.ReadBytes();
            case Tag.DateTimeOffset: return ReadDateTimeOffset(reader);
            case Tag.TimeSpan: return new TimeSpan(reader.ReadInt64());
            case Tag.Guid:
                var guid = reader.ReadBytes();
                if (guid.Length != 16) throw new ProtocolException("Invalid Guid value.");
                return new Guid(guid);
            case Tag.Array: return ReadArray(reader, depth + 1);
            default: throw new ProtocolException($"Unknown value tag {(byte)tag}.");
        }
    }

    private static DateTimeOffset ReadDateTimeOffset(PayloadReader reader)
    {
        var ticks = reader.ReadInt64();
        var offset = reader.ReadInt64();
        try
        {
            return new DateTimeOffset(ticks, new TimeSpan(offset));
        }
        catch (ArgumentException)
        {
            throw new ProtocolException("Invalid DateTimeOffset value.");
        }
    }
}
