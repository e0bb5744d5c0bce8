namespace Renderer.Sandbox.Processing;

/// <summary>
/// One level of the scope chain while a data region is processed: the dataset, the data region, then each group
/// instance down to the current one. Aggregates without a scope name use the innermost frame's rows.
/// </summary>
internal sealed record ScopeFrame(string Name, DataSetInstance DataSet, IReadOnlyList<object?[]> Rows)
{
    /// <summary>
    /// For an instance of a recursive group (Group/Parent): its depth in the recursive hierarchy, 0 for a root.
    /// Null for every other frame. Level() reads the innermost frame (or the named one) that has it.
    /// </summary>
    public int? RecursiveLevel { get; init; }

    /// <summary>The frame of a whole data region (RunningValue and RowNumber with scope Nothing accumulate over it).</summary>
    public bool IsDataRegion { get; init; }

    /// <summary>For an instance of a recursive group: its own rows followed by all its descendants' rows (Recursive aggregates).</summary>
    public IReadOnlyList<object?[]>? RecursiveRows { get; init; }

    /// <summary>
    /// The group values of a group instance, kept when the report has drilldown toggles or interactive sorts (their ids
    /// name the instances, see <see cref="Interactivity.InteractiveState"/>); null otherwise and for details.
    /// </summary>
    public object?[]? InstanceKey { get; init; }
}
