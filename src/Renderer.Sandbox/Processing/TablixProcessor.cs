using System.Collections.Immutable;
using Rdl.Model.Definitions.Tablix;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Expands a table-shaped tablix: walks the row hierarchy, partitions rows into group instances (in data order,
/// then by the member's SortExpressions), and emits one <see cref="TablixRowInstance"/> per leaf member per instance.
/// Each leaf member owns one body row, in document order.
/// </summary>
internal sealed class TablixProcessor(ProcessingContext context, ItemEvaluator items, Func<string?, DataSetInstance> dataSets)
{
    public TablixInstance Process(TablixDefinition tablix)
    {
        var dataSet = dataSets(tablix.DataSetName);
        var rows = Sort(dataSet, dataSet.Rows, tablix.SortExpressions, null);
        var output = new List<TablixRowInstance>(Math.Max(16, rows.Count + 8));
        context.PushScope(new ScopeFrame(tablix.Name, dataSet, rows));
        var saved = context.SetRow(dataSet, rows.Count > 0 ? rows[0] : null);
        TextboxInstance? noRows = null;
        try
        {
            if (rows.Count == 0 && tablix.NoRowsMessage is { } message)
            {
                // As in SSRS, the NoRowsMessage replaces the whole data region, headers included.
                var text = items.TryEvaluate(message, tablix, out _)?.ToString() ?? string.Empty;
                noRows = new TextboxInstance(new Rdl.Model.Definitions.Items.Textbox(tablix.Name + "_NoRows", tablix.Bounds, tablix.Style, tablix.Location, []), text, text, items.Styles.ResolveText(tablix.Style, null, null, true));
            }
            else
            {
                ExpandMembers(tablix, tablix.RowHierarchy, 0, dataSet, rows, output);
            }
        }
        finally
        {
            context.RestoreRow(saved);
            context.PopScope();
        }
        var widths = tablix.ColumnWidths.Select(w => w.Points).ToImmutableArray();
        return new TablixInstance(tablix, widths, output, items.Styles.ResolveBox(tablix.Style)) { NoRows = noRows };
    }

    private void ExpandMembers(TablixDefinition tablix, ImmutableArray<TablixMember> members, int firstLeaf, DataSetInstance dataSet, IReadOnlyList<object?[]> rows, List<TablixRowInstance> output)
    {
        int leaf = firstLeaf;
        for (int m = 0; m < members.Length; m++)
        {
            var member = members[m];
            int leaves = LeafCount(member);
            if (member.Group is null)
            {
                if (!items.IsHidden(member.Hidden, tablix))
                {
                    if (member.IsLeaf) EmitRow(tablix, member, leaf, output);
                    else ExpandMembers(tablix, member.Children, leaf, dataSet, rows, output);
                }
            }
            else
            {
                foreach (var instance in Partition(member, dataSet, rows))
                {
                    context.PushScope(new ScopeFrame(member.Group.Name, dataSet, instance));
                    var saved = context.SetRow(dataSet, instance.Count > 0 ? instance[0] : null);
                    try
                    {
                        if (items.IsHidden(member.Hidden, tablix)) continue;
                        if (member.IsLeaf) EmitRow(tablix, member, leaf, output);
                        else ExpandMembers(tablix, member.Children, leaf, dataSet, instance, output);
                    }
                    finally
                    {
                        context.RestoreRow(saved);
                        context.PopScope();
                    }
                }
            }
            leaf += leaves;
        }
    }

    private IEnumerable<IReadOnlyList<object?[]>> Partition(TablixMember member, DataSetInstance dataSet, IReadOnlyList<object?[]> rows)
    {
        var group = member.Group!;
        if (group.IsDetails)
        {
            var sorted = Sort(dataSet, rows, member.SortExpressions, group.Name);
            for (int i = 0; i < sorted.Count; i++) yield return new[] { sorted[i] };
            yield break;
        }
        var instances = new Dictionary<GroupKey, List<object?[]>>();
        var order = new List<List<object?[]>>();
        var saved = context.SetRow(dataSet, null);
        try
        {
            foreach (var row in rows)
            {
                context.SetRow(dataSet, row);
                var key = new object?[group.GroupExpressions.Length];
                for (int i = 0; i < key.Length; i++) key[i] = context.Evaluator.Evaluate(group.GroupExpressions[i], context);
                var groupKey = new GroupKey(key);
                if (!instances.TryGetValue(groupKey, out var list))
                {
                    list = [];
                    instances.Add(groupKey, list);
                    order.Add(list);
                }
                list.Add(row);
            }
        }
        finally
        {
            context.RestoreRow(saved);
        }
        if (member.SortExpressions.IsDefaultOrEmpty)
        {
            foreach (var instance in order) yield return instance;
            yield break;
        }
        var keyed = new List<(object?[] Key, List<object?[]> Rows)>(order.Count);
        foreach (var instance in order)
        {
            context.PushScope(new ScopeFrame(group.Name, dataSet, instance));
            var rowState = context.SetRow(dataSet, instance[0]);
            try
            {
                keyed.Add((member.SortExpressions.Select(s => context.Evaluator.Evaluate(s.Value, context)).ToArray(), instance));
            }
            finally
            {
                context.RestoreRow(rowState);
                context.PopScope();
            }
        }
        var comparer = new SortComparer(member.SortExpressions.Select(s => s.Descending).ToArray());
        foreach (var (_, instance) in keyed.OrderBy(k => k.Key, comparer)) yield return instance;
    }

    private IReadOnlyList<object?[]> Sort(DataSetInstance dataSet, IReadOnlyList<object?[]> rows, ImmutableArray<SortExpression> sorts, string? scopeName)
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
        var indexes = Enumerable.Range(0, rows.Count).OrderBy(i => keys[i], comparer).ToArray();
        return indexes.Select(i => rows[i]).ToList();
    }

    private void EmitRow(TablixDefinition tablix, TablixMember member, int bodyRow, List<TablixRowInstance> output)
    {
        if (bodyRow >= tablix.Rows.Length) return;
        var row = tablix.Rows[bodyRow];
        var cells = new CellInstance?[tablix.ColumnWidths.Length];
        int column = 0;
        foreach (var cell in row.Cells)
        {
            if (column >= cells.Length) break;
            if (cell.Contents is { } contents && items.Evaluate(contents) is { } instance)
                cells[column] = new CellInstance(column, Math.Max(1, cell.ColSpan), instance);
            column++;
        }
        output.Add(new TablixRowInstance(bodyRow, row.Height.Points, cells)
        {
            RepeatOnNewPage = member.RepeatOnNewPage,
            KeepWithNext = string.Equals(member.KeepWithGroup, "After", StringComparison.OrdinalIgnoreCase),
        });
    }

    private static int LeafCount(TablixMember member) => member.IsLeaf ? 1 : member.Children.Sum(LeafCount);
}
