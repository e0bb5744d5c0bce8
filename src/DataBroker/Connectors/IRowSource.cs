namespace DataBroker.Connectors;

/// <summary>An open query result read row by row. Disposing closes the underlying reader/connection/file.</summary>
public interface IRowSource : IAsyncDisposable
{
    IReadOnlyList<string> Columns { get; }

    /// <summary>The next row (one value per column, database nulls as null), or null after the last row.</summary>
    ValueTask<object?[]?> ReadRowAsync(CancellationToken cancellationToken);
}
