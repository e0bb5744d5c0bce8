using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Tests.Sandboxing;

public sealed class ValueCodecTests
{
    private static readonly object?[] Values =
    [
        null,
        string.Empty,
        "Grüße ✓ 日本",
        true,
        false,
        0,
        int.MinValue,
        int.MaxValue,
        long.MinValue,
        long.MaxValue,
        0.0,
        -0.0,
        Math.PI,
        double.NaN,
        double.NegativeInfinity,
        123.4500m,
        decimal.MinValue,
        decimal.MaxValue,
        new DateTime(2024, 2, 29, 13, 45, 10, 123, DateTimeKind.Utc).AddTicks(4567),
        new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Local),
        new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Unspecified),
        DateTime.MinValue,
        DateTime.MaxValue,
        new byte[] { 0, 1, 2, 254, 255 },
        Array.Empty<byte>(),
        new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(-5.5)),
        TimeSpan.FromMilliseconds(-1234.5),
        Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
    ];

    [TestCaseSource(nameof(Values))]
    public void Every_type_round_trips_with_its_type_and_value(object? value)
    {
        var decoded = RoundTrip(value);

        Assert.That(decoded?.GetType(), Is.EqualTo(value?.GetType()));
        Assert.That(decoded, Is.EqualTo(value));
        if (value is DateTime dateTime) Assert.That(((DateTime)decoded!).Kind, Is.EqualTo(dateTime.Kind));
        if (value is decimal number) Assert.That(((decimal)decoded!).Scale, Is.EqualTo(number.Scale));
        if (value is double d && d == 0) Assert.That(double.IsNegative((double)decoded!), Is.EqualTo(double.IsNegative(d)));
    }

    [Test]
    public void Arrays_of_mixed_values_round_trip_as_multi_value_parameters()
    {
        object?[] values = [1, "two", null, 3.5, new object?[] { "nested", 4L }];

        var writer = new PayloadWriter();
        ValueCodec.WriteArray(writer, values);
        var reader = ReaderOf(writer);
        var decoded = ValueCodec.ReadArray(reader);

        Assert.That(decoded, Is.EqualTo(values));
        Assert.That(reader.Remaining, Is.Zero);
    }

    [Test]
    public void Narrow_types_are_widened_to_a_wire_type()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RoundTrip((short)-7), Is.EqualTo(-7).And.TypeOf<int>());
            Assert.That(RoundTrip((byte)200), Is.EqualTo(200).And.TypeOf<int>());
            Assert.That(RoundTrip(4000000000u), Is.EqualTo(4000000000L).And.TypeOf<long>());
            Assert.That(RoundTrip(ulong.MaxValue), Is.EqualTo((decimal)ulong.MaxValue).And.TypeOf<decimal>());
            Assert.That(RoundTrip(1.5f), Is.EqualTo(1.5).And.TypeOf<double>());
            Assert.That(RoundTrip('x'), Is.EqualTo("x"));
            Assert.That(RoundTrip(DBNull.Value), Is.Null);
        });
    }

    [Test]
    public void A_type_without_a_wire_form_is_rejected_when_written()
    {
        Assert.That(() => ValueCodec.Write(new PayloadWriter(), new Uri("http://example.com")),
            Throws.TypeOf<NotSupportedException>().With.Message.Contains("System.Uri"));
    }

    [Test]
    public void Malformed_values_are_protocol_errors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => ValueCodec.Read(new PayloadReader(new byte[] { 99 })), Throws.TypeOf<ProtocolException>(), "unknown tag");
            Assert.That(() => ValueCodec.Read(new PayloadReader(new byte[] { 3, 1, 0 })), Throws.TypeOf<ProtocolException>(), "truncated int32");
            Assert.That(() => ValueCodec.Read(new PayloadReader(new byte[] { 1, 10, 0, 0, 0, 65 })), Throws.TypeOf<ProtocolException>(), "string longer than the payload");
            Assert.That(() => ValueCodec.Read(new PayloadReader(new byte[] { 1, 2, 0, 0, 0, 0xC3, 0x28 })), Throws.TypeOf<ProtocolException>(), "invalid UTF-8");
            Assert.That(() => ValueCodec.Read(new PayloadReader(new byte[] { 2, 7 })), Throws.TypeOf<ProtocolException>(), "invalid bool");
            Assert.That(() => ValueCodec.ReadArray(new PayloadReader(new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })), Throws.TypeOf<ProtocolException>(), "huge count");
        });
    }

    private static object? RoundTrip(object? value)
    {
        var writer = new PayloadWriter();
        ValueCodec.Write(writer, value);
        var reader = ReaderOf(writer);
        var decoded = ValueCodec.Read(reader);
        Assert.That(reader.Remaining, Is.Zero, "every byte is consumed");
        return decoded;
    }

    private static PayloadReader ReaderOf(PayloadWriter writer) =>
        new(writer.CompleteFrame(MessageType.Log)[SandboxProtocol.HeaderSize..]);
}
