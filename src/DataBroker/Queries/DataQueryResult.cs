using System.Collections.Immutable;
using Rdl.Model.Diagnostics;

namespace DataBroker.Queries;

/// <summary>
/// The outcome of one dataset query. On success <see cref="Rows"/> streams from the open query: enumerate it once
/// (the connection closes when enumeration ends), or dispose the result to close it without reading.
/// Enumeration throws <see cref="DataBrokerException"/> when the stream cannot continue (DAT6006 row limit, DAT6003 read failure).
/// </summary>
public sealed class DataQueryResult : IAsyncDisposable
{
    private readonly StreamingRows? _rows;

    private DataQueryResult(bool success, ImmutableArray<RdlDiagnostic> diagnostics, IReadOnlyList<string> columns, StreamingRows? rows)
    {
        Success = success;
        Diagnostics = diagnostics;
        Columns = columns;
        _rows = rows;
    }

    public bool Success { get; }

    public ImmutableArray<RdlDiagnostic> Diagnostics { get; }

    /// <summary>Column names in row order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows, one value per column (database nulls are null). Empty when the query failed.</summary>
    public IAsyncEnumerable<object?[]> Rows => _rows ?? (IAsyncEnumerable<object?[]>)AsyncEnumerable.Empty<object?[]>();

    public ValueTask DisposeAsync() => _rows?.DisposeAsync() ?? ValueTask.CompletedTask;

    internal static DataQueryResult Failure(ImmutableArray<RdlDiagnostic> diagnostics) => new(false, diagnostics, [], null);

    internal static DataQueryResult Failure(RdlDiagnostic diagnostic) => Failure([diagnostic]);

    internal static DataQueryResult Streaming(ImmutableArray<RdlDiagnostic> diagnostics, IReadOnlyList<string> columns, StreamingRows rows) =>
        new(true, diagnostics, columns, rows);
}
