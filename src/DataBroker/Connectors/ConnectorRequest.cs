using DataBroker.Credentials;

namespace DataBroker.Connectors;

/// <summary>Everything a connector needs for one query. Built by the trusted side only.</summary>
/// <param name="DataSetName">The RDL dataset name (a CSV folder source reads <c>&lt;DataSetName&gt;.csv</c>).</param>
/// <param name="DataSource">The registered data source (holds the connection string).</param>
/// <param name="Credential">The attached secret, if the source names one.</param>
/// <param name="CommandText">The query text from the RDL.</param>
/// <param name="Parameters">Bound parameter values; never to be concatenated into the command text.</param>
/// <param name="Timeout">Time the provider may spend executing and fetching.</param>
/// <param name="Limits">Largest value and row the connector may read; it refuses larger ones before building them.</param>
public sealed record ConnectorRequest(
    string DataSetName,
    RegisteredDataSource DataSource,
    DataCredential? Credential,
    string CommandText,
    IReadOnlyList<QueryParameterValue> Parameters,
    TimeSpan Timeout,
    DataLimits Limits);

/// <summary>A query parameter value. <see cref="Name"/> is as the RDL spells it (e.g. <c>@Year</c> or <c>Year</c>).</summary>
public sealed record QueryParameterValue(string Name, object? Value);
