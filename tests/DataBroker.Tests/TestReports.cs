using System.Collections.Immutable;
using DataBroker.Queries;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace DataBroker.Tests;

/// <summary>Builds <see cref="ReportDefinition"/>s directly (no RDL reader needed).</summary>
internal static class TestReports
{
    public static readonly SourceLocation DataSourceLocation = new("Sales.rdl", 7, 5);

    public static ReportDefinition Report(
        string dataSetName,
        string commandText,
        string dataSourceName = "Sales",
        string? reference = null,
        string? embeddedConnectString = null,
        params string[] parameterNames)
    {
        var source = new DataSourceDefinition(dataSourceName, "SQLITE", embeddedConnectString, reference, DataSourceLocation);
        var parameters = parameterNames
            .Select(n => new QueryParameterDefinition(n, new ExpressionText($"=Parameters!{n.TrimStart('@')}.Value", new SourceLocation("Sales.rdl", 20, 9), $"QueryParameter '{n}'"), new SourceLocation("Sales.rdl", 20, 9)))
            .ToImmutableArray();
        var query = new QueryDefinition(dataSourceName, commandText, null, parameters, new SourceLocation("Sales.rdl", 15, 7));
        var dataSet = new DataSetDefinition(dataSetName, query, [], new SourceLocation("Sales.rdl", 14, 5));
        return new ReportDefinition("Sales", [source], [dataSet], [], []);
    }

    public static Dictionary<string, object?> Values(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    public static async Task<List<object?[]>> ReadAllAsync(this DataQueryResult result)
    {
        var rows = new List<object?[]>();
        await foreach (var row in result.Rows) rows.Add(row);
        return rows;
    }
}
