namespace Renderer.Sandbox.Processing.Instances;

/// <summary>
/// The evaluated interactive properties of a textbox: a safe absolute <see cref="Hyperlink"/> (also used for
/// drillthrough), its <see cref="Bookmark"/>, the bookmark its action jumps to, and its document-map id.
/// </summary>
internal sealed record TextLinks(string? Hyperlink, string? Bookmark, string? BookmarkLink, string? DocumentMapId)
{
    /// <summary>True when <see cref="Hyperlink"/> is a drillthrough's link.</summary>
    public bool IsDrillthrough { get; init; }
}

/// <summary>The drilldown toggle and the interactive sort button of a textbox (either may be null).</summary>
internal sealed record TextControls(Pages.ToggleControl? Toggle, Pages.SortControl? Sort);
