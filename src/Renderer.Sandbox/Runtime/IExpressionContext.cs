namespace Renderer.Sandbox.Runtime;

public enum AggregateFunction
{
    Sum,
    Avg,
    Count,
    CountDistinct,
    CountRows,
    Min,
    Max,
    First,
    Last,
    StDev,
    StDevP,
    Var,
    VarP,
}

/// <summary>
/// What compiled expressions see of the report while it is processed: the current row, parameters, globals,
/// and the rows of the current (or a named) scope for aggregates. Implemented by processing; the compiled
/// VB code reaches it through <see cref="ReportExpressionHost"/>.
/// </summary>
public interface IExpressionContext
{
    object? GetFieldValue(string name);

    bool IsFieldMissing(string name);

    ReportParameter GetParameter(string name);

    object? GetGlobal(string name);

    object? GetUser(string name);

    /// <summary>
    /// Evaluates <paramref name="value"/> for each row of the scope (the current scope when <paramref name="scope"/>
    /// is null; else a dataset, data region or group name) and aggregates the results. <paramref name="value"/> is null for CountRows.
    /// </summary>
    object? Aggregate(AggregateFunction function, Func<object?>? value, string? scope);
}
