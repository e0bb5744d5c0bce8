using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Evaluates the pagination properties of rectangles, data regions and groups in the current scope: whether a
/// PageBreak applies (Disabled), whether it resets Globals!PageNumber (ResetPageNumber), and PageName.
/// </summary>
internal sealed class PagingEvaluator(ItemEvaluator items)
{
    /// <summary>The break, or null when there is none or Disabled is true.</summary>
    public PageBreakMark? Mark(PageBreakDefinition? definition, ReportItem? owner)
    {
        if (definition is null || definition.Location == BreakLocation.None) return null;
        if (items.IsHidden(definition.Disabled, owner)) return null;
        bool reset = definition.ResetPageNumberExpression is { } expression ? items.IsHidden(expression, owner) : definition.ResetPageNumber;
        return new PageBreakMark(reset);
    }

    /// <summary>A PageName value as text; null when unset, empty or failing.</summary>
    public string? Name(ExpressionText? pageName, ReportItem? owner)
    {
        if (pageName is null) return null;
        var value = items.TryEvaluate(pageName, owner, out var failed);
        var text = failed ? null : Convert.ToString(value, items.Culture);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Adds <see cref="ItemInstance.Paging"/> to a rectangle or data region that has any pagination property.</summary>
    public ItemInstance Attach(ItemInstance instance)
    {
        var (pageBreak, pageName, keepTogether) = instance.Definition switch
        {
            RectangleItem r => (r.PageBreak, r.PageName, r.KeepTogether),
            TablixDefinition t => (t.PageBreak, t.PageName, t.KeepTogether),
            _ => (null, null, false),
        };
        if (pageBreak is null && pageName is null && !keepTogether) return instance;
        var mark = Mark(pageBreak, instance.Definition);
        var location = pageBreak?.Location ?? BreakLocation.None;
        var before = location is BreakLocation.Start or BreakLocation.StartAndEnd ? mark : null;
        var after = location is BreakLocation.End or BreakLocation.StartAndEnd ? mark : null;
        var between = location == BreakLocation.Between ? mark : null;
        return instance with { Paging = new ItemPaging(before, after, Name(pageName, instance.Definition), keepTogether) { BreakBetween = between } };
    }
}
