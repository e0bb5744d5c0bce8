using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using BorderSide = Renderer.Sandbox.Pages.BorderSide;
using BoxStyle = Renderer.Sandbox.Pages.BoxStyle;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing.Instances;

/// <summary>An evaluated report item, still in design coordinates (points, relative to its container).</summary>
internal abstract record ItemInstance(ReportItem Definition)
{
    public double Top => Definition.Bounds.Top.Points;

    public double Left => Definition.Bounds.Left.Points;

    public double Width => Definition.Bounds.Width.Points;

    public double Height => Definition.Bounds.Height.Points;

    /// <summary>Evaluated page break, PageName and KeepTogether of a rectangle or data region; null for other items.</summary>
    public ItemPaging? Paging { get; init; }
}

/// <summary>An explicit page break that applies (Disabled evaluated to false); <see cref="ResetPageNumber"/> restarts Globals!PageNumber.</summary>
internal sealed record PageBreakMark(bool ResetPageNumber)
{
    public static PageBreakMark? Combine(PageBreakMark? a, PageBreakMark? b) =>
        a is null ? b : b is null ? a : new PageBreakMark(a.ResetPageNumber || b.ResetPageNumber);
}

/// <summary>How an item paginates: a break before and/or after it, the name of its pages, and whether it keeps together.</summary>
internal sealed record ItemPaging(PageBreakMark? BreakBefore, PageBreakMark? BreakAfter, string? PageName, bool KeepTogether);

internal sealed record TextboxInstance(Textbox Textbox, object? Value, string Text, ResolvedStyle Style) : ItemInstance(Textbox)
{
    /// <summary>Hyperlink, bookmark and document-map id; null when the textbox has none.</summary>
    public TextLinks? Links { get; init; }
}

internal sealed record RectangleInstance(RectangleItem Rectangle, ImmutableArray<ItemInstance> Items, BoxStyle Box) : ItemInstance(Rectangle);

internal sealed record LineInstance(LineItem Line, BorderSide Stroke) : ItemInstance(Line);

/// <summary>An image with its encoded bytes (PNG, JPEG, ...); <see cref="Data"/> is null when nothing is drawn.</summary>
internal sealed record ImageInstance(ImageItem Image, byte[]? Data) : ItemInstance(Image);

internal sealed record TablixInstance(TablixDefinition Tablix, ImmutableArray<double> ColumnWidths, List<TablixRowInstance> Rows, BoxStyle Box) : ItemInstance(Tablix)
{
    /// <summary>The NoRowsMessage text when the dataset returned no rows.</summary>
    public TextboxInstance? NoRows { get; init; }

    /// <summary>
    /// How many of <see cref="ColumnWidths"/> are row-header columns (left of the body); the rest are body columns,
    /// one per instance of each column-hierarchy leaf.
    /// </summary>
    public int RowHeaderColumns { get; init; }

    /// <summary>How many of the leading <see cref="Rows"/> are column-header rows (with the TablixCorner on their left).</summary>
    public int ColumnHeaderRows { get; init; }

    /// <summary>Row ranges of group instances (and static members) with KeepTogether: kept on one page when they fit.</summary>
    public List<(int First, int Count)> KeepTogetherRanges { get; init; } = [];
}

/// <summary>One output row of a tablix: a body row evaluated in one group instance's scope.</summary>
internal sealed record TablixRowInstance(int BodyRow, double Height, CellInstance?[] Cells)
{
    /// <summary>Static header row marked RepeatOnNewPage (repeated at the top of each page the tablix continues on).</summary>
    public bool RepeatOnNewPage { get; init; }

    /// <summary>KeepWithGroup=After: keep on the same page as the next row.</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>A column-header row (from TablixHeaders of the column hierarchy); <see cref="BodyRow"/> is -1.</summary>
    public bool IsColumnHeader { get; init; }

    /// <summary>How many dynamic row-hierarchy members (groups, details) contain this row; 0 outside any group.</summary>
    public int GroupDepth { get; init; }

    /// <summary>How many row-hierarchy members containing this row have a ToggleItem (drilldown nesting, Excel's outline level).</summary>
    public int OutlineLevel { get; init; }

    /// <summary>An explicit page break before this row (a group instance starts here with PageBreak Start/Between).</summary>
    public PageBreakMark? BreakBefore { get; init; }

    /// <summary>An explicit page break after this row (a group instance ends here with PageBreak End).</summary>
    public PageBreakMark? BreakAfter { get; init; }

    /// <summary>PageName of the innermost group instance containing this row that has one.</summary>
    public string? PageName { get; init; }
}

/// <summary>
/// A cell of an output row at output <paramref name="Column"/> spanning <paramref name="ColumnSpan"/> output columns.
/// A header spanning several output rows appears in its first row; the rows below hold a blank continuation
/// (<see cref="IsContinuation"/>) carrying its background and side borders.
/// </summary>
internal sealed record CellInstance(int Column, int ColumnSpan, ItemInstance Content)
{
    public bool IsContinuation { get; init; }
}

internal sealed record ProcessedReport(string Name, ImmutableArray<ItemInstance> BodyItems, double BodyHeight);
