using System.Collections.Immutable;
using DataBroker.Queries;
using Microsoft.Extensions.Options;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;

namespace DataBroker.Connectors;

/// <summary>The registered source an RDL data source maps to, or the DAT6001 diagnostic saying why none does.</summary>
public sealed record DataSourceResolution(RegisteredDataSource? DataSource, RdlDiagnostic? Diagnostic)
{
    public bool Success => DataSource is not null;
}

/// <summary>
/// Maps an RDL data source to a data source registered under <c>DataBroker:DataSources</c>: by its
/// <c>DataSourceReference</c> first (the full reference, then its last path segment, so <c>/Data Sources/Sales</c> finds <c>Sales</c>),
/// else by the RDL data source name. A connection string embedded in the RDL is never used: report authors are not trusted
/// to choose what the server connects to. A source restricted to other reports (<see cref="DataSourceAccess"/>) does not
/// resolve: the diagnostic is DAT6040.
/// </summary>
public sealed class DataSourceResolver(IOptions<DataBrokerOptions> options)
{
    public DataSourceResolution Resolve(ReportDefinition report, DataSourceDefinition dataSource)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(dataSource);

        var reference = dataSource.DataSourceReference?.Trim();
        if (!string.IsNullOrEmpty(reference))
        {
            var found = Find(reference) ?? Find(reference.Trim('/')) ?? Find(LastSegment(reference));
            if (found is not null) return Checked(found, report, dataSource);
        }

        var byName = Find(dataSource.Name);
        if (byName is not null) return Checked(byName, report, dataSource);

        var key = string.IsNullOrEmpty(reference) ? dataSource.Name : LastSegment(reference);
        return new DataSourceResolution(null, DataDiagnostics.Unregistered(key, report.Name, dataSource.Location, dataSource.Name));
    }

    /// <summary>Resolves the data source a dataset's query names; a name the RDL does not declare is still looked up as a registered name.</summary>
    public DataSourceResolution Resolve(ReportDefinition report, DataSetDefinition dataSet)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(dataSet);
        var name = dataSet.Query.DataSourceName;
        var declared = report.DataSources.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? new DataSourceDefinition(name, null, null, null, dataSet.Query.Location);
        return Resolve(report, declared);
    }

    /// <summary>The registered source named <paramref name="name"/> (a shared dataset's, from the catalog), with the same AllowedReports check.</summary>
    public DataSourceResolution ResolveRegistered(string name, ReportDefinition report, DataSetDefinition dataSet)
    {
        var declared = new DataSourceDefinition(name, null, null, name, dataSet.Query.Location);
        return Find(name) is { } found ? Checked(found, report, declared) : new DataSourceResolution(null, DataDiagnostics.Unregistered(name, report.Name, dataSet.Location, name));
    }

    /// <summary>
    /// The refusals of <paramref name="report"/> known from its definition alone, each once: its data sources and
    /// datasets' sources that the server restricts (AllowedReports) to other reports (DAT6040), and its own queries on a
    /// source row-level security protects (DAT6050). Empty when the report may use every source it names.
    /// </summary>
    public ImmutableArray<RdlDiagnostic> Restricted(ReportDefinition report) =>
        [.. report.DataSources.Select(d => Resolve(report, d).Diagnostic)
            .Concat(report.DataSets.Select(d => Resolve(report, d).Diagnostic))
            .OfType<RdlDiagnostic>()
            .Where(d => d.Code == DataSourceAccess.RestrictedDataSource)
            .Concat(report.DataSets
                .Where(d => d.SharedDataSetReference is null && Inline.InlineData.Classify(report, d) != Inline.InlineKind.Inline)
                .Select(d => (DataSet: d, Source: Resolve(report, d).DataSource))
                .Where(p => p.Source is { } source && options.Value.DataSources[source.Name].RowLevelSecurity)
                .Select(p => Security.SecurityDiagnostics.Protected(p.DataSet, p.Source!.Name)))
            .DistinctBy(d => d.Message)];

    private DataSourceResolution Checked(RegisteredDataSource found, ReportDefinition report, DataSourceDefinition dataSource) =>
        DataSourceAccess.Allows(options.Value.DataSources[found.Name], report.Name)
            ? new DataSourceResolution(found, null)
            : new DataSourceResolution(null, DataSourceAccess.Denied(found.Name, report, dataSource));

    private RegisteredDataSource? Find(string name)
    {
        if (name.Length == 0) return null;
        foreach (var (key, value) in options.Value.DataSources)
        {
            if (value is not null && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return new RegisteredDataSource(key, value.Provider.Trim().ToLowerInvariant(), value.ConnectionString, NullIfEmpty(value.CredentialName));
            }
        }

        return null;
    }

    private static string LastSegment(string reference)
    {
        var trimmed = reference.TrimEnd('/', '\\');
        var slash = trimmed.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
