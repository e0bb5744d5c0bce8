using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;

namespace DataBroker.Security;

/// <summary>The DAT605x diagnostics of row-level and object-level security.</summary>
public static class SecurityDiagnostics
{
    internal static RdlDiagnostic Protected(DataSetDefinition dataSet, string source) => RdlDiagnostic.Error(
        DiagnosticCodes.Data.ProtectedDataSource,
        $"Dataset '{dataSet.Name}' runs its own query on data source '{source}', which row-level security protects: use one of the administrators' shared datasets on it instead (its filter applies to every user); the query was refused",
        dataSet.Query.Location, $"DataSet '{dataSet.Name}'");

    internal static RdlDiagnostic Hidden(DataSetDefinition dataSet, string field, string path) => RdlDiagnostic.Error(
        DiagnosticCodes.Data.HiddenField,
        $"The field '{field}' of shared dataset '{path}' cannot be used: object-level security hides it from you (dataset '{dataSet.Name}' of the report uses it)",
        dataSet.Fields.FirstOrDefault(f => string.Equals(f.DataField, field, StringComparison.OrdinalIgnoreCase))?.Location ?? dataSet.Location,
        $"DataSet '{dataSet.Name}'");

    internal static RdlDiagnostic Unbound(DataSetDefinition dataSet) => RdlDiagnostic.Error(
        DiagnosticCodes.Data.SharedDataSetUnavailable,
        $"Dataset '{dataSet.Name}' names shared dataset '{dataSet.SharedDataSetReference}', which this render could not resolve in the catalog",
        dataSet.Location, $"DataSet '{dataSet.Name}'");

    internal static RdlDiagnostic MissingColumn(DataSetDefinition dataSet, string path, string column) => RdlDiagnostic.Error(
        DiagnosticCodes.Data.SecurityRuleColumnMissing,
        $"A row-level security rule of shared dataset '{path}' filters on column '{column}', which its query does not return; no rows are shown (ask an administrator to correct the rule)",
        dataSet.Location, $"DataSet '{dataSet.Name}'");
}
