namespace DataBroker.Connectors;

/// <summary>
/// Reads a CSV file record by record as rows are requested; only the current line is held in memory, and no line longer
/// than <see cref="DataLimits.MaxRowBytes"/> characters or field longer than <see cref="DataLimits.MaxValueBytes"/> is built.
/// </summary>
internal sealed class CsvRowSource : IRowSource
{
    private readonly CsvRecordReader _records;
    private readonly CsvColumn[] _columns;
    private readonly string _fileName;
    private readonly DataLimits _limits;

    private CsvRowSource(CsvRecordReader records, CsvColumn[] columns, string fileName, DataLimits limits)
    {
        _limits = limits;
        _records = records;
        _columns = columns;
        _fileName = fileName;
        Columns = Array.ConvertAll(columns, c => c.Name);
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Opens <paramref name="path"/> and reads its header. The caller disposes the result.</summary>
    public static CsvRowSource Open(string path, DataLimits limits)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var fileName = Path.GetFileName(path);
        CsvRecordReader? records = null;
        records = new CsvRecordReader(
            new StreamReader(stream, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16),
            limits.MaxRowBytes,
            () => new DataLimitException($"{fileName} near line {records!.PhysicalLine + 1}: a record is longer than {DataLimits.Format(limits.MaxRowBytes)} characters, the limit per row (DataBroker:MaxRowBytes)"));
        try
        {
            if (!records.Read()) throw new FormatException($"{fileName} is empty; the first line must be a header such as Name:string,Amount:decimal");
            var columns = new CsvColumn[records.FieldCount];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = CsvColumn.Parse(records[i], i);
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(columns[j].Name, columns[i].Name, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new FormatException($"{fileName}: column '{columns[i].Name}' appears twice in the header");
                    }
                }
            }

            return new CsvRowSource(records, columns, fileName, limits);
        }
        catch (FormatException ex) when (!ex.Message.StartsWith(fileName, StringComparison.Ordinal))
        {
            records.Dispose();
            throw new FormatException($"{fileName} {ex.Message}", ex);
        }
        catch
        {
            records.Dispose();
            throw;
        }
    }

    public ValueTask<object?[]?> ReadRowAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_records.Read()) return ValueTask.FromResult<object?[]?>(null);

        var count = _records.FieldCount;
        if (count > _columns.Length)
        {
            throw new FormatException($"{_fileName} line {_records.LineNumber} has {count} fields but the header has {_columns.Length}");
        }

        var row = new object?[_columns.Length];
        try
        {
            for (var i = 0; i < count; i++)
            {
                var field = _records[i];
                if (field.Length > _limits.MaxValueBytes) throw _limits.ValueTooLarge(_columns[i].Name, field.Length);
                row[i] = _columns[i].Convert(field, _records.LineNumber);
            }
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{_fileName} {ex.Message}", ex);
        }

        return ValueTask.FromResult<object?[]?>(row);
    }

    public ValueTask DisposeAsync()
    {
        _records.Dispose();
        return ValueTask.CompletedTask;
    }
}
