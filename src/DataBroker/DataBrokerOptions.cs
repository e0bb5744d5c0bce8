namespace DataBroker;

/// <summary>
/// Trusted-side configuration of the data broker, bound from the <c>DataBroker</c> configuration section.
/// Connection strings and secrets live only here; reports never see them.
/// </summary>
/// <example>
/// <code>
/// "DataBroker": {
///   "DataSources": { "Sales": { "Provider": "sqlite", "ConnectionString": "Data Source=data/sales.db", "CredentialName": "SalesDb" } },
///   "Credentials": { "SalesDb": { "Password": "..." } },
///   "MaxRows": 5000000,
///   "QueryTimeoutSeconds": 60,
///   "MaxValueBytes": 8388608, "MaxRowBytes": 33554432, "MaxRenderBytes": 1073741824
/// }
/// </code>
/// </example>
public sealed class DataBrokerOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "DataBroker";

    /// <summary>Registered data sources by name (matched case-insensitively against RDL data source references and names).</summary>
    public Dictionary<string, DataSourceOptions> DataSources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Secrets by credential name, read by the configuration-backed <see cref="Credentials.ICredentialStore"/>.</summary>
    public Dictionary<string, CredentialOptions> Credentials { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Most rows one dataset may return; more fails the request with DAT6006.</summary>
    public int MaxRows { get; set; } = 5_000_000;

    /// <summary>Time the provider may spend executing and fetching one query (time the consumer spends between rows is not counted).</summary>
    public int QueryTimeoutSeconds { get; set; } = 60;

    public const int DefaultMaxValueBytes = 8 * 1024 * 1024;

    public const int DefaultMaxRowBytes = 32 * 1024 * 1024;

    public const long DefaultMaxRenderBytes = 1024L * 1024 * 1024;

    /// <summary>
    /// Largest single value (text counts one byte per character, SQLite its UTF-8 bytes). Enforced while reading, so a
    /// larger value is never built on the trusted side (SQLite stops building it); more fails the request with DAT6012.
    /// </summary>
    public int MaxValueBytes { get; set; } = DefaultMaxValueBytes;

    /// <summary>Largest row (the sum of its values); more fails the request with DAT6012.</summary>
    public int MaxRowBytes { get; set; } = DefaultMaxRowBytes;

    /// <summary>Most data one render may receive across all its queries; more fails the request with DAT6012. A JSON file, read whole, may not be larger.</summary>
    public long MaxRenderBytes { get; set; } = DefaultMaxRenderBytes;
}

/// <summary>One registered data source.</summary>
public sealed class DataSourceOptions
{
    /// <summary><c>sqlite</c>, <c>csv</c> or <c>json</c>.</summary>
    public string Provider { get; set; } = string.Empty;

    /// <summary>
    /// For <c>sqlite</c> a Microsoft.Data.Sqlite connection string (opened read-only unless it sets <c>Mode</c>);
    /// for <c>csv</c> the path of a .csv file, or of a folder in which <c>&lt;DataSetName&gt;.csv</c> is read;
    /// for <c>json</c> likewise with .json files holding an array of objects.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Optional name of a credential in <see cref="DataBrokerOptions.Credentials"/> attached when connecting.</summary>
    public string? CredentialName { get; set; }

    /// <summary>
    /// The reports (catalog names) that may use this source; empty or unset: every report. Any other report is refused
    /// with DAT6040, at upload and at every query (see <see cref="Connectors.DataSourceAccess"/>).
    /// </summary>
    public List<string>? AllowedReports { get; set; }

    /// <summary>
    /// Row-level security protects this source: reports reach it only through shared datasets that administrators
    /// defined in the catalog (with their row-level and object-level security); a report's own query on it is refused
    /// with DAT6050, and only administrators may create shared datasets on it.
    /// </summary>
    public bool RowLevelSecurity { get; set; }
}

/// <summary>A secret used to connect. Stored in plain configuration for now.</summary>
public sealed class CredentialOptions
{
    public string Password { get; set; } = string.Empty;
}
