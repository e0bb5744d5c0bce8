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
/// VB code reaches it through <see cref="ReportExpressionHost"/>. Members with a default body are optional for
/// simple contexts (tests); the processing context implements them all.
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

    /// <summary>As <see cref="Aggregate(AggregateFunction, Func{object?}?, string?)"/>; <paramref name="recursive"/> adds the rows of a recursive group's descendants.</summary>
    object? Aggregate(AggregateFunction function, Func<object?>? value, string? scope, bool recursive) => Aggregate(function, value, scope);

    /// <summary>RunningValue: the aggregate of the rows of <paramref name="scope"/>'s current instance processed so far, the current ones included.</summary>
    object? RunningValue(Func<object?> value, AggregateFunction function, string? scope) => throw Unsupported("RunningValue");

    /// <summary>RowNumber: the running count of rows in <paramref name="scope"/> (null: the data region).</summary>
    object? RowNumber(string? scope) => throw Unsupported("RowNumber");

    /// <summary>Previous: <paramref name="value"/> evaluated in the previous instance of the current group (Nothing for the first one).</summary>
    object? Previous(Func<object?> value, string? scope) => throw Unsupported("Previous");

    /// <summary>Level: the depth of the current instance in a recursive hierarchy (0 at the top).</summary>
    int Level(string? scope) => 0;

    /// <summary>InScope: whether the current item is inside an instance of <paramref name="scope"/>.</summary>
    bool InScope(string scope) => throw Unsupported("InScope");

    /// <summary>Lookup/LookupSet/MultiLookup: matches against <paramref name="destination"/> per row of <paramref name="dataSet"/>.</summary>
    object? Lookup(LookupKind kind, object? source, Func<object?> destination, Func<object?> result, string dataSet) => throw Unsupported("Lookup");

    /// <summary>Variables!Name.Value: a group variable of an enclosing group instance, else a report variable.</summary>
    object? GetVariable(string name) => throw Unsupported("Variables");

    /// <summary>ReportItems!Name.Value: the value of a textbox already evaluated in the current scope.</summary>
    object? GetReportItemValue(string name) => throw Unsupported("ReportItems");

    /// <summary>DataSets!Name: the dataset's command text.</summary>
    DataSetInfo GetDataSet(string name) => throw Unsupported("DataSets");

    /// <summary>Me.Value: the value of the textbox whose property (e.g. a style) is being evaluated.</summary>
    object? GetCurrentItemValue() => null;

    private static NotSupportedException Unsupported(string what) => new($"{what} is not available in this context.");
}

public enum LookupKind
{
    Lookup,
    LookupSet,
    MultiLookup,
}
