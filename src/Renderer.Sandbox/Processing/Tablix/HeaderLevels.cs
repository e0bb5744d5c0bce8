using System.Collections.Immutable;
using Rdl.Model.Definitions.Tablix;

namespace Renderer.Sandbox.Processing.Tablix;

/// <summary>
/// The header levels of one hierarchy: each member with a TablixHeader takes the next level (or, with ColSpan for row
/// headers / RowSpan for column headers, several). Row-hierarchy levels are header columns (their size is a width),
/// column-hierarchy levels header rows (a height). A level's size is the Size of the first single-level header on it;
/// levels only ever covered by spanning headers share the rest of that header's Size.
/// </summary>
internal static class HeaderLevels
{
    public static ImmutableArray<double> Measure(ImmutableArray<TablixMember> members, bool rowHierarchy)
    {
        var sizes = new List<double?>();
        var spanning = new List<(int Level, int Span, double Size)>();
        void Walk(ImmutableArray<TablixMember> list, int level)
        {
            foreach (var member in list.IsDefault ? [] : list)
            {
                if (member.Header is not { } header)
                {
                    Walk(member.Children, level);
                    continue;
                }
                int span = Span(header, rowHierarchy);
                while (sizes.Count < level + span) sizes.Add(null);
                if (span == 1) sizes[level] ??= header.Size.Points;
                else spanning.Add((level, span, header.Size.Points));
                Walk(member.Children, level + span);
            }
        }
        Walk(members, 0);
        foreach (var (level, span, size) in spanning)
        {
            var unset = Enumerable.Range(level, span).Where(l => sizes[l] is null).ToList();
            if (unset.Count == 0) continue;
            double known = Enumerable.Range(level, span).Sum(l => sizes[l] ?? 0);
            foreach (var l in unset) sizes[l] = Math.Max(0, size - known) / unset.Count;
        }
        return [.. sizes.Select(s => s ?? 0)];
    }

    /// <summary>How many levels a member's header covers: ColSpan for row headers, RowSpan for column headers.</summary>
    public static int Span(TablixHeader header, bool rowHierarchy) => Math.Max(1, rowHierarchy ? header.Cell.ColSpan : header.Cell.RowSpan);

    public static int LeafCount(TablixMember member) => member.IsLeaf ? 1 : member.Children.Sum(LeafCount);
}
