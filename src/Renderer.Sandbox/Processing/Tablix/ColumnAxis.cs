using System.Collections.Immutable;
using Rdl.Model.Definitions.Tablix;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing.Tablix;

/// <summary>
/// One output body column: an instance of column-hierarchy leaf <see cref="Leaf"/> (the body column whose cells it
/// shows), inside the column-group instances <see cref="Frames"/> (outermost first; empty on an all-static path).
/// </summary>
internal sealed class ColumnSlot(int leaf, ImmutableArray<ScopeFrame> frames)
{
    private HashSet<object?[]>? _rows;

    public int Leaf { get; } = leaf;

    public ImmutableArray<ScopeFrame> Frames { get; } = frames;

    /// <summary>The rows of the innermost column-group instance (by reference), for intersecting with a row scope.</summary>
    public HashSet<object?[]>? Rows => Frames.IsEmpty ? null : _rows ??= new HashSet<object?[]>(Frames[^1].Rows, ReferenceEqualityComparer.Instance);
}

/// <summary>A column-hierarchy header: header row <see cref="Level"/> (+<see cref="Levels"/>), over output body columns <see cref="First"/>..+<see cref="Count"/>.</summary>
internal sealed record ColumnHeaderCell(int Level, int Levels, int First, int Count, ItemInstance Content);

/// <summary>
/// Expands the column hierarchy in the data region's scope: every dynamic member is partitioned into its instances
/// (rows of the data region, narrowed by the enclosing column groups), hidden members are dropped, and each remaining
/// leaf instance becomes a <see cref="ColumnSlot"/>. Header cells are evaluated in their column-group instance's scope.
/// When every child of a group instance is hidden (a collapsed drilldown), the instance keeps one column, showing its
/// first leaf in the instance's own scope, as SSRS does.
/// </summary>
internal sealed class ColumnAxis(ProcessingContext context, ItemEvaluator items, GroupPartitioner partitioner)
{
    public List<ColumnSlot> Slots { get; } = [];

    public List<ColumnHeaderCell> Headers { get; } = [];

    public void Expand(TablixDefinition tablix, DataSetInstance dataSet, IReadOnlyList<object?[]> rows)
    {
        if (tablix.ColumnHierarchy.IsDefaultOrEmpty)
        {
            // No column hierarchy: one static column per body column.
            for (int c = 0; c < tablix.ColumnWidths.Length; c++) Slots.Add(new ColumnSlot(c, []));
            return;
        }
        ExpandMembers(tablix, tablix.ColumnHierarchy, 0, dataSet, rows, 0, []);
    }

    private void ExpandMembers(TablixDefinition tablix, ImmutableArray<TablixMember> members, int firstLeaf, DataSetInstance dataSet, IReadOnlyList<object?[]> rows, int level, ImmutableArray<ScopeFrame> frames)
    {
        int leaf = firstLeaf;
        foreach (var member in members)
        {
            if (member.Group is null)
            {
                Visit(tablix, member, leaf, dataSet, rows, level, frames, dynamic: false);
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
                        Visit(tablix, member, leaf, dataSet, instance.Rows, level, frames.Add(frame), dynamic: true);
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

    private void Visit(TablixDefinition tablix, TablixMember member, int leaf, DataSetInstance dataSet, IReadOnlyList<object?[]> rows, int level, ImmutableArray<ScopeFrame> frames, bool dynamic)
    {
        if (items.IsHidden(member.Hidden, member.ToggleItem, tablix)) return;
        var header = member.Header?.Cell.Contents is { } contents ? items.Evaluate(contents) : null;
        int levels = member.Header is { } h ? HeaderLevels.Span(h, rowHierarchy: false) : 0;
        int start = Slots.Count;
        if (member.IsLeaf) Slots.Add(new ColumnSlot(leaf, frames));
        else
        {
            ExpandMembers(tablix, member.Children, leaf, dataSet, rows, level + levels, frames);
            if (Slots.Count == start && dynamic) Slots.Add(new ColumnSlot(leaf, frames));
        }
        if (header is not null && Slots.Count > start) Headers.Add(new ColumnHeaderCell(level, levels, start, Slots.Count - start, header));
    }
}
