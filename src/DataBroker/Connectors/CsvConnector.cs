using Microsoft.Extensions.Logging;

namespace DataBroker.Connectors;

/// <summary>
/// Reads datasets from CSV files. The registered connection string is the path of a .csv file, or of a folder in which
/// <c>&lt;DataSetName&gt;.csv</c> is read (the dataset name must be a plain file name; it cannot leave the folder).
/// The query text and parameters are ignored (RDLC reports carry a placeholder query). See <see cref="CsvColumn"/> for the header format.
/// </summary>
internal sealed class CsvConnector(ILogger<CsvConnector> logger) : IDataSourceConnector
{
    public string Provider => "csv";

    public Task<IRowSource> OpenAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Parameters.Count > 0)
        {
            logger.LogDebug("CSV data source '{DataSource}' ignores the {Count} query parameter(s) of dataset '{DataSet}'", request.DataSource.Name, request.Parameters.Count, request.DataSetName);
        }

        var path = ResolvePath(request.DataSource.ConnectionString, request.DataSetName);
        return Task.FromResult<IRowSource>(CsvRowSource.Open(path, request.Limits));
    }

    internal static string ResolvePath(string connectionString, string dataSetName, string extension = ".csv")
    {
        var configured = Path.GetFullPath(connectionString.Trim().Trim('"'));
        if (!Directory.Exists(configured)) return configured;

        var invalid = dataSetName.Length == 0
            || dataSetName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || dataSetName.Contains('/') || dataSetName.Contains('\\')
            || dataSetName is "." or "..";
        var path = Path.GetFullPath(Path.Combine(configured, dataSetName + extension));
        var folder = Path.EndsInDirectorySeparator(configured) ? configured : configured + Path.DirectorySeparatorChar;
        if (invalid || !path.StartsWith(folder, StringComparison.Ordinal))
        {
            throw new IOException($"dataset name '{dataSetName}' is not a valid {extension} file name in the data source folder");
        }

        return path;
    }
}
