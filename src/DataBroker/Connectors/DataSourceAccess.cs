using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;

namespace DataBroker.Connectors;

/// <summary>
/// Which reports may use a registered data source: any report, unless its <c>AllowedReports</c> lists reports. An entry
/// without '/' names a command-line report file (the host also lets it allow the sample <c>/Samples/{name}</c>); an entry starting with
/// '/' is a catalog path that allows that report, or every report below that folder (<c>/Sales</c> allows
/// <c>/Sales/Monthly/Revenue</c>). Both compare without case. A catalog report is identified by its path, never by its
/// name alone, so no one can borrow an allowed name elsewhere in the tree. The broker checks it for every query it
/// runs, the host for every report it accepts.
/// </summary>
public static class DataSourceAccess
{
    /// <summary>The report may not use the data source (it is not in the source's AllowedReports).</summary>
    public const string RestrictedDataSource = DiagnosticCodes.Data.RestrictedDataSource;

    public static bool Allows(DataSourceOptions source, string reportName) =>
        source.AllowedReports is not { Count: > 0 } allowed || allowed.Any(entry => Matches(entry, reportName));

    private static bool Matches(string entry, string reportName) => reportName.StartsWith('/')
        ? entry.StartsWith('/') && (string.Equals(entry.TrimEnd('/'), reportName, StringComparison.OrdinalIgnoreCase)
            || reportName.StartsWith(entry.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase))
        : string.Equals(entry, reportName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether some data source of <paramref name="options"/> names <paramref name="reportName"/> in its AllowedReports.</summary>
    public static bool IsNamed(DataBrokerOptions options, string reportName) =>
        options.DataSources.Values.Any(s => s?.AllowedReports?.Contains(reportName, StringComparer.OrdinalIgnoreCase) == true);

    internal static RdlDiagnostic Denied(string sourceName, ReportDefinition report, DataSourceDefinition dataSource) =>
        RdlDiagnostic.Error(
            RestrictedDataSource,
            $"Report '{report.Name}' may not use data source '{sourceName}': the server allows it only for the reports listed in DataBroker:DataSources:{sourceName}:AllowedReports",
            dataSource.Location,
            $"DataSource '{dataSource.Name}'");
}
