using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing.Tablix;

/// <summary>
/// Marks the output rows of one member instance with its pagination: PageBreak Start/End/StartAndEnd on the first/last
/// row of every instance, Between on the first row of every instance but the first; PageName on rows no inner group named;
/// KeepTogether as a row range.
/// </summary>
internal sealed class GroupPaging
{
    public List<(int First, int Count)> KeepTogether { get; } = [];

    /// <summary>Decorates rows [<paramref name="start"/>, end); false when the instance produced no row.</summary>
    public bool Decorate(List<TablixRowInstance> output, int start, TablixMember member, PageBreakMark? mark, string? pageName, bool firstInstance)
    {
        int end = output.Count;
        if (end == start) return false;
        if (pageName is not null)
        {
            for (int i = start; i < end; i++)
                if (output[i].PageName is null) output[i] = output[i] with { PageName = pageName };
        }
        var location = member.Group?.PageBreak?.Location ?? BreakLocation.None;
        if (mark is not null)
        {
            if (location is BreakLocation.Start or BreakLocation.StartAndEnd || (location == BreakLocation.Between && !firstInstance))
                output[start] = output[start] with { BreakBefore = PageBreakMark.Combine(output[start].BreakBefore, mark) };
            if (location is BreakLocation.End or BreakLocation.StartAndEnd)
                output[end - 1] = output[end - 1] with { BreakAfter = PageBreakMark.Combine(output[end - 1].BreakAfter, mark) };
        }
        if (member.KeepTogether && end - start > 1) KeepTogether.Add((start, end - start));
        return true;
    }
}
