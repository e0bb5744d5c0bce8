using System.Text;

namespace DataBroker.Connectors;

/// <summary>
/// Splits CSV text into records one at a time (RFC 4180: comma separated, fields optionally quoted with <c>"</c>, a quote
/// inside a quoted field doubled, quoted fields may span lines). Fields are exposed as spans over the current line, so
/// unquoted values are never copied. Blank lines are skipped. A record longer than <paramref name="maxChars"/> throws
/// <see cref="DataLimitException"/> before more of it is read.
/// </summary>
internal sealed class CsvRecordReader(TextReader text, int maxChars, Func<DataLimitException> tooLong) : IDisposable
{
    private readonly BoundedLineReader reader = new(text, maxChars, tooLong);
    private string _line = string.Empty;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private string?[] _unescaped = new string?[16];
    private int _physicalLine;

    public int FieldCount { get; private set; }

    /// <summary>The lines read so far.</summary>
    public int PhysicalLine => _physicalLine;

    /// <summary>The 1-based line on which the current record starts.</summary>
    public int LineNumber { get; private set; }

    public ReadOnlySpan<char> this[int index] => _unescaped[index] ?? _line.AsSpan(_starts[index], _lengths[index]);

    public bool Read()
    {
        string? line;
        do
        {
            line = reader.ReadLine();
            if (line is null) return false;
            _physicalLine++;
        }
        while (line.Length == 0);

        LineNumber = _physicalLine;
        while (!TrySplit(line))
        {
            var next = reader.ReadLine() ?? throw new FormatException($"line {LineNumber}: a quoted field is not closed before the end of the file");
            _physicalLine++;
            if (line.Length + 1 + next.Length > maxChars) throw tooLong();
            line = string.Concat(line, "\n", next);
        }

        _line = line;
        return true;
    }

    public void Dispose() => reader.Dispose();

    /// <summary>Splits <paramref name="line"/>; false when it ends inside a quoted field (the record continues on the next line).</summary>
    private bool TrySplit(string line)
    {
        FieldCount = 0;
        var pos = 0;
        while (true)
        {
            if (pos < line.Length && line[pos] == '"')
            {
                var closing = ReadQuoted(line, pos);
                if (closing < 0) return false;
                pos = closing + 1;
                while (pos < line.Length && line[pos] is ' ' or '\t') pos++;
                if (pos >= line.Length) return true;
                if (line[pos] != ',') throw new FormatException($"line {LineNumber}: unexpected character '{line[pos]}' after a quoted field");
                pos++;
                continue;
            }

            var comma = line.IndexOf(',', pos);
            var end = comma < 0 ? line.Length : comma;
            Add(pos, end - pos, null);
            if (comma < 0) return true;
            pos = comma + 1;
        }
    }

    /// <summary>Adds the quoted field opening at <paramref name="open"/>; returns the index of its closing quote, or -1 if unclosed.</summary>
    private int ReadQuoted(string line, int open)
    {
        StringBuilder? builder = null;
        var segment = open + 1;
        var search = segment;
        while (true)
        {
            var quote = line.IndexOf('"', search);
            if (quote < 0) return -1;
            if (quote + 1 < line.Length && line[quote + 1] == '"')
            {
                builder ??= new StringBuilder();
                builder.Append(line, segment, quote + 1 - segment);
                search = segment = quote + 2;
                continue;
            }

            if (builder is null)
            {
                Add(open + 1, quote - open - 1, null);
            }
            else
            {
                builder.Append(line, segment, quote - segment);
                Add(0, 0, builder.ToString());
            }

            return quote;
        }
    }

    private void Add(int start, int length, string? unescaped)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, FieldCount * 2);
            Array.Resize(ref _lengths, FieldCount * 2);
            Array.Resize(ref _unescaped, FieldCount * 2);
        }

        _starts[FieldCount] = start;
        _lengths[FieldCount] = length;
        _unescaped[FieldCount] = unescaped;
        FieldCount++;
    }
}
