using System.Collections.Immutable;
using Rdl.Model.Definitions.Tablix;
using Renderer.Sandbox.Processing.Filters;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Processing.Tablix;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Expands a tablix (table, matrix or list) into a grid of output rows and columns.
/// <para>Columns: the row-header columns (one per row-hierarchy header level, widths from TablixHeader.Size), then one
/// body column per instance of each column-hierarchy leaf (see <see cref="ColumnAxis"/>).</para>
/// <para>Rows: the column-header rows (one per column-hierarchy header level, the TablixCorner on their left), then the
/// row hierarchy walked depth first: each dynamic member is partitioned into group instances (<see cref="GroupPartitioner"/>),
/// each leaf member instance emits its body row. A body cell is evaluated in the intersection of its row-group instance
/// and its column-group instance: aggregates without a scope see the rows in both; a named group scope sees that
/// group's own instance. Row headers are evaluated in their row group's scope and span the rows the instance produced.</para>
/// <para>Hidden members are left out (initial visibility, flipped by the viewer's toggles of their ToggleItem); a group
/// instance whose children are all hidden keeps one row/column showing its first leaf in its own scope (a collapsed drilldown).
/// For an Excel export, rows a toggle hides are kept instead, marked with <see cref="TablixRowInstance.HiddenLevel"/>
/// (Excel's collapsed outline rows), without their page breaks.</para>
/// </summary>
internal sealed class TablixProcessor(ProcessingContext context, ItemEvaluator items, Func<string?, DataSetInstance> dataSets)
{
    private readonly GroupPartitioner _partitioner = new(context);
    private readonly Scopes.DataRegionRows _sources = new(context, items, dataSets);

    /// <summary>Per tablix definition: the body rows whose cells hold items with page breaks (null: none; see <see cref="CellPaging"/>).</summary>
    private readonly Dictionary<TablixDefinition, bool[]?> _cellPagingPlans = new(ReferenceEqualityComparer.Instance);

    private ProcessingContext Context => context;

    private ItemEvaluator Items => items;

    public TablixInstance Process(TablixDefinition tablix)
    {
        // Nested in a cell of another data region: only that cell's rows (see DataRegionRows).
        var (dataSet, source) = _sources.For(tablix, tablix.DataSetName);
        var filtered = FilterEngine.Apply(context, dataSet, source, tablix.Filters, tablix.Describe());
        var rows = _partitioner.Sort(dataSet, filtered, tablix.SortExpressions);
        var rowLevels = HeaderLevels.Measure(tablix.RowHierarchy, rowHierarchy: true);
        var columnLevels = HeaderLevels.Measure(tablix.ColumnHierarchy, rowHierarchy: false);
        var columns = new ColumnAxis(context, items, _partitioner);
        var output = new List<TablixRowInstance>(Math.Max(16, rows.Count + 8));
        context.PushScope(new ScopeFrame(tablix.Name, dataSet, rows) { IsDataRegion = true });
        var saved = context.SetRow(dataSet, rows.Count > 0 ? rows[0] : null);
        TextboxInstance? noRows = null;
        var keepTogether = new List<(int First, int Count)>();
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
                columns.Expand(tablix, dataSet, rows);
                var walk = new RowWalk(this, tablix, dataSet, columns.Slots, rowLevels.Length);
                AddColumnHeaderRows(tablix, columnLevels, rowLevels.Length, columns, output);
                walk.ExpandMembers(tablix.RowHierarchy, 0, rows, 0, 0, 0, 0);
                keepTogether.AddRange(walk.KeepTogether.Select(r => (r.First + output.Count, r.Count)));
                output.AddRange(walk.Output);
            }
        }
        finally
        {
            context.RestoreRow(saved);
            context.PopScope();
        }
        var widths = noRows is null
            ? rowLevels.Concat(columns.Slots.Select(s => s.Leaf < tablix.ColumnWidths.Length ? tablix.ColumnWidths[s.Leaf].Points : 0)).ToImmutableArray()
            : tablix.ColumnWidths.Select(w => w.Points).ToImmutableArray();
        return new TablixInstance(tablix, widths, output, items.Styles.ResolveBox(tablix.Style))
        {
            NoRows = noRows,
            RowHeaderColumns = noRows is null ? rowLevels.Length : 0,
            RepeatedColumns = noRows is null ? FixedColumns.Count(tablix, rowLevels.Length, columns.Slots) : 0,
            ColumnHeaderRows = noRows is null ? columnLevels.Length : 0,
            KeepTogetherRanges = keepTogether,
        };
    }

    /// <summary>The column-header rows: column-hierarchy headers over their body columns, the TablixCorner on the left.</summary>
    private void AddColumnHeaderRows(TablixDefinition tablix, ImmutableArray<double> heights, int rowHeaderColumns, ColumnAxis columns, List<TablixRowInstance> output)
    {
        if (heights.IsEmpty) return;
        int width = rowHeaderColumns + columns.Slots.Count;
        var cells = Enumerable.Range(0, heights.Length).Select(_ => new CellInstance?[width]).ToList();
        foreach (var header in columns.Headers)
            SpanningCells.Place(cells, header.Level, header.Levels, rowHeaderColumns + header.First, header.Count, header.Content);
        var corner = tablix.CornerRows.IsDefault ? [] : tablix.CornerRows;
        for (int r = 0; r < Math.Min(corner.Length, heights.Length); r++)
        {
            for (int c = 0; c < Math.Min(corner[r].Length, rowHeaderColumns); c++)
            {
                var cell = corner[r][c];
                if (cell.Contents is null || items.Evaluate(cell.Contents) is not { } content) continue;
                SpanningCells.Place(cells, r, Math.Max(1, cell.RowSpan), c, Math.Min(Math.Max(1, cell.ColSpan), rowHeaderColumns - c), content);
            }
        }
        for (int r = 0; r < heights.Length; r++)
        {
            output.Add(new TablixRowInstance(-1, heights[r], cells[r])
            {
                IsColumnHeader = true,
                RepeatOnNewPage = tablix.RepeatColumnHeaders,
                KeepWithNext = true,
            });
        }
    }

    /// <summary>The depth-first walk of the row hierarchy for one tablix.</summary>
    private sealed class RowWalk(TablixProcessor owner, TablixDefinition tablix, DataSetInstance dataSet, List<ColumnSlot> slots, int rowHeaderColumns)
    {
        private readonly ProcessingContext _context = owner.Context;
        private readonly ItemEvaluator _items = owner.Items;
        private readonly List<CellInstance?[]> _cells = [];
        private readonly GroupPaging _paging = new();
        private readonly CellPaging? _cellPaging = CellPaging.For(tablix, owner._cellPagingPlans);
        private readonly bool _keepsCollapsed = owner.Context.Interactive.KeepsCollapsedRows;

        public List<TablixRowInstance> Output { get; } = [];

        /// <summary>Row ranges (in <see cref="Output"/>) of members with KeepTogether.</summary>
        public List<(int First, int Count)> KeepTogether => _paging.KeepTogether;

        /// <param name="hiddenLevel">0, or the outline level of the innermost member that hides these rows (kept for Excel).</param>
        public void ExpandMembers(ImmutableArray<TablixMember> members, int firstLeaf, IReadOnlyList<object?[]> rows, int headerColumn, int depth, int toggles, int hiddenLevel)
        {
            int leaf = firstLeaf;
            foreach (var member in members)
            {
                if (member.Group is null)
                {
                    int start = Output.Count;
                    Visit(member, leaf, rows, headerColumn, depth, toggles, hiddenLevel, dynamic: false);
                    _paging.Decorate(Output, start, member, null, null, false);
                }
                else
                {
                    bool first = true;
                    foreach (var instance in owner._partitioner.Partition(member, dataSet, rows))
                    {
                        _context.PushInstance(instance.Frame(member.Group.Name, dataSet));
                        var saved = _context.SetRow(dataSet, instance.Rows.Count > 0 ? instance.Rows[0] : null);
                        var mapEntry = _items.Links.BeginGroup(member.Group.DocumentMapLabel, tablix);
                        try
                        {
                            int start = Output.Count;
                            // PageBreak (Disabled, ResetPageNumber) and PageName are evaluated in the group instance's scope.
                            var mark = _items.Paging.Mark(member.Group.PageBreak, tablix);
                            var name = _items.Paging.Name(member.Group.PageName, tablix);
                            Visit(member, leaf, instance.Rows, headerColumn, depth + 1, toggles, hiddenLevel, dynamic: true);
                            // Rows kept hidden for Excel do not break pages (SSRS ignores the breaks of hidden groups).
                            if (_keepsCollapsed && Output.Count > start && Output[start].HiddenLevel > 0) mark = null;
                            if (_paging.Decorate(Output, start, member, mark, name, first)) first = false;
                        }
                        finally
                        {
                            _items.Links.EndGroup(mapEntry);
                            _context.RestoreRow(saved);
                            _context.PopInstance();
                        }
                    }
                }
                leaf += HeaderLevels.LeafCount(member);
            }
        }

        private void Visit(TablixMember member, int leaf, IReadOnlyList<object?[]> rows, int headerColumn, int depth, int toggles, int hiddenLevel, bool dynamic)
        {
            if (member.ToggleItem is not null) toggles++;
            if (_items.IsHidden(member.Hidden, member.ToggleItem, tablix))
            {
                // Excel export: a toggled member's rows stay, hidden in a collapsed outline group the user can expand.
                if (!_keepsCollapsed || member.ToggleItem is null) return;
                hiddenLevel = toggles;
            }
            var header = member.Header?.Cell.Contents is { } contents ? _items.Evaluate(contents) : null;
            int span = member.Header is { } h ? HeaderLevels.Span(h, rowHierarchy: true) : 0;
            int start = Output.Count;
            if (member.IsLeaf) EmitRow(member, leaf, rows, depth, toggles, hiddenLevel);
            else
            {
                ExpandMembers(member.Children, leaf, rows, headerColumn + span, depth, toggles, hiddenLevel);
                // A collapsed group keeps one row; a detail instance whose rows are all hidden (RDL 2005 Details rows) shows none.
                if (dynamic && !member.Group!.IsDetails && !ShowsRows(start, toggles))
                {
                    Discard(start);
                    EmitRow(member, leaf, rows, depth, toggles, hiddenLevel);
                }
            }
            if (header is not null && Output.Count > start && headerColumn < rowHeaderColumns)
                SpanningCells.Place(_cells, start, Output.Count - start, headerColumn, span, header);
        }

        /// <summary>
        /// Whether the member at outline level <paramref name="toggles"/> produced rows from <paramref name="start"/> that
        /// no member below it hides (rows kept hidden for Excel only by this member or an outer one count as shown).
        /// </summary>
        private bool ShowsRows(int start, int toggles)
        {
            if (!_keepsCollapsed) return Output.Count > start;
            for (int i = start; i < Output.Count; i++)
                if (Output[i].HiddenLevel <= toggles) return true;
            return false;
        }

        /// <summary>Drops the rows from <paramref name="start"/> (hidden children replaced by their group's collapsed row).</summary>
        private void Discard(int start)
        {
            if (Output.Count == start) return;
            Output.RemoveRange(start, Output.Count - start);
            _cells.RemoveRange(start, _cells.Count - start);
            _paging.KeepTogether.RemoveAll(r => r.First >= start);
        }

        private void EmitRow(TablixMember member, int bodyRow, IReadOnlyList<object?[]> rows, int depth, int toggles, int hiddenLevel)
        {
            if (bodyRow >= tablix.Rows.Length) return;
            var row = tablix.Rows[bodyRow];
            var cells = new CellInstance?[rowHeaderColumns + slots.Count];
            for (int k = 0; k < slots.Count; k++)
            {
                var slot = slots[k];
                if (slot.Leaf >= row.Cells.Length || row.Cells[slot.Leaf].Contents is not { } contents) continue;
                int span = 1;
                while (span < row.Cells[slot.Leaf].ColSpan && k + span < slots.Count && slots[k + span].Leaf == slot.Leaf + span) span++;
                if (Evaluate(contents, slot, rows) is { } instance)
                    cells[rowHeaderColumns + k] = new CellInstance(rowHeaderColumns + k, span, instance);
            }
            _cells.Add(cells);
            var output = new TablixRowInstance(bodyRow, row.Height.Points, cells)
            {
                RepeatOnNewPage = member.RepeatOnNewPage,
                KeepWithNext = string.Equals(member.KeepWithGroup, "After", StringComparison.OrdinalIgnoreCase),
                GroupDepth = depth,
                OutlineLevel = toggles,
                HiddenLevel = hiddenLevel,
            };
            // Page breaks of items in the cell apply to this row instance; not in header and footer rows (outside every group),
            // nor in rows kept hidden for Excel.
            if (_cellPaging is { } cellPaging && depth > 0 && hiddenLevel == 0 && cellPaging.Applies(bodyRow)) output = cellPaging.Apply(output);
            Output.Add(output);
        }

        /// <summary>Evaluates a body cell in the intersection of the row scope (<paramref name="rows"/>) and the slot's column groups.</summary>
        private ItemInstance? Evaluate(Rdl.Model.Definitions.Items.ReportItem contents, ColumnSlot slot, IReadOnlyList<object?[]> rows)
        {
            if (slot.Rows is not { } columnRows) return _items.Evaluate(contents);
            var intersection = rows.Where(columnRows.Contains).ToList();
            int level = _context.Scopes.LastOrDefault(f => f.RecursiveLevel is not null)?.RecursiveLevel ?? -1;
            foreach (var frame in slot.Frames) _context.PushScope(frame);
            // The cell's own scope: unnamed, so a named group scope still resolves to that group's whole instance.
            _context.PushScope(new ScopeFrame(string.Empty, dataSet, intersection) { RecursiveLevel = level < 0 ? null : level });
            var saved = _context.SetRow(dataSet, intersection.Count > 0 ? intersection[0] : null);
            try
            {
                return _items.Evaluate(contents);
            }
            finally
            {
                _context.RestoreRow(saved);
                for (int i = 0; i <= slot.Frames.Length; i++) _context.PopScope();
            }
        }
    }
}
