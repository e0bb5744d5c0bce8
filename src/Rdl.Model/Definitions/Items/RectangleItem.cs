using System.Collections.Immutable;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;

namespace Rdl.Model.Definitions.Items;

public sealed record RectangleItem(string Name, ItemBounds Bounds, StyleDefinition Style, SourceLocation Location, ImmutableArray<ReportItem> Items)
    : ReportItem(Name, Bounds, Style, Location)
{
    public PageBreakDefinition? PageBreak { get; init; }

    public override string Kind => "Rectangle";
}
