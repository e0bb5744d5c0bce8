namespace DataBroker.Connectors;

/// <summary>
/// Runs a query against one kind of data source (<see cref="Provider"/>). Connectors throw on failure
/// (provider exceptions, <see cref="IOException"/>, <see cref="FormatException"/>, <see cref="TimeoutException"/>);
/// <see cref="Queries.QueryRunner"/> turns those into scrubbed DAT6003 diagnostics.
/// </summary>
public interface IDataSourceConnector
{
    /// <summary>The provider name used in <see cref="DataSourceOptions.Provider"/>, e.g. <c>sqlite</c>.</summary>
    string Provider { get; }

    /// <summary>Connects and starts the query; the returned row source owns the connection until disposed.</summary>
    Task<IRowSource> OpenAsync(ConnectorRequest request, CancellationToken cancellationToken);
}
