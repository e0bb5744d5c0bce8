using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;

namespace Renderer.Sandbox.Processing.Interactivity;

/// <summary>Where a textbox sits: the groups that enclose it (outermost first) and its innermost data region (null in the body).</summary>
internal sealed record TextboxScope(ImmutableArray<string> Groups, string? DataRegion);

/// <summary>
/// What a report declares for drilldown and interactive sort, read once from its definition: the groups enclosing each
/// textbox (a toggle or sort id names the textbox and those groups' current instances), the textboxes other items name
/// in Visibility/ToggleItem with the Hidden of the first such item, and the textboxes with a UserSort.
/// </summary>
internal sealed class InteractiveScopes
{
    private readonly Dictionary<string, TextboxScope> _textboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ExpressionText?> _toggles = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Textbox> _sorts = [];
    private readonly HashSet<string> _detailGroups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _groupRegions = new(StringComparer.OrdinalIgnoreCase);

    private InteractiveScopes()
    {
    }

    public static InteractiveScopes Empty { get; } = new();

    /// <summary>True when the report has a toggle or a sort: only then do group instances keep their keys for ids.</summary>
    public bool Any => _toggles.Count > 0 || _sorts.Count > 0;

    /// <summary>Textboxes with a UserSort, in document order.</summary>
    public IReadOnlyList<Textbox> SortTextboxes => _sorts;

    public static InteractiveScopes Of(ReportDefinition report)
    {
        var scopes = new InteractiveScopes();
        foreach (var section in report.Sections) scopes.Items(section.Body.Items, [], null);
        // Only textboxes that exist can be toggles (a ToggleItem naming nothing is a plain Hidden).
        foreach (var name in scopes._toggles.Keys.Where(n => !scopes._textboxes.ContainsKey(n)).ToList()) scopes._toggles.Remove(name);
        return scopes;
    }

    /// <summary>The groups enclosing the textbox and its data region; null for a textbox the body does not hold.</summary>
    public TextboxScope? ScopeOf(string textbox) => _textboxes.GetValueOrDefault(textbox);

    /// <summary>True when items name <paramref name="textbox"/> in Visibility/ToggleItem; <paramref name="hidden"/> is the first one's Hidden.</summary>
    public bool IsToggle(string textbox, out ExpressionText? hidden) => _toggles.TryGetValue(textbox, out hidden);

    /// <summary>True for a details group (no group expressions): its instance key is the row.</summary>
    public bool IsDetails(string group) => _detailGroups.Contains(group);

    /// <summary>The data region a group belongs to.</summary>
    public string? RegionOf(string group) => _groupRegions.GetValueOrDefault(group);

    private void Items(IEnumerable<ReportItem> items, ImmutableArray<string> groups, string? region)
    {
        foreach (var item in items) Item(item, groups, region);
    }

    private void Item(ReportItem item, ImmutableArray<string> groups, string? region)
    {
        if (item.ToggleItem is { Length: > 0 } toggle) _toggles.TryAdd(toggle.Trim(), item.Hidden);
        switch (item)
        {
            case Textbox textbox:
                _textboxes.TryAdd(textbox.Name, new TextboxScope(groups, region));
                if (textbox.UserSort is not null) _sorts.Add(textbox);
                break;
            case RectangleItem rectangle:
                Items(rectangle.Items, groups, region);
                break;
            case TablixDefinition tablix:
                Tablix(tablix, groups);
                break;
        }
    }

    private void Tablix(TablixDefinition tablix, ImmutableArray<string> outer)
    {
        var rows = new List<ImmutableArray<string>>();
        var columns = new List<ImmutableArray<string>>();
        Members(tablix, tablix.RowHierarchy, outer, rows, []);
        Members(tablix, tablix.ColumnHierarchy, [], columns, outer);
        for (int r = 0; r < tablix.Rows.Length; r++)
        {
            var rowGroups = r < rows.Count ? rows[r] : outer;
            var cells = tablix.Rows[r].Cells;
            for (int c = 0; c < cells.Length; c++)
                if (cells[c].Contents is { } contents) Item(contents, c < columns.Count ? rowGroups.AddRange(columns[c]) : rowGroups, tablix.Name);
        }
        foreach (var row in tablix.CornerRows.IsDefault ? [] : tablix.CornerRows)
            foreach (var cell in row)
                if (cell.Contents is { } contents) Item(contents, outer, tablix.Name);
    }

    /// <summary>
    /// Walks a hierarchy: member toggles, header cells in <paramref name="outer"/> and their member's groups, and each
    /// leaf's groups (in <paramref name="leaves"/>, without <paramref name="outer"/>).
    /// </summary>
    private void Members(TablixDefinition tablix, ImmutableArray<TablixMember> members, ImmutableArray<string> path, List<ImmutableArray<string>> leaves, ImmutableArray<string> outer)
    {
        foreach (var member in members.IsDefault ? [] : members)
        {
            if (member.ToggleItem is { Length: > 0 } toggle) _toggles.TryAdd(toggle.Trim(), member.Hidden);
            var own = path;
            if (member.Group is { } group)
            {
                own = path.Add(group.Name);
                _groupRegions.TryAdd(group.Name, tablix.Name);
                if (group.IsDetails) _detailGroups.Add(group.Name);
            }
            // A column header sits in its column groups only, never in the row groups (those are added for body cells).
            if (member.Header?.Cell.Contents is { } header) Item(header, outer.AddRange(own), tablix.Name);
            if (member.IsLeaf) leaves.Add(own);
            else Members(tablix, member.Children, own, leaves, outer);
        }
    }
}
