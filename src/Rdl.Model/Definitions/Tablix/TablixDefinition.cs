using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Tablix;

/// <summary>
/// A Tablix (table, matrix or list). The body is a grid of <see cref="Rows"/> x <see cref="ColumnWidths"/>;
/// each leaf of <see cref="RowHierarchy"/> owns one body row, in document order, and each leaf of
/// <see cref="ColumnHierarchy"/> owns one body column.
/// </summary>
public sealed record TablixDefinition(
    string Name,
    ItemBounds Bounds,
    StyleDefinition Style,
    SourceLocation Location,
    string? DataSetName,
    ImmutableArray<ReportSize> ColumnWidths,
    ImmutableArray<TablixRow> Rows,
    ImmutableArray<TablixMember> RowHierarchy,
    ImmutableArray<TablixMember> ColumnHierarchy)
    : ReportItem(Name, Bounds, Style, Location)
{
    public ExpressionText? NoRowsMessage { get; init; }

    public ImmutableArray<SortExpression> SortExpressions { get; init; } = [];

    public ImmutableArray<FilterDefinition> Filters { get; init; } = [];

    public PageBreakDefinition? PageBreak { get; init; }

    /// <summary>PageName: names the pages the data region is on (a group's PageName overrides it for its rows).</summary>
    public ExpressionText? PageName { get; init; }

    /// <summary>KeepTogether: move the whole data region to the next page when it fits on one page.</summary>
    public bool KeepTogether { get; init; }

    /// <summary>
    /// TablixCorner: the top-left area above the row headers and left of the column headers, one list of cells per
    /// column-header row (cells covered by a neighbour's ColSpan/RowSpan have null contents).
    /// </summary>
    public ImmutableArray<ImmutableArray<TablixCell>> CornerRows { get; init; } = [];

    /// <summary>RepeatColumnHeaders: the column-header rows repeat at the top of each page the tablix continues on.</summary>
    public bool RepeatColumnHeaders { get; init; }

    /// <summary>RepeatRowHeaders: the row-header columns repeat at the left of each horizontal page the tablix continues on.</summary>
    public bool RepeatRowHeaders { get; init; }

    public override string Kind => "Tablix";
}

public sealed record TablixRow(ReportSize Height, ImmutableArray<TablixCell> Cells)
{
    /// <summary>Where the &lt;TablixRow&gt; is in the RDL.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>A body cell. <see cref="Contents"/> is null for a cell covered by a neighbour's ColSpan.</summary>
public sealed record TablixCell(ReportItem? Contents, int ColSpan = 1, int RowSpan = 1);

/// <summary>
/// A member of a row or column hierarchy. Static when <see cref="Group"/> is null; a details group when
/// the group has no group expressions.
/// </summary>
public sealed record TablixMember(
    GroupDefinition? Group,
    ImmutableArray<SortExpression> SortExpressions,
    ImmutableArray<TablixMember> Children,
    SourceLocation Location)
{
    public bool RepeatOnNewPage { get; init; }

    /// <summary>
    /// FixedData: the member and its body cells stay in view when the tablix is scrolled (interactive renderers). A
    /// leading static column member with it is repeated at the left of each horizontal page (see the README).
    /// </summary>
    public bool FixedData { get; init; }

    /// <summary>"Before", "After" or null.</summary>
    public string? KeepWithGroup { get; init; }

    public bool KeepTogether { get; init; }

    public ExpressionText? Hidden { get; init; }

    /// <summary>Visibility/ToggleItem: the textbox whose toggle shows or hides this member (initial state is <see cref="Hidden"/>).</summary>
    public string? ToggleItem { get; init; }

    /// <summary>
    /// TablixHeader: the member's header cell. Row-hierarchy headers form columns left of the body (Size = width);
    /// column-hierarchy headers form rows above it (Size = height). ColSpan/RowSpan of the cell span header levels.
    /// </summary>
    public TablixHeader? Header { get; init; }

    public bool IsStatic => Group is null;

    public bool IsLeaf => Children.IsDefaultOrEmpty;
}

/// <summary>A member's TablixHeader: its size across the hierarchy (width for rows, height for columns) and its cell.</summary>
public sealed record TablixHeader(ReportSize Size, TablixCell Cell);

public sealed record GroupDefinition(string Name, ImmutableArray<ExpressionText> GroupExpressions, SourceLocation Location)
{
    public bool IsDetails => GroupExpressions.IsDefaultOrEmpty;

    public PageBreakDefinition? PageBreak { get; init; }

    /// <summary>PageName: evaluated per group instance, names the pages the instance's rows are on.</summary>
    public ExpressionText? PageName { get; init; }

    public ImmutableArray<FilterDefinition> Filters { get; init; } = [];

    public ExpressionText? Parent { get; init; }

    /// <summary>Group variables (<c>Variables!X.Value</c>), evaluated once per group instance.</summary>
    public ImmutableArray<VariableDefinition> Variables { get; init; } = [];

    /// <summary>DocumentMapLabel: each group instance's entry in the document map.</summary>
    public ExpressionText? DocumentMapLabel { get; init; }
}

public sealed record SortExpression(ExpressionText Value, bool Descending);

/// <summary>A filter: <c>FilterExpression Operator FilterValues</c> (Equal, NotEqual, GreaterThan, Like, In, TopN, ...).</summary>
public sealed record FilterDefinition(ExpressionText Expression, string Operator, ImmutableArray<ExpressionText> Values, SourceLocation Location);
