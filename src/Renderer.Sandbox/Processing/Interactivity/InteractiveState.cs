using System.Text;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Processing.Interactivity;

/// <summary>
/// The drilldown and sort state of one render (<c>RenderInput.ToggledItems</c> and <c>UserSorts</c>) over the report's
/// <see cref="InteractiveScopes"/>. A toggle or sort id is the textbox name plus the current instance of each group
/// enclosing the textbox (see <see cref="InstanceIds"/>): the same when the textbox is evaluated and when an item it
/// toggles (in the same or an inner scope) is, so a click flips exactly the items of that instance, as in SSRS.
/// </summary>
internal sealed class InteractiveState
{
    private readonly HashSet<string> _toggled;
    private readonly Dictionary<string, (int Order, bool Descending)> _sorts = new(StringComparer.Ordinal);
    private Dictionary<DataSetInstance, Dictionary<object?[], int>>? _rowNumbers;

    public InteractiveState(InteractiveScopes scopes, IReadOnlyList<string> toggled, IReadOnlyList<UserSortState> sorts)
    {
        Scopes = scopes;
        _toggled = new HashSet<string>(toggled, StringComparer.Ordinal);
        // The last click on a sort button decides its direction and makes it the primary sort.
        for (int i = 0; i < sorts.Count; i++) _sorts[sorts[i].Id] = (i, sorts[i].Descending);
    }

    public static InteractiveState None { get; } = new(InteractiveScopes.Empty, [], []);

    public InteractiveScopes Scopes { get; }

    /// <summary>
    /// True for an Excel export: tablix rows hidden by a toggle are kept and marked hidden (as SSRS's Excel renderer
    /// writes them: hidden rows in a collapsed outline group) instead of being left out.
    /// </summary>
    public bool KeepsCollapsedRows { get; init; }

    /// <summary>True when group instances should keep their group values (the report has toggles or sorts).</summary>
    public bool KeepsInstanceKeys => Scopes.Any;

    /// <summary>
    /// Whether an item or member's visibility is flipped from its initial Hidden: its ToggleItem's id (in the current
    /// scope instance) is among the toggled ids.
    /// </summary>
    public bool IsToggled(string? toggleItem, ProcessingContext context) =>
        _toggled.Count > 0 && toggleItem is { Length: > 0 } && _toggled.Contains(IdOf(toggleItem.Trim(), context));

    /// <summary>
    /// The toggle a textbox shows when items name it in ToggleItem; null otherwise. Expanded starts from its
    /// ToggleImage/InitialState, or else from whether the first item it toggles is initially shown, and flips when toggled.
    /// </summary>
    public ToggleControl? ToggleOf(Textbox textbox, ProcessingContext context, Func<ExpressionText?, bool> isTrue)
    {
        if (!Scopes.IsToggle(textbox.Name, out var hidden)) return null;
        var id = IdOf(textbox.Name, context);
        bool initial = textbox.ToggleInitialState is { } state ? isTrue(state) : !isTrue(hidden);
        return new ToggleControl(id, initial != _toggled.Contains(id));
    }

    /// <summary>The sort button of a textbox with a UserSort and the direction it applies now; null without a UserSort.</summary>
    public SortControl? SortOf(Textbox textbox, ProcessingContext context)
    {
        if (textbox.UserSort is null) return null;
        var id = IdOf(textbox.Name, context);
        var state = !_sorts.TryGetValue(id, out var sort) ? SortState.None : sort.Descending ? SortState.Descending : SortState.Ascending;
        return new SortControl(id, state);
    }

    /// <summary>
    /// The user sorts that apply to the instances of <paramref name="group"/> now, oldest first (apply them in this order
    /// with a stable sort, so the latest is the primary key): each sort button whose SortExpressionScope is the group (or,
    /// without one, whose target data region this details group belongs to) and whose id in the current scope was clicked.
    /// </summary>
    public List<(ExpressionText Expression, bool Descending)> SortsFor(GroupDefinition group, ProcessingContext context)
    {
        var result = new List<(ExpressionText, bool, int Order)>();
        if (_sorts.Count == 0) return [];
        foreach (var textbox in Scopes.SortTextboxes)
        {
            var sort = textbox.UserSort!;
            bool applies = sort.SortExpressionScope is { } scope
                ? string.Equals(scope, group.Name, StringComparison.OrdinalIgnoreCase)
                : group.IsDetails && string.Equals(TargetRegion(textbox, sort), Scopes.RegionOf(group.Name), StringComparison.OrdinalIgnoreCase);
            if (applies && _sorts.TryGetValue(IdOf(textbox.Name, context), out var state)) result.Add((sort.SortExpression, state.Descending, state.Order));
        }
        return [.. result.OrderBy(r => r.Order).Select(r => (r.Item1, r.Item2))];
    }

    /// <summary>The id of <paramref name="textbox"/> in the current scope: its name, then each enclosing group's current instance.</summary>
    public string IdOf(string textbox, ProcessingContext context)
    {
        var id = new StringBuilder();
        InstanceIds.AppendName(id, textbox);
        if (Scopes.ScopeOf(textbox) is not { } scope) return InstanceIds.Limit(id.ToString());
        var frames = context.Scopes;
        foreach (var group in scope.Groups)
        {
            ScopeFrame? frame = null;
            for (int i = frames.Count - 1; i >= 0 && frame is null; i--)
                if (string.Equals(frames[i].Name, group, StringComparison.OrdinalIgnoreCase)) frame = frames[i];
            if (frame is null) continue;
            id.Append('.');
            InstanceIds.AppendName(id, group);
            id.Append('-');
            if (frame.InstanceKey is { } values)
            {
                for (int v = 0; v < values.Length; v++)
                {
                    if (v > 0) id.Append('-');
                    InstanceIds.AppendValue(id, values[v]);
                }
            }
            else if (Scopes.IsDetails(group) && frame.Rows.Count > 0) id.Append(RowNumber(frame.DataSet, frame.Rows[0]));
            else id.Append('_');
        }
        return InstanceIds.Limit(id.ToString());
    }

    private string? TargetRegion(Textbox textbox, UserSortDefinition sort) =>
        sort.SortTarget is { } target ? Scopes.RegionOf(target) ?? target : Scopes.ScopeOf(textbox.Name)?.DataRegion;

    /// <summary>A detail row's 1-based position in its dataset: the same row keeps it whatever the sort.</summary>
    private int RowNumber(DataSetInstance dataSet, object?[] row)
    {
        _rowNumbers ??= new(ReferenceEqualityComparer.Instance);
        if (!_rowNumbers.TryGetValue(dataSet, out var numbers))
        {
            numbers = new Dictionary<object?[], int>(dataSet.Rows.Count, ReferenceEqualityComparer.Instance);
            for (int i = 0; i < dataSet.Rows.Count; i++) numbers.TryAdd(dataSet.Rows[i], i + 1);
            _rowNumbers[dataSet] = numbers;
        }
        return numbers.GetValueOrDefault(row);
    }
}
