using Rdl.Model.Definitions;

namespace DataBroker.Queries;

/// <summary>Runs a report's dataset query on the trusted side. See <see cref="QueryRunner"/>.</summary>
public interface IQueryRunner
{
    /// <summary>Runs the query with a budget of its own (<see cref="DataBrokerOptions.MaxRenderBytes"/> for this query alone).</summary>
    Task<DataQueryResult> ExecuteAsync(
        ReportDefinition report, string dataSetName, IReadOnlyDictionary<string, object?> parameterValues, CancellationToken cancellationToken) =>
        ExecuteAsync(report, dataSetName, parameterValues, budget: null, cancellationToken);

    /// <summary>Runs the query, charging its rows to <paramref name="budget"/>, the render's (null: a budget of its own).</summary>
    Task<DataQueryResult> ExecuteAsync(
        ReportDefinition report, string dataSetName, IReadOnlyDictionary<string, object?> parameterValues, RenderDataBudget? budget, CancellationToken cancellationToken);

    /// <summary>A new budget for one render's data (<see cref="DataBrokerOptions.MaxRenderBytes"/>).</summary>
    RenderDataBudget CreateRenderBudget();
}
