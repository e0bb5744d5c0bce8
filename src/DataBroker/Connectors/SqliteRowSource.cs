using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DataBroker.Connectors;

/// <summary>
/// Streams rows from an open SQLite reader. Values keep SQLite's types (long, double, string, byte[]), except that text in a
/// column declared DATE/DATETIME/TIMESTAMP becomes <see cref="DateTime"/>, and numbers in a column declared
/// DECIMAL/NUMERIC/MONEY become <see cref="decimal"/>. SQLite refuses values past <see cref="DataLimits.MaxValueBytes"/>
/// itself; a row is read value by value and refused as soon as it passes <see cref="DataLimits.MaxRowBytes"/>.
/// </summary>
internal sealed class SqliteRowSource : IRowSource
{
    private enum ColumnKind
    {
        AsIs,
        Date,
        Decimal,
    }

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteDataReader _reader;
    private readonly SqliteQueryGuard _guard;
    private readonly DataLimits _limits;
    private readonly string[] _columns;
    private ColumnKind[]? _kinds;
    private bool _finished;

    public SqliteRowSource(SqliteConnection connection, SqliteCommand command, SqliteDataReader reader, SqliteQueryGuard guard, DataLimits limits)
    {
        _limits = limits;
        _connection = connection;
        _command = command;
        _reader = reader;
        _guard = guard;
        _columns = new string[reader.FieldCount];
        for (var i = 0; i < _columns.Length; i++) _columns[i] = reader.GetName(i);
    }

    public IReadOnlyList<string> Columns => _columns;

    public ValueTask<object?[]?> ReadRowAsync(CancellationToken cancellationToken)
    {
        if (_finished || _columns.Length == 0) return ValueTask.FromResult<object?[]?>(null);
        if (!ReadNext(cancellationToken))
        {
            _finished = true;
            return ValueTask.FromResult<object?[]?>(null);
        }

        var kinds = _kinds ??= ClassifyColumns();
        var row = new object?[_columns.Length];
        long rowBytes = 0;
        for (var i = 0; i < row.Length; i++)
        {
            var value = _reader.GetValue(i);
            row[i] = value is DBNull ? null : Convert(value, kinds[i]);
            rowBytes += DataLimits.SizeOf(row[i]);
            if (rowBytes > _limits.MaxRowBytes) throw _limits.RowTooLarge(_columns[i]);
        }

        return ValueTask.FromResult<object?[]?>(row);
    }

    private bool ReadNext(CancellationToken cancellationToken)
    {
        try
        {
            return _guard.Run(_reader.Read, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConnector.SqliteTooBig)
        {
            throw SqliteConnector.TooBig(_limits);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _guard.Dispose();
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _command.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private ColumnKind[] ClassifyColumns()
    {
        var kinds = new ColumnKind[_columns.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            var declared = _reader.GetDataTypeName(i).ToUpperInvariant();
            if (declared.StartsWith("DATE", StringComparison.Ordinal) || declared.StartsWith("TIMESTAMP", StringComparison.Ordinal))
            {
                kinds[i] = ColumnKind.Date;
            }
            else if (declared.StartsWith("DECIMAL", StringComparison.Ordinal) || declared.StartsWith("NUMERIC", StringComparison.Ordinal)
                || declared.StartsWith("MONEY", StringComparison.Ordinal) || declared.StartsWith("SMALLMONEY", StringComparison.Ordinal))
            {
                kinds[i] = ColumnKind.Decimal;
            }
        }

        return kinds;
    }

    private static object Convert(object value, ColumnKind kind) => kind switch
    {
        ColumnKind.Date when value is string text
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date) => date,
        ColumnKind.Decimal => value switch
        {
            long l => (decimal)l,
            double d when Math.Abs(d) < 7.9e28 && !double.IsNaN(d) => (decimal)d,
            string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) => m,
            _ => value,
        },
        _ => value,
    };
}
