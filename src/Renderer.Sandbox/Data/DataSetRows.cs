namespace Renderer.Sandbox.Data;

/// <summary>The rows of one dataset as the broker returned them: column names (the query's DataField names) and typed values.</summary>
public sealed class DataSetRows(IReadOnlyList<string> columns, List<object?[]> rows)
{
    public IReadOnlyList<string> Columns { get; } = columns;

    public List<object?[]> Rows { get; } = rows;

    public int IndexOf(string column)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}

/// <summary>
/// How processing gets data: the sandbox asks the trusted host, which runs the query through the broker.
/// Throws <see cref="DataSetRequestException"/> with the broker's message when the query fails.
/// </summary>
public interface IDataSetProvider
{
    Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken);
}

public sealed class DataSetRequestException(string dataSetName, string message) : Exception(message)
{
    public string DataSetName { get; } = dataSetName;
}
