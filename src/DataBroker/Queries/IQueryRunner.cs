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

    /// <summary>
    /// Runs the query as <paramref name="access"/>'s identity: a dataset bound to a shared dataset runs that dataset's
    /// query with its row-level and object-level security; a report's own query on a protected source is refused.
    /// </summary>
    Task<DataQueryResult> ExecuteAsync(
        ReportDefinition report, string dataSetName, IReadOnlyDictionary<string, object?> parameterValues, RenderDataBudget? budget, Security.DataAccess? access, CancellationToken cancellationToken) =>
        access is null ? ExecuteAsync(report, dataSetName, parameterValues, budget, cancellationToken) : throw new NotSupportedException("This query runner does not apply data security.");

    /// <summary>A new budget for one render's data (<see cref="DataBrokerOptions.MaxRenderBytes"/>).</summary>
    RenderDataBudget CreateRenderBudget();
}
