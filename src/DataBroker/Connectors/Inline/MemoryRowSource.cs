namespace DataBroker.Connectors.Inline;

/// <summary>Rows already in memory (inline data carried by the report).</summary>
internal sealed class MemoryRowSource(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows) : IRowSource
{
    private int _next;

    public IReadOnlyList<string> Columns { get; } = columns;

    public ValueTask<object?[]?> ReadRowAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_next < rows.Count ? rows[_next++] : null);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
