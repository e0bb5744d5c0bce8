using System.Collections.Immutable;
using Rdl.Model.Definitions.Tablix;
using Renderer.Sandbox.Processing.Filters;

namespace Renderer.Sandbox.Processing.Tablix;

/// <summary>One instance of a group: its rows and, for a recursive group, its depth and its rows plus its descendants'.</summary>
internal sealed record GroupInstance(IReadOnlyList<object?[]> Rows)
{
    public int? Level { get; init; }

    public IReadOnlyList<object?[]>? RecursiveRows { get; init; }

    /// <summary>The instance's group values, when the report has toggles or sorts (see <see cref="ScopeFrame.InstanceKey"/>).</summary>
    public object?[]? Key { get; init; }

    public ScopeFrame Frame(string name, DataSetInstance dataSet) =>
        new(name, dataSet, Rows) { RecursiveLevel = Level, RecursiveRows = RecursiveRows, InstanceKey = Key };
}

/// <summary>
/// Splits rows into the instances of a tablix member's group: a details group gives one instance per row (sorted by the
/// member's SortExpressions); other groups one instance per distinct GroupExpressions key, in order of first appearance,
/// then filtered by the group's Filters and sorted by the member's SortExpressions (evaluated in each instance's scope).
/// A recursive group (Group/Parent) is ordered depth first: each instance is followed by the instances whose Parent
/// value equals its group value, and carries its recursion level. The viewer's interactive sorts on the group (or, for
/// details, on its data region) then reorder the instances, the latest sort first (see <see cref="Interactivity.InteractiveState.SortsFor"/>).
/// </summary>
internal sealed class GroupPartitioner(ProcessingContext context)
{
    public IReadOnlyList<GroupInstance> Partition(TablixMember member, DataSetInstance dataSet, IReadOnlyList<object?[]> rows)
    {
        var group = member.Group!;
        if (group.IsDetails)
        {
            var sorted = Sort(dataSet, rows, member.SortExpressions);
            var details = sorted.Select(r => (IReadOnlyList<object?[]>)new[] { r }).ToList();
            var kept = FilterEngine.ApplyToGroups(context, dataSet, details, group.Filters, group.Name);
            return SortByUser(group, dataSet, kept).Select(r => new GroupInstance(r)).ToList();
        }
        var keys = new Dictionary<GroupKey, List<object?[]>>();
        var values = context.Interactive.KeepsInstanceKeys ? new Dictionary<IReadOnlyList<object?[]>, object?[]>(ReferenceEqualityComparer.Instance) : null;
        var order = new List<IReadOnlyList<object?[]>>();
        var saved = context.SetRow(dataSet, null);
        try
        {
            foreach (var row in rows)
            {
                context.SetRow(dataSet, row);
                var evaluated = Evaluate(group.GroupExpressions);
                var key = new GroupKey(evaluated);
                if (!keys.TryGetValue(key, out var list))
                {
                    list = [];
                    keys.Add(key, list);
                    order.Add(list);
                    values?.Add(list, evaluated);
                }
                list.Add(row);
            }
        }
        finally
        {
            context.RestoreRow(saved);
        }
        var filtered = FilterEngine.ApplyToGroups(context, dataSet, order, group.Filters, group.Name);
        var instances = SortByUser(group, dataSet, SortInstances(member, dataSet, filtered));
        var result = group.Parent is null ? instances.Select(r => new GroupInstance(r)).ToList() : Recursive(group, dataSet, instances);
        if (values is null) return result;
        return [.. result.Select(i => i with { Key = values.GetValueOrDefault(i.Rows) })];
    }

    /// <summary>
    /// Applies the viewer's interactive sorts on this group (oldest first, each a stable sort, so the latest decides and
    /// the earlier ones and the group's own sort order the ties); the SortExpression is evaluated in each instance's scope.
    /// </summary>
    private IReadOnlyList<IReadOnlyList<object?[]>> SortByUser(GroupDefinition group, DataSetInstance dataSet, IReadOnlyList<IReadOnlyList<object?[]>> instances)
    {
        if (instances.Count < 2) return instances;
        var sorts = context.Interactive.SortsFor(group, context);
        if (sorts.Count == 0) return instances;
        var current = instances;
        foreach (var (expression, descending) in sorts)
        {
            var keyed = new List<(object?[] Key, IReadOnlyList<object?[]> Rows)>(current.Count);
            foreach (var instance in current)
            {
                context.PushScope(new ScopeFrame(group.Name, dataSet, instance));
                var saved = context.SetRow(dataSet, instance.Count > 0 ? instance[0] : null);
                try
                {
                    keyed.Add(([context.Evaluator.Evaluate(expression, context)], instance));
                }
                finally
                {
                    context.RestoreRow(saved);
                    context.PopScope();
                }
            }
            current = [.. keyed.OrderBy(k => k.Key, new SortComparer([descending])).Select(k => k.Rows)];
        }
        return current;
    }

    /// <summary>Sorts rows by <paramref name="sorts"/> (stable; nulls first).</summary>
    public IReadOnlyList<object?[]> Sort(DataSetInstance dataSet, IReadOnlyList<object?[]> rows, ImmutableArray<SortExpression> sorts)
    {
        if (sorts.IsDefaultOrEmpty || rows.Count < 2) return rows;
        var keys = new object?[rows.Count][];
        var saved = context.SetRow(dataSet, null);
        try
        {
            for (int i = 0; i < rows.Count; i++)
            {
                context.SetRow(dataSet, rows[i]);
                keys[i] = sorts.Select(s => context.Evaluator.Evaluate(s.Value, context)).ToArray();
            }
        }
        finally
        {
            context.RestoreRow(saved);
        }
        var comparer = new SortComparer(sorts.Select(s => s.Descending).ToArray());
        return Enumerable.Range(0, rows.Count).OrderBy(i => keys[i], comparer).Select(i => rows[i]).ToList();
    }

    private IReadOnlyList<IReadOnlyList<object?[]>> SortInstances(TablixMember member, DataSetInstance dataSet, IReadOnlyList<IReadOnlyList<object?[]>> instances)
    {
        if (member.SortExpressions.IsDefaultOrEmpty || instances.Count < 2) return instances;
        var keyed = new List<(object?[] Key, IReadOnlyList<object?[]> Rows)>(instances.Count);
        foreach (var instance in instances)
        {
            context.PushScope(new ScopeFrame(member.Group!.Name, dataSet, instance));
            var saved = context.SetRow(dataSet, instance[0]);
            try
            {
                keyed.Add((member.SortExpressions.Select(s => context.Evaluator.Evaluate(s.Value, context)).ToArray(), instance));
            }
            finally
            {
                context.RestoreRow(saved);
                context.PopScope();
            }
        }
        var comparer = new SortComparer(member.SortExpressions.Select(s => s.Descending).ToArray());
        return keyed.OrderBy(k => k.Key, comparer).Select(k => k.Rows).ToList();
    }

    /// <summary>Orders instances of a recursive group depth first (roots: no parent value, or one matching no instance).</summary>
    private List<GroupInstance> Recursive(GroupDefinition group, DataSetInstance dataSet, IReadOnlyList<IReadOnlyList<object?[]>> instances)
    {
        var index = new Dictionary<GroupKey, int>();
        var parents = new GroupKey?[instances.Count];
        var saved = context.SetRow(dataSet, null);
        try
        {
            for (int i = 0; i < instances.Count; i++)
            {
                context.SetRow(dataSet, instances[i][0]);
                index.TryAdd(new GroupKey([context.Evaluator.Evaluate(group.GroupExpressions[0], context)]), i);
                var parent = context.Evaluator.Evaluate(group.Parent!, context);
                parents[i] = parent is null or DBNull ? null : new GroupKey([parent]);
            }
        }
        finally
        {
            context.RestoreRow(saved);
        }
        var children = Enumerable.Range(0, instances.Count).Select(_ => new List<int>()).ToArray();
        var roots = new List<int>();
        for (int i = 0; i < instances.Count; i++)
        {
            if (parents[i] is { } p && index.TryGetValue(p, out int parent) && parent != i) children[parent].Add(i);
            else roots.Add(i);
        }
        var result = new List<GroupInstance>(instances.Count);
        var visited = new bool[instances.Count];
        void Visit(int i, int level)
        {
            visited[i] = true;
            int at = result.Count;
            result.Add(null!);
            var all = new List<object?[]>(instances[i]);
            foreach (var child in children[i])
            {
                if (visited[child]) continue;
                int from = result.Count;
                Visit(child, level + 1);
                all.AddRange(result[from].RecursiveRows!);
            }
            result[at] = new GroupInstance(instances[i]) { Level = level, RecursiveRows = all };
        }
        foreach (var root in roots) Visit(root, 0);
        // Instances caught in a parent cycle have no root above them; show them as roots rather than drop their rows.
        for (int i = 0; i < instances.Count; i++)
            if (!visited[i]) Visit(i, 0);
        return result;
    }

    private object?[] Evaluate(ImmutableArray<Rdl.Model.Expressions.ExpressionText> expressions)
    {
        var values = new object?[expressions.Length];
        for (int i = 0; i < values.Length; i++) values[i] = context.Evaluator.Evaluate(expressions[i], context);
        return values;
    }
}
