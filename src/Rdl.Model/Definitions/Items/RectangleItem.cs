using System.Collections.Immutable;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Items;

public sealed record RectangleItem(string Name, ItemBounds Bounds, StyleDefinition Style, SourceLocation Location, ImmutableArray<ReportItem> Items)
    : ReportItem(Name, Bounds, Style, Location)
{
    public PageBreakDefinition? PageBreak { get; init; }

    /// <summary>PageName: names the pages the rectangle is on (Globals!PageName, XLSX sheet names).</summary>
    public ExpressionText? PageName { get; init; }

    /// <summary>KeepTogether: move to the next page rather than split, when the rectangle fits on a page.</summary>
    public bool KeepTogether { get; init; }

    public override string Kind => "Rectangle";
}
