namespace Renderer.Sandbox.Pages;

/// <summary>
/// A drilldown toggle on a text item (the item other items name in Visibility/ToggleItem): <see cref="Id"/> is stable
/// across re-renders of the same data and parameters (the host sends it back in <c>RenderInput.ToggledItems</c>), and
/// <see cref="Expanded"/> is the state the item shows (a minus sign when true, a plus sign when false).
/// </summary>
public sealed record ToggleControl(string Id, bool Expanded);

/// <summary>The direction an interactive sort currently applies.</summary>
public enum SortState
{
    None,
    Ascending,
    Descending,
}

/// <summary>
/// An interactive sort button on a text item (Textbox/UserSort): <see cref="Id"/> is stable across re-renders (the host
/// sends it back in <c>RenderInput.UserSorts</c>), and <see cref="State"/> the sort it applies now.
/// </summary>
public sealed record SortControl(string Id, SortState State);
