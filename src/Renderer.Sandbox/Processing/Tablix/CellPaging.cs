using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing.Tablix;

/// <summary>
/// Page breaks and PageName of items inside tablix body cells, applied as SSRS applies them: to the cell's row instance.
/// <list type="bullet">
/// <item>BreakLocation Start breaks before the row instance, End after it, StartAndEnd both, Between before every instance
/// but the first of its body row (Disabled and ResetPageNumber evaluated per instance). A rectangle nested in a rectangle of
/// the cell, or a data region in it, counts too (its own PageBreak; the breaks of its groups stay inside the cell).</item>
/// <item>Only in a list-like tablix (one body column, a single static column member): SSRS ignores cell page breaks in
/// any other tablix (TablixBody.IgnoreCellPageBreaks), and in rows outside every group (table header and footer rows).</item>
/// <item>The PageName of such an item names the pages its row starts (the paginator names a page from its first band).</item>
/// </list>
/// The paginator never makes a blank page of them: no break at the start or end of the body, and a break next to another
/// (a group's) is one break. The plan is computed once per tablix definition; a tablix without such items has none, so
/// its rows cost nothing more.
/// </summary>
internal sealed class CellPaging
{
    private readonly bool[] _rows;    // body rows whose cell holds an item with a PageBreak or PageName
    private readonly bool[] _started; // body rows that already had an instance (Between breaks before the next ones)

    private CellPaging(bool[] rows)
    {
        _rows = rows;
        _started = new bool[rows.Length];
    }

    /// <summary>
    /// The cell paging of one instance of <paramref name="tablix"/>, or null when it has none; <paramref name="plans"/>
    /// caches the per-definition plan (keyed by reference).
    /// </summary>
    public static CellPaging? For(TablixDefinition tablix, Dictionary<TablixDefinition, bool[]?> plans)
    {
        if (!plans.TryGetValue(tablix, out var rows)) plans[tablix] = rows = Plan(tablix);
        return rows is null ? null : new CellPaging(rows);
    }

    /// <summary>The body rows whose cell holds a paginating item; null when there is none or the tablix is not list-like.</summary>
    internal static bool[]? Plan(TablixDefinition tablix)
    {
        if (!IsListLike(tablix) || tablix.Rows.IsDefaultOrEmpty) return null;
        var rows = new bool[tablix.Rows.Length];
        bool any = false;
        for (int r = 0; r < rows.Length; r++)
        {
            var cells = tablix.Rows[r].Cells;
            rows[r] = !cells.IsDefaultOrEmpty && cells[0].Contents is { } contents && Paginates(contents);
            any |= rows[r];
        }
        return any ? rows : null;
    }

    /// <summary>One body column under a single static column member: the only tablix whose cell page breaks SSRS honours.</summary>
    private static bool IsListLike(TablixDefinition tablix) =>
        tablix.ColumnWidths.Length == 1
        && tablix.ColumnHierarchy is { IsDefault: false, Length: 1 } columns
        && columns[0] is { Group: null, IsLeaf: true };

    private static bool Paginates(ReportItem item) => item switch
    {
        RectangleItem r => r.PageBreak is { Location: not BreakLocation.None } || r.PageName is not null || r.Items.Any(Paginates),
        TablixDefinition t => t.PageBreak is { Location: not BreakLocation.None } || t.PageName is not null,
        _ => false,
    };

    /// <summary>Whether rows of body row <paramref name="bodyRow"/> may carry cell breaks (no work for the others).</summary>
    public bool Applies(int bodyRow) => bodyRow >= 0 && bodyRow < _rows.Length && _rows[bodyRow];

    /// <summary>The row instance with the breaks and PageName of the items in its cells.</summary>
    public TablixRowInstance Apply(TablixRowInstance row)
    {
        PageBreakMark? before = null, after = null, between = null;
        string? name = null;
        bool repeats = false;
        foreach (var cell in row.Cells)
            if (cell is { IsContinuation: false } c) Collect(c.Content, ref before, ref after, ref between, ref name, ref repeats);
        if (repeats)
        {
            if (_started[row.BodyRow]) before = PageBreakMark.Combine(before, between);
            _started[row.BodyRow] = true;
        }
        if (before is null && after is null && name is null) return row;
        return row with
        {
            BreakBefore = PageBreakMark.Combine(row.BreakBefore, before),
            BreakAfter = PageBreakMark.Combine(row.BreakAfter, after),
            PageName = row.PageName ?? name,
        };
    }

    /// <summary>Gathers the paging of an item and of the rectangles and data regions nested in it (the outermost PageName wins).</summary>
    private static void Collect(ItemInstance item, ref PageBreakMark? before, ref PageBreakMark? after, ref PageBreakMark? between, ref string? name, ref bool repeats)
    {
        if (item.Paging is { } paging)
        {
            before = PageBreakMark.Combine(before, paging.BreakBefore);
            after = PageBreakMark.Combine(after, paging.BreakAfter);
            between = PageBreakMark.Combine(between, paging.BreakBetween);
            name ??= paging.PageName;
            repeats |= item.Definition switch
            {
                RectangleItem r => r.PageBreak?.Location == BreakLocation.Between,
                TablixDefinition t => t.PageBreak?.Location == BreakLocation.Between,
                _ => false,
            };
        }
        if (item is RectangleInstance rectangle)
            foreach (var inner in rectangle.Items) Collect(inner, ref before, ref after, ref between, ref name, ref repeats);
    }
}
