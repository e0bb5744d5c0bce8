namespace Renderer.Sandbox.Processing;

/// <summary>
/// One level of the scope chain while a data region is processed: the dataset, the data region, then each group
/// instance down to the current one. Aggregates without a scope name use the innermost frame's rows.
/// </summary>
internal sealed record ScopeFrame(string Name, DataSetInstance DataSet, IReadOnlyList<object?[]> Rows);
