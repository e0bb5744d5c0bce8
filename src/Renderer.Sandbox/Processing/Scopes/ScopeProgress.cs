namespace Renderer.Sandbox.Processing.Scopes;

/// <summary>
/// Processing order, as RunningValue, RowNumber and Previous need it. A logical clock ticks on every scope push and on
/// every completed group instance; a row is "processed" once an instance holding it completed (the tablix walk completes
/// each detail row and each group instance after emitting its rows). The running rows of a scope instance are then its
/// rows completed since the instance was entered, followed by the rows of the current position.
/// </summary>
internal sealed class ScopeProgress
{
    private readonly Dictionary<object?[], long> _done = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, (ScopeFrame Frame, long Stamp)> _last = new(StringComparer.OrdinalIgnoreCase);
    private long _clock;

    /// <summary>
    /// Whether completed rows are stamped (RunningValue and RowNumber need it). Stamping costs a hash insert per row and
    /// per enclosing group instance, so reports that use neither turn it off (<see cref="UsesRunningRows"/>).
    /// </summary>
    public bool TracksRows { get; set; } = true;

    /// <summary>True when an expression of the report calls RunningValue or RowNumber (the only readers of row stamps).</summary>
    public static bool UsesRunningRows(IEnumerable<string> expressions) =>
        expressions.Any(e => e.Contains("RunningValue", StringComparison.OrdinalIgnoreCase) || e.Contains("RowNumber", StringComparison.OrdinalIgnoreCase));

    /// <summary>Advances the clock; the stamp of a scope entered now.</summary>
    public long Tick() => ++_clock;

    /// <summary>Marks the rows of a finished group instance (or detail row) as processed.</summary>
    public void Complete(ScopeFrame frame)
    {
        var stamp = ++_clock;
        if (TracksRows)
        {
            foreach (var row in frame.Rows) _done[row] = stamp;
        }

        _last[frame.Name] = (frame, stamp);
    }

    /// <summary>The last completed instance of the group <paramref name="name"/>, if it completed after <paramref name="since"/>.</summary>
    public ScopeFrame? PreviousInstance(string name, long since) =>
        _last.TryGetValue(name, out var last) && last.Stamp > since ? last.Frame : null;

    /// <summary>
    /// The rows of <paramref name="scopeRows"/> processed after <paramref name="since"/> in processing order, then
    /// <paramref name="current"/> (the rows of the current position, which count as reached).
    /// </summary>
    public List<object?[]> RunningRows(IReadOnlyList<object?[]> scopeRows, long since, IReadOnlyList<object?[]> current)
    {
        if (!TracksRows) throw new InvalidOperationException("RunningValue or RowNumber was called in a report whose expressions were not expected to use them.");
        var currentSet = new HashSet<object?[]>(current, ReferenceEqualityComparer.Instance);
        var done = new List<(long Stamp, int Index, object?[] Row)>();
        for (int i = 0; i < scopeRows.Count; i++)
        {
            var row = scopeRows[i];
            if (currentSet.Contains(row)) continue;
            if (_done.TryGetValue(row, out var stamp) && stamp > since) done.Add((stamp, i, row));
        }
        done.Sort((a, b) => a.Stamp != b.Stamp ? a.Stamp.CompareTo(b.Stamp) : a.Index.CompareTo(b.Index));
        var result = new List<object?[]>(done.Count + current.Count);
        foreach (var d in done) result.Add(d.Row);
        result.AddRange(current);
        return result;
    }
}
