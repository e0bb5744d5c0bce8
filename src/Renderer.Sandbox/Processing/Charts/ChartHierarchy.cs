using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Renderer.Sandbox.Processing.Tablix;

namespace Renderer.Sandbox.Processing.Charts;

/// <summary>One instance of a leaf of a chart hierarchy: the leaf's index, its rows, the group frames above it and its label.</summary>
internal sealed record ChartSlot(int Leaf, IReadOnlyList<object?[]> Rows, ImmutableArray<ScopeFrame> Frames, string Label)
{
    /// <summary>The innermost label's value as evaluated (a date, a number, ...), for the axis Format; null when none.</summary>
    public object? Value { get; init; }

    /// <summary>The labels from the outermost member to this leaf (tree maps and sunbursts nest by them).</summary>
    public ImmutableArray<string> Path { get; init; } = [];
}

/// <summary>
/// Expands a chart's category or series hierarchy into leaf instances, in order, with the tablix grouping machinery
/// (<see cref="GroupPartitioner"/>: group expressions, filters, sorts). A member's label is evaluated in its group
/// instance's scope (falling back to the first group expression); nested labels are joined with " - ".
/// </summary>
internal sealed class ChartHierarchy(ProcessingContext context, ItemEvaluator items, GroupPartitioner partitioner)
{
    public List<ChartSlot> Expand(ImmutableArray<TablixMember> members, DataSetInstance dataSet, IReadOnlyList<object?[]> rows, ReportItem owner)
    {
        var slots = new List<ChartSlot>();
        Walk(members, 0, dataSet, rows, [], [], owner, slots);
        return slots;
    }

    private void Walk(ImmutableArray<TablixMember> members, int firstLeaf, DataSetInstance dataSet, IReadOnlyList<object?[]> rows,
        ImmutableArray<ScopeFrame> frames, ImmutableArray<string> labels, ReportItem owner, List<ChartSlot> slots)
    {
        int leaf = firstLeaf;
        foreach (var member in members)
        {
            if (member.Group is null)
            {
                Visit(member, leaf, dataSet, rows, frames, labels, owner, slots);
            }
            else
            {
                foreach (var instance in partitioner.Partition(member, dataSet, rows))
                {
                    var frame = instance.Frame(member.Group.Name, dataSet);
                    context.PushScope(frame);
                    var saved = context.SetRow(dataSet, instance.Rows.Count > 0 ? instance.Rows[0] : null);
                    try
                    {
                        Visit(member, leaf, dataSet, instance.Rows, frames.Add(frame), labels, owner, slots);
                    }
                    finally
                    {
                        context.RestoreRow(saved);
                        context.PopScope();
                    }
                }
            }
            leaf += HeaderLevels.LeafCount(member);
        }
    }

    private void Visit(TablixMember member, int leaf, DataSetInstance dataSet, IReadOnlyList<object?[]> rows,
        ImmutableArray<ScopeFrame> frames, ImmutableArray<string> labels, ReportItem owner, List<ChartSlot> slots)
    {
        var (label, value) = Label(member, owner);
        var path = string.IsNullOrEmpty(label) ? labels : labels.Add(label);
        if (member.IsLeaf) slots.Add(new ChartSlot(leaf, rows, frames, string.Join(" - ", path)) { Value = path.Length == 1 ? value : null, Path = path });
        else Walk(member.Children, leaf, dataSet, rows, frames, path, owner, slots);
    }

    private (string Text, object? Value) Label(TablixMember member, ReportItem owner)
    {
        var expression = (member.Header?.Cell.Contents as Textbox)?.SingleValue;
        if (expression is null && member.Group is { IsDetails: false } group) expression = group.GroupExpressions[0];
        if (expression is null) return (string.Empty, null);
        var value = items.TryEvaluate(expression, owner, out var failed);
        return failed ? ("#Error", null) : (Styling.ValueFormatter.Format(value, null, items.Culture), value);
    }
}
