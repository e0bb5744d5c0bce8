using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// A minimal forward-only XML writer for the hot sheet parts: markup is written as UTF-8 byte literals into a fixed
/// buffer that is flushed to the part stream when full, numbers are formatted straight into the buffer and text is
/// escaped while it is encoded, so writing a cell allocates nothing. The caller is responsible for well-formedness
/// (it writes literal tags); this type only guarantees correct escaping of text and attribute values.
/// </summary>
internal sealed class Utf8XmlWriter : IDisposable
{
    /// <summary>Default buffer size: one flush per 64 KB of XML.</summary>
    public const int DefaultBufferSize = 64 * 1024;

    /// <summary>The longest number this writer formats (a double's shortest round-trip form is at most 24 bytes).</summary>
    private const int MaxNumberBytes = 32;

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\r");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<>\"\r\n\t");

    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _position;

    public Utf8XmlWriter(Stream stream, int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 64);
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    /// <summary>Writes markup (tags, attribute names, literal values) that needs no escaping.</summary>
    public void WriteRaw(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _buffer.Length - _position)
        {
            Flush();
            if (utf8.Length > _buffer.Length)
            {
                _stream.Write(utf8);
                return;
            }
        }

        utf8.CopyTo(_buffer.AsSpan(_position));
        _position += utf8.Length;
    }

    /// <summary>Writes one ASCII byte of markup.</summary>
    public void WriteRaw(byte ascii)
    {
        if (_position == _buffer.Length)
        {
            Flush();
        }

        _buffer[_position++] = ascii;
    }

    /// <summary>Writes an integer in invariant form.</summary>
    public void WriteNumber(long value)
    {
        Reserve(MaxNumberBytes);
        value.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>Writes a double exactly as <c>double.ToString(CultureInfo.InvariantCulture)</c> does (shortest round-trip form).</summary>
    public void WriteNumber(double value)
    {
        // Whole numbers below 1e15 print as plain digits either way; integer formatting skips the shortest-digits search.
        // (-0 prints as "-0", so it takes the double path.)
        if (Math.Abs(value) < 1e15 && value == Math.Truncate(value) && (value != 0 || !double.IsNegative(value)))
        {
            WriteNumber((long)value);
            return;
        }

        Reserve(MaxNumberBytes);
        if (!value.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture))
        {
            // Not reachable for doubles (at most 24 bytes), kept so a surprise never truncates a value.
            WriteRaw(Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture)));
            return;
        }

        _position += written;
    }

    /// <summary>
    /// Writes element content: &amp;, &lt; and &gt; become entities and line breaks are normalized to LF (what an
    /// XML reader reports for CR LF and CR anyway). The text must hold only characters XML allows
    /// (see <see cref="SharedStrings.Escape"/>).
    /// </summary>
    public void WriteText(string text) => WriteEscaped(text, TextSpecials, attribute: false);

    /// <summary>
    /// Writes an attribute value (inside double quotes): &amp;, &lt;, &gt; and &quot; become entities, and tab, CR and
    /// LF become character references so readers do not normalize them to spaces.
    /// </summary>
    public void WriteAttributeValue(string text) => WriteEscaped(text, AttributeSpecials, attribute: true);

    /// <summary>Writes the buffered bytes to the stream.</summary>
    public void Flush()
    {
        if (_position > 0)
        {
            _stream.Write(_buffer, 0, _position);
            _position = 0;
        }
    }

    /// <summary>Flushes; the stream stays open (its owner disposes it).</summary>
    public void Dispose() => Flush();

    private void Reserve(int bytes)
    {
        if (_buffer.Length - _position < bytes)
        {
            Flush();
        }
    }

    private void WriteEscaped(ReadOnlySpan<char> text, SearchValues<char> specials, bool attribute)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny(specials);
            var run = special < 0 ? text : text[..special];
            WriteUtf8(run);
            if (special < 0)
            {
                return;
            }

            var c = text[special];
            text = text[(special + 1)..];
            switch (c)
            {
                case '&':
                    WriteRaw("&amp;"u8);
                    break;
                case '<':
                    WriteRaw("&lt;"u8);
                    break;
                case '>':
                    WriteRaw("&gt;"u8);
                    break;
                case '"':
                    WriteRaw("&quot;"u8);
                    break;
                case '\t':
                    WriteRaw("&#x9;"u8);
                    break;
                case '\n':
                    WriteRaw("&#xA;"u8);
                    break;
                case '\r' when attribute:
                    WriteRaw("&#xD;"u8);
                    break;
                default: // '\r' in content: CR LF and a lone CR both become LF.
                    if (!text.IsEmpty && text[0] == '\n')
                    {
                        text = text[1..];
                    }

                    WriteRaw((byte)'\n');
                    break;
            }
        }
    }

    private void WriteUtf8(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            var status = Utf8.FromUtf16(chars, _buffer.AsSpan(_position), out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            _position += written;
            chars = chars[read..];
            if (status == OperationStatus.DestinationTooSmall)
            {
                Flush();
            }
        }
    }
}
