using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Items;

/// <summary>Position and size of an item inside its container, in points.</summary>
public readonly record struct ItemBounds(ReportSize Top, ReportSize Left, ReportSize Width, ReportSize Height);

/// <summary>Common part of every report item (Textbox, Rectangle, Line, Tablix, ...).</summary>
public abstract record ReportItem(string Name, ItemBounds Bounds, StyleDefinition Style, SourceLocation Location)
{
    public int ZIndex { get; init; }

    /// <summary>Visibility/Hidden: constant "true"/"false" or an expression.</summary>
    public ExpressionText? Hidden { get; init; }

    public string? ToggleItem { get; init; }

    /// <summary>Bookmark: the id that BookmarkLink actions jump to (read for textboxes).</summary>
    public ExpressionText? Bookmark { get; init; }

    /// <summary>DocumentMapLabel: the item's entry in the document map (read for textboxes).</summary>
    public ExpressionText? DocumentMapLabel { get; init; }

    /// <summary>Action / ActionInfo: hyperlink, bookmark link or drillthrough (read for textboxes).</summary>
    public ActionDefinition? Action { get; init; }

    /// <summary>The kind as RDL names it, for messages: "Textbox", "Tablix", ...</summary>
    public abstract string Kind { get; }

    public string Describe() => $"{Kind} '{Name}'";
}
