using System.Globalization;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Csv;

/// <summary>
/// Writes a paginated document as CSV with SSRS's CSV renderer semantics (simplified): no layout or formatting, only
/// values. Body textboxes outside data regions form a first block (a header row of textbox names, one row of values);
/// then each data region is a block with a header row of its detail textboxes' names (SSRS's DataElementName, which
/// defaults to the textbox name) and one record per detail row. Blocks are separated by an empty record. Page headers
/// and footers are left out, each logical row is written once (repeated headers are skipped), numbers and dates are
/// written invariantly (<c>1234.5</c>, <c>2024-03-01</c>, <c>2024-03-01T13:30:00</c>).
/// The page model does not mark detail rows, so a region's detail rows are taken to be its most frequent row shape
/// (the same textbox names in the same columns); group header, footer and total rows are left out.
/// Text values that a spreadsheet would run as a formula get a leading apostrophe unless
/// <see cref="CsvOptions.ProtectFormulas"/> is off; numbers keep their sign.
/// </summary>
internal sealed class CsvDocumentWriter(CsvOptions? options = null)
{
    private readonly CsvOptions _options = options ?? CsvOptions.Default;

    public void Write(PaginatedDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var (standalone, regions) = Collect(document);
        using var writer = new StreamWriter(output, _options.Encoding, 64 * 1024, leaveOpen: true);
        var first = true;
        if (standalone.Count > 0)
        {
            WriteBlock(writer, standalone.Select(t => t.Name ?? string.Empty).ToList(), [standalone.Select(t => t.Value ?? t.Text).ToList()]);
            first = false;
        }

        foreach (var region in regions)
        {
            if (!first)
            {
                writer.Write(_options.RecordDelimiter);
            }

            WriteRegion(writer, region);
            first = false;
        }
    }

    private static (List<TextItem> Standalone, List<RegionRows> Regions) Collect(PaginatedDocument document)
    {
        var standalone = new List<TextItem>();
        var regions = new List<RegionRows>();
        var byName = new Dictionary<string, RegionRows>(StringComparer.Ordinal);
        foreach (var page in document.EnumeratePages())
        {
            foreach (var item in page.Items)
            {
                if (item is not TextItem text || text.Region != PageRegion.Body)
                {
                    continue;
                }

                if (text.Cell is not { } cell)
                {
                    standalone.Add(text);
                    continue;
                }

                if (cell.IsRepeat)
                {
                    continue;
                }

                if (!byName.TryGetValue(cell.RegionName, out var region))
                {
                    region = new RegionRows();
                    byName[cell.RegionName] = region;
                    regions.Add(region);
                }

                region.Add(text, cell);
            }
        }

        return (standalone, regions);
    }

    private void WriteRegion(StreamWriter writer, RegionRows region)
    {
        var shaped = region.Rows.Select(r => (Row: r, Shape: RegionRows.Shape(r))).ToList();
        var detail = shaped.GroupBy(s => s.Shape, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        if (detail is null)
        {
            return;
        }

        var rows = shaped.Where(s => s.Shape == detail).Select(s => s.Row).ToList();
        var header = rows[0].Select(t => t.Name ?? string.Empty).ToList();
        WriteBlock(writer, header, rows.Select(r => r.Select(t => t.Value ?? t.Text).ToList()));
    }

    private void WriteBlock(StreamWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        if (!_options.NoHeader)
        {
            WriteRecord(writer, header);
        }

        foreach (var row in rows)
        {
            WriteRecord(writer, row);
        }
    }

    private void WriteRecord(StreamWriter writer, IReadOnlyList<object?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(_options.FieldDelimiter);
            }

            var text = ToText(fields[i]);
            writer.Write(Quote(_options.ProtectFormulas && fields[i] is string && IsFormulaLike(text) ? "'" + text : text));
        }

        writer.Write(_options.RecordDelimiter);
    }

    /// <summary>Wraps a value in the qualifier when it holds a delimiter, the qualifier or a line break (qualifiers doubled).</summary>
    public string Quote(string value)
    {
        var q = _options.Qualifier;
        var needs = value.Contains(_options.FieldDelimiter, StringComparison.Ordinal)
            || value.Contains(_options.RecordDelimiter, StringComparison.Ordinal)
            || value.Contains('\n') || value.Contains('\r')
            || (q.Length > 0 && value.Contains(q, StringComparison.Ordinal));
        return needs && q.Length > 0 ? q + value.Replace(q, q + q, StringComparison.Ordinal) + q : value;
    }

    /// <summary>Whether a spreadsheet would read <paramref name="text"/> as a formula (OWASP's list of leading characters).</summary>
    public static bool IsFormulaLike(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The invariant text of a value: numbers round-trip, dates ISO 8601, booleans True/False.</summary>
    public static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString(dt.Millisecond == 0 ? "yyyy-MM-ddTHH:mm:ss" : "yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("o", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The logical rows of one data region, in output order, each row's text items in column order.</summary>
    private sealed class RegionRows
    {
        private readonly Dictionary<int, List<TextItem>> _byRow = [];
        private readonly List<int> _order = [];

        public IEnumerable<List<TextItem>> Rows => _order.Select(r => _byRow[r]);

        public void Add(TextItem item, LogicalCell cell)
        {
            if (!_byRow.TryGetValue(cell.Row, out var row))
            {
                row = [];
                _byRow[cell.Row] = row;
                _order.Add(cell.Row);
            }

            var at = row.FindIndex(t => t.Cell!.Column > cell.Column);
            row.Insert(at < 0 ? row.Count : at, item);
        }

        public static string Shape(List<TextItem> row)
            => string.Join('\u001F', row.Select(t => t.Cell!.Column.ToString(CultureInfo.InvariantCulture) + ":" + t.Name));
    }
}
