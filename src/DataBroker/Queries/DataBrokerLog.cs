using Microsoft.Extensions.Logging;

namespace DataBroker.Queries;

/// <summary>Log messages of the broker. Parameter names are logged, never values or secrets.</summary>
internal static partial class DataBrokerLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information,
        Message = "Data request: report '{Report}', dataset '{DataSet}', data source '{DataSource}' ({Provider}), parameters [{Parameters}]")]
    public static partial void Request(ILogger logger, string report, string dataSet, string dataSource, string provider, string parameters);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Data request for dataset '{DataSet}' of report '{Report}' refused: {Code} {Message}")]
    public static partial void Refused(ILogger logger, string dataSet, string report, string code, string message);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Query for dataset '{DataSet}' failed ({ExceptionType}): {Code} {Message}")]
    public static partial void QueryFailed(ILogger logger, string dataSet, string exceptionType, string code, string message);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Row stream of dataset '{DataSet}' stopped: {Code} {Message}")]
    public static partial void StreamFailed(ILogger logger, string dataSet, string code, string message);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Debug, Message = "Dataset '{DataSet}' streamed {Rows} rows in {ElapsedMs} ms")]
    public static partial void StreamCompleted(ILogger logger, string dataSet, int rows, long elapsedMs);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information,
        Message = "Data source '{DataSource}' of report '{Report}' embeds a connection string; it is ignored and the registered source '{Registered}' is used")]
    public static partial void EmbeddedConnectionIgnored(ILogger logger, string dataSource, string report, string registered);
}
