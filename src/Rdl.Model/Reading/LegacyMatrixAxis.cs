using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>One RDL 2005 ColumnGrouping / RowGrouping: dynamic (a group with its header and optional subtotal) or static.</summary>
internal sealed record MatrixLevel(
    ReportSize Size,
    GroupDefinition? Group,
    ImmutableArray<SortExpression> Sorts,
    (ExpressionText? Hidden, string? Toggle) Visibility,
    ReportItem? Header,
    MatrixSubtotal? Subtotal,
    List<ReportItem?> Statics,
    SourceLocation Location)
{
    public bool IsDynamic => Group is not null;
}

internal sealed record MatrixSubtotal(ReportItem? Header, bool Before, SourceLocation Location);

/// <summary>
/// Builds one hierarchy of a legacy matrix from its levels (outer to inner). <see cref="LeafStatics"/> gives, per leaf in
/// order, the index of the MatrixColumn / MatrixRow its body cells come from (the mixed-radix index of the static members on
/// its path). A subtotal member's header spans its own level and the dynamic levels under it, down to the next static level.
/// </summary>
internal sealed class MatrixAxis(List<MatrixLevel> levels, bool rowHierarchy, ItemNames names, SourceLocation location)
{
    private readonly List<int> _leafStatics = [];

    public IReadOnlyList<int> LeafStatics => _leafStatics;

    public int LevelCount => levels.Count;

    public ImmutableArray<TablixMember> Build()
    {
        if (levels.Count == 0)
        {
            _leafStatics.Add(0);
            return [new TablixMember(null, [], [], location)];
        }
        return [.. Members(0, subtotal: false, staticIndex: 0)];
    }

    private List<TablixMember> Members(int level, bool subtotal, int staticIndex)
    {
        var members = new List<TablixMember>();
        if (level >= levels.Count) return members;
        var current = levels[level];
        if (current.IsDynamic && subtotal) return Members(level + 1, subtotal, staticIndex);
        if (current.IsDynamic)
        {
            // Built in document order, so the leaves' static indices are recorded in order.
            var span = 1 + SkippedDynamics(level + 1);
            if (current.Subtotal is { Before: true } before) members.Add(Member(null, [], before.Header, level, span, subtotal: true, staticIndex, before.Location));
            members.Add(Member(current.Group, current.Sorts, current.Header, level, 1, subtotal: false, staticIndex, current.Location) with
            {
                Hidden = current.Visibility.Hidden,
                ToggleItem = current.Visibility.Toggle,
            });
            if (current.Subtotal is { Before: false } after) members.Add(Member(null, [], after.Header, level, span, subtotal: true, staticIndex, after.Location));
            return members;
        }
        var spanBelow = subtotal ? SkippedDynamics(level + 1) : 0;
        for (var i = 0; i < current.Statics.Count; i++)
        {
            var index = staticIndex * Math.Max(1, current.Statics.Count) + i;
            members.Add(Member(null, [], current.Statics[i], level, 1 + spanBelow, subtotal, index, current.Location));
        }
        return members;
    }

    private TablixMember Member(GroupDefinition? group, ImmutableArray<SortExpression> sorts, ReportItem? header, int level, int span,
        bool subtotal, int staticIndex, SourceLocation memberLocation)
    {
        var children = Members(level + span, subtotal, staticIndex);
        if (children.Count == 0) _leafStatics.Add(staticIndex);
        var size = new ReportSize(levels.Skip(level).Take(span).Sum(l => l.Size.Points));
        var cell = rowHierarchy ? new TablixCell(names.Use(header), ColSpan: span) : new TablixCell(names.Use(header), RowSpan: span);
        return new TablixMember(group, sorts, [.. children], memberLocation) { Header = new TablixHeader(size, cell) };
    }

    private int SkippedDynamics(int from)
    {
        var count = 0;
        for (var i = from; i < levels.Count && levels[i].IsDynamic; i++) count++;
        return count;
    }
}

/// <summary>Keeps report item names unique when the legacy matrix repeats an item into several cells: copies get _2, _3, ...</summary>
internal sealed class ItemNames
{
    private readonly Dictionary<string, int> _uses = new(StringComparer.Ordinal);

    public ReportItem? Use(ReportItem? item)
    {
        if (item is null) return null;
        var count = _uses.GetValueOrDefault(item.Name) + 1;
        _uses[item.Name] = count;
        return count == 1 ? item : Rename(item, $"_{count}");
    }

    private static ReportItem Rename(ReportItem item, string suffix) => item switch
    {
        RectangleItem rectangle => rectangle with { Name = rectangle.Name + suffix, Items = [.. rectangle.Items.Select(i => Rename(i, suffix))] },
        _ => item with { Name = item.Name + suffix },
    };
}
