using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;

namespace Rdl.Model.Definitions.Items;

/// <summary>A line from (Left, Top) to (Left + Width, Top + Height); Width/Height may be negative.</summary>
public sealed record LineItem(string Name, ItemBounds Bounds, StyleDefinition Style, SourceLocation Location)
    : ReportItem(Name, Bounds, Style, Location)
{
    public override string Kind => "Line";
}
