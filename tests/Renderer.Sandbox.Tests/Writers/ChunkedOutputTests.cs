using Renderer.Sandbox.Writers;

namespace Renderer.Sandbox.Tests.Writers;

public sealed class ChunkedOutputTests
{
    [Test]
    public void Bytes_written_in_odd_pieces_come_back_in_order_in_blocks_and_as_one_array()
    {
        var data = Enumerable.Range(0, 2_500_000).Select(i => (byte)(i * 31 + 7)).ToArray();
        using var output = new ChunkedOutput();
        for (int offset = 0; offset < data.Length;)
        {
            var n = Math.Min(data.Length - offset, 1 + (offset % 70_001));
            output.Write(data, offset, n);
            offset += n;
        }
        output.WriteByte(42);

        var expected = data.Append((byte)42).ToArray();
        Assert.That(output.Length, Is.EqualTo(expected.Length));
        Assert.That(output.ToArray(), Is.EqualTo(expected));
        Assert.That(output.Chunks.SelectMany(c => c.ToArray()), Is.EqualTo(expected));
        Assert.That(output.Chunks, Has.Count.EqualTo(3), "1 MB blocks");
    }

    [Test]
    public void Nothing_written_is_no_blocks()
    {
        using var output = new ChunkedOutput();
        Assert.That(output.Chunks, Is.Empty);
        Assert.That(output.ToArray(), Is.Empty);
    }
}
