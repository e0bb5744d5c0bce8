using System.Text;

namespace DataBroker.Connectors;

/// <summary>
/// <see cref="TextReader.ReadLine"/> with a bound: a line ends at <c>\n</c>, <c>\r</c> or <c>\r\n</c> as there, but a line
/// longer than the bound throws <see cref="DataLimitException"/> once the bound is passed, so no longer line is built.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxChars, Func<DataLimitException> tooLong) : IDisposable
{
    private readonly char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private bool _skipLineFeed;

    public string? ReadLine()
    {
        StringBuilder? builder = null;
        while (true)
        {
            if (_start == _end && !Fill()) return builder?.ToString();
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_start] == '\n' && ++_start == _end) continue;
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var end = span.IndexOfAny('\r', '\n');
            var length = end < 0 ? span.Length : end;
            if ((builder?.Length ?? 0) + length > maxChars) throw tooLong();
            if (end < 0)
            {
                (builder ??= new StringBuilder()).Append(span);
                _start = _end;
                continue;
            }

            var line = builder is null ? new string(span[..end]) : builder.Append(span[..end]).ToString();
            _start += end + 1;
            _skipLineFeed = span[end] == '\r';
            return line;
        }
    }

    public void Dispose() => reader.Dispose();

    private bool Fill()
    {
        _start = 0;
        _end = reader.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }
}
