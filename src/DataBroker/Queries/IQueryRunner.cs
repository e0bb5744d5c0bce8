using Rdl.Model.Definitions;

namespace DataBroker.Queries;

/// <summary>Runs a report's dataset query on the trusted side. See <see cref="QueryRunner"/>.</summary>
public interface IQueryRunner
{
    Task<DataQueryResult> ExecuteAsync(
        ReportDefinition report, string dataSetName, IReadOnlyDictionary<string, object?> parameterValues, CancellationToken cancellationToken);
}
