using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>The properties every report item shares, collected while its children are read.</summary>
internal sealed class ItemCommon
{
    public ReportSize Top { get; set; }

    public ReportSize Left { get; set; }

    public ReportSize Width { get; set; }

    public ReportSize Height { get; set; }

    public int ZIndex { get; set; }

    public ExpressionText? Hidden { get; set; }

    public string? ToggleItem { get; set; }

    public StyleDefinition Style { get; set; } = StyleDefinition.Empty;

    public ExpressionText? Bookmark { get; set; }

    public ExpressionText? DocumentMapLabel { get; set; }

    public ActionDefinition? Action { get; set; }

    public ItemBounds Bounds => new(Top, Left, Width, Height);
}
