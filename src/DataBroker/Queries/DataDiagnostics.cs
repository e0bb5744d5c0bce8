using Rdl.Model.Diagnostics;

namespace DataBroker.Queries;

/// <summary>The DAT6xxx diagnostics the data broker reports.</summary>
public static class DataDiagnostics
{
    /// <summary>The RDL data source matches no registered data source.</summary>
    public const string UnregisteredDataSource = DiagnosticCodes.Data.UnregisteredDataSource;

    /// <summary>The requested dataset is not declared by the report.</summary>
    public const string UndeclaredDataSet = DiagnosticCodes.Data.UndeclaredDataSet;

    /// <summary>The query failed (provider error, unreadable file, timeout).</summary>
    public const string QueryFailed = DiagnosticCodes.Data.QueryFailed;

    /// <summary>A multi-value query parameter cannot be expanded (too many items, or an item of a type that cannot be bound).</summary>
    public const string MultiValueParameter = DiagnosticCodes.Data.MultiValueParameter;

    /// <summary>A query parameter has no value, or a value of a type the broker does not bind.</summary>
    public const string InvalidParameterValue = DiagnosticCodes.Data.InvalidParameterValue;

    /// <summary>The dataset returned more than <see cref="DataBrokerOptions.MaxRows"/> rows.</summary>
    public const string TooManyRows = DiagnosticCodes.Data.TooManyRows;

    /// <summary>The registered data source cannot be used (unknown provider, missing credential).</summary>
    public const string DataSourceMisconfigured = DiagnosticCodes.Data.DataSourceMisconfigured;

    internal static RdlDiagnostic Unregistered(string key, string reportName, SourceLocation location, string rdlName) =>
        RdlDiagnostic.Error(
            UnregisteredDataSource,
            $"Data source '{key}' of report '{reportName}' is not registered on this server; register it under DataBroker:DataSources",
            location,
            $"DataSource '{rdlName}'");

    internal static RdlDiagnostic Undeclared(string dataSetName, string reportName) =>
        RdlDiagnostic.Error(UndeclaredDataSet, $"Dataset '{dataSetName}' is not declared by report '{reportName}'", SourceLocation.None);

    internal static RdlDiagnostic Failed(string dataSetName, string providerMessage, SourceLocation location) =>
        RdlDiagnostic.Error(QueryFailed, $"Query for dataset '{dataSetName}' failed: {providerMessage}", location, $"DataSet '{dataSetName}'");

    internal static RdlDiagnostic MultiValue(string dataSetName, string parameterName, string problem, SourceLocation location) =>
        RdlDiagnostic.Error(
            MultiValueParameter,
            $"Multi-value query parameter '{parameterName}' of dataset '{dataSetName}' {problem}",
            location,
            $"DataSet '{dataSetName}'");

    /// <summary>A report-supplied data source that the broker will not read (an XML source naming a URL or file, inline rows read from a file).</summary>
    public const string RefusedDataSource = DiagnosticCodes.Data.RefusedDataSource;

    internal static RdlDiagnostic Refused(string dataSetName, string message, SourceLocation location) =>
        RdlDiagnostic.Error(RefusedDataSource, message, location, $"DataSet '{dataSetName}'");

    internal static RdlDiagnostic MissingValue(string dataSetName, string parameterName, SourceLocation location) =>
        RdlDiagnostic.Error(InvalidParameterValue, $"No value was supplied for query parameter '{parameterName}' of dataset '{dataSetName}'", location, $"DataSet '{dataSetName}'");

    internal static RdlDiagnostic UnsupportedValue(string dataSetName, string parameterName, Type type, SourceLocation location) =>
        RdlDiagnostic.Error(
            InvalidParameterValue,
            $"Query parameter '{parameterName}' of dataset '{dataSetName}' has a value of type {type.Name}; expected a string, number, date, boolean or null",
            location,
            $"DataSet '{dataSetName}'");

    internal static RdlDiagnostic RowLimit(string dataSetName, int maxRows, SourceLocation location) =>
        RdlDiagnostic.Error(
            TooManyRows,
            $"Dataset '{dataSetName}' returned more than {maxRows:N0} rows, the limit set by DataBroker:MaxRows; narrow the query (e.g. with parameters or filters in SQL) or raise the limit",
            location,
            $"DataSet '{dataSetName}'");

    /// <summary>A request carries a value for a query parameter the dataset does not declare.</summary>
    public const string UndeclaredQueryParameter = DiagnosticCodes.Data.UndeclaredQueryParameter;

    internal static RdlDiagnostic UnknownParameter(string dataSetName, string parameterName, SourceLocation location) =>
        RdlDiagnostic.Error(
            UndeclaredQueryParameter,
            $"Query parameter '{Printable(parameterName)}' is not declared by dataset '{dataSetName}'; the request was refused",
            location,
            $"DataSet '{dataSetName}'");

    /// <summary>A value, a row or the render's data passed a size limit (DataBroker:MaxValueBytes, MaxRowBytes, MaxRenderBytes).</summary>
    public const string DataTooLarge = DiagnosticCodes.Data.DataTooLarge;

    /// <summary>A row value holds part of the data source's connection string (its path, user or password).</summary>
    public const string SecretInData = DiagnosticCodes.Data.SecretInData;

    internal static RdlDiagnostic TooLarge(string dataSetName, string problem, SourceLocation location) =>
        RdlDiagnostic.Error(DataTooLarge, $"Dataset '{dataSetName}' was stopped: {problem}", location, $"DataSet '{dataSetName}'");

    internal static RdlDiagnostic SecretInValue(string dataSetName, string field, SourceLocation location) =>
        RdlDiagnostic.Error(
            SecretInData,
            $"Dataset '{dataSetName}' was stopped: field '{Printable(field)}' holds part of the data source's connection string (its path, user or password), which reports may not read",
            location,
            $"DataSet '{dataSetName}'");

    private static string Printable(string name) =>
        new string(name.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray()) + (name.Length > 64 ? "..." : string.Empty);

    internal static RdlDiagnostic Misconfigured(string dataSetName, string message, SourceLocation location) =>
        RdlDiagnostic.Error(DataSourceMisconfigured, message, location, $"DataSet '{dataSetName}'");
}
