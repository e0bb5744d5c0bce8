using System.Collections.Immutable;
using Rdl.Model.Definitions.Tablix;

namespace Renderer.Sandbox.Processing.Tablix;

/// <summary>
/// The leading columns of a tablix that the hard-page renderers (PDF) repeat at the left of each horizontal page it
/// continues on: its row-header columns when it has RepeatRowHeaders, as SSRS does; and the body columns of its leading
/// static column members that ask to stay in view (<c>FixedData</c>, which SSRS honours only in interactive renderers,
/// or <c>RepeatOnNewPage</c> with <c>KeepWithGroup</c> After, SSRS's hard-page way to repeat side columns), together with
/// the row-header columns left of them.
/// </summary>
internal static class FixedColumns
{
    /// <summary>How many leading output columns (row headers first, then body <paramref name="slots"/>) repeat; 0 for none.</summary>
    public static int Count(TablixDefinition tablix, int rowHeaderColumns, IReadOnlyList<ColumnSlot> slots)
    {
        var leaves = FixedLeaves(tablix.ColumnHierarchy);
        int body = 0;
        while (body < slots.Count && slots[body].Frames.IsEmpty && leaves.Contains(slots[body].Leaf)) body++;
        if (body > 0 && body < slots.Count) return rowHeaderColumns + body;
        return tablix.RepeatRowHeaders ? rowHeaderColumns : 0;
    }

    /// <summary>
    /// The body-column leaves under the leading top-level column members that are static all the way down and marked to
    /// stay in view; MS-RDL allows FixedData only on top-level members, contiguous from the first.
    /// </summary>
    private static HashSet<int> FixedLeaves(ImmutableArray<TablixMember> members)
    {
        var leaves = new HashSet<int>();
        if (members.IsDefaultOrEmpty) return leaves;
        int leaf = 0;
        foreach (var member in members)
        {
            bool stays = member.FixedData || (member.RepeatOnNewPage && member.KeepWithGroup == "After");
            if (!stays || !AllStatic(member)) break;
            int count = HeaderLevels.LeafCount(member);
            for (int i = 0; i < count; i++) leaves.Add(leaf + i);
            leaf += count;
        }
        return leaves;
    }

    private static bool AllStatic(TablixMember member) =>
        member.IsStatic && (member.IsLeaf || member.Children.All(AllStatic));
}
