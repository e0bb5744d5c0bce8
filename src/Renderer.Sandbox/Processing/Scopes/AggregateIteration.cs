namespace Renderer.Sandbox.Processing.Scopes;

/// <summary>
/// One running aggregate (its scope's rows are being walked). A nested aggregate naming a child group of that scope
/// (<c>Sum(Count(x, "Inner"), "Outer")</c>) computes over the Inner instance holding the current row, once per instance:
/// for the other rows of an instance already seen it sets <see cref="Skip"/> and the outer aggregate drops the value.
/// </summary>
internal sealed class AggregateIteration(string? scopeName, DataSetInstance dataSet, IReadOnlyList<object?[]> rows)
{
    private readonly Dictionary<string, GroupPartition> _partitions = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string Group, int Instance)> _seen = [];

    /// <summary>The name of the scope being aggregated (the innermost frame's name when the aggregate names none).</summary>
    public string? ScopeName => scopeName;

    public DataSetInstance DataSet => dataSet;

    /// <summary>The rows being aggregated.</summary>
    public IReadOnlyList<object?[]> Rows => rows;

    /// <summary>Set by a nested aggregate when the current row's instance was already aggregated.</summary>
    public bool Skip { get; set; }

    /// <summary>The rows of <paramref name="group"/>'s instance holding <paramref name="row"/>; null (and <see cref="Skip"/>) when seen before.</summary>
    public IReadOnlyList<object?[]>? Enter(string group, object?[] row, Func<GroupPartition> partition)
    {
        if (!_partitions.TryGetValue(group, out var p)) _partitions[group] = p = partition();
        if (!p.InstanceOf.TryGetValue(row, out var instance)) return [row];
        if (!_seen.Add((group, instance)))
        {
            Skip = true;
            return null;
        }
        return p.Instances[instance];
    }
}

/// <summary>The rows of an aggregate's scope split into the instances of one group.</summary>
internal sealed class GroupPartition
{
    public Dictionary<object?[], int> InstanceOf { get; } = new(ReferenceEqualityComparer.Instance);

    public List<List<object?[]>> Instances { get; } = [];
}
