using Rdl.Model.Definitions;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Places body bands on pages, as SSRS does:
/// <list type="bullet">
/// <item>A band that does not fit below what is already in the column goes to the next column (Page/Columns), then to
/// a new page (a soft break). A KeepWithGroup=After row moves with the row after it; a KeepTogether block (item or group
/// instance) that fits on an empty page but not in the remaining space moves whole; a bigger one breaks as usual.</item>
/// <item>An explicit break (PageBreak before or after a band) starts a new page, but never a blank one: not before the
/// first band, not after the last, and a break after one item plus a break before the next make one break. A break
/// before a group instance moves up over KeepWithGroup=After header rows right before it.</item>
/// <item>A tablix continuing on a new page or column first repeats its RepeatOnNewPage header rows.</item>
/// </list>
/// Bands are only placed here (see <see cref="PageBody"/>): their items are emitted, and page header and footer added,
/// when a page is composed (<see cref="PageComposer"/>), once the page count is known (Globals!TotalPages).
/// </summary>
internal sealed class Paginator(PageDefinition page, double columnWidth = 0)
{
    private const double Epsilon = 0.01;

    public double BodyTop => page.TopMargin.Points + (page.Header?.Height.Points ?? 0);

    public double BodyHeight =>
        page.PageHeight.Points - page.TopMargin.Points - page.BottomMargin.Points - (page.Header?.Height.Points ?? 0) - (page.Footer?.Height.Points ?? 0);

    private int Columns => Math.Max(1, page.Columns);

    /// <summary>Left edge of body column <paramref name="column"/> (0-based).</summary>
    public double ColumnLeft(int column) => page.LeftMargin.Points + column * (columnWidth + page.ColumnSpacing.Points);

    /// <summary>The bands by their top, keeping the given order among equal tops (bands usually come in order already).</summary>
    private static List<Band> OrderByTop(IReadOnlyList<Band> bands)
    {
        var ordered = new List<Band>(bands);
        for (int i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Y < ordered[i - 1].Y)
            {
                var indices = Enumerable.Range(0, bands.Count).ToArray();
                Array.Sort(indices, (a, b) => bands[a].Y != bands[b].Y ? bands[a].Y.CompareTo(bands[b].Y) : a.CompareTo(b));
                for (int k = 0; k < indices.Length; k++) ordered[k] = bands[indices[k]];
                break;
            }
        }
        return ordered;
    }

    public List<PageBody> Paginate(IReadOnlyList<Band> bands)
    {
        var pages = new List<PageBody> { new() { StartsSection = true } };
        double available = Math.Max(36, BodyHeight);
        double offset = 0;
        double inserted = 0;
        int column = 0;
        bool columnHasContent = false;
        PageBreakMark? pending = null;
        var ordered = OrderByTop(bands);
        var breaksBefore = BreaksBefore(ordered);
        for (int i = 0; i < ordered.Count; i++)
        {
            var band = ordered[i];
            var explicitBreak = PageBreakMark.Combine(pending, breaksBefore[i]);
            pending = null;
            double y = band.Y + inserted - offset;
            double need = band.Height;
            if (band.KeepWithNext && i + 1 < ordered.Count && ordered[i + 1].Owner == band.Owner && band.Owner is not null)
                need += ordered[i + 1].Height;
            need = Math.Max(need, KeepTogetherHeight(band, available));
            bool breakNow = false;
            if (explicitBreak is not null && pages[^1].HasItems)
            {
                pages.Add(new PageBody { StartsSection = true, ResetPageNumber = explicitBreak.ResetPageNumber });
                column = 0;
                breakNow = true;
            }
            else if (columnHasContent && y + need > available + Epsilon)
            {
                if (column + 1 < Columns) column++;
                else
                {
                    pages.Add(new PageBody());
                    column = 0;
                }
                breakNow = true;
            }
            if (breakNow)
            {
                offset = band.Y + inserted;
                y = 0;
                if (band.Owner is { } owner && !owner.RepeatedHeaders.Contains(band))
                {
                    foreach (var header in owner.RepeatedHeaders)
                    {
                        pages[^1].Place(header, ColumnLeft(column), BodyTop + y, true);
                        y += header.Height;
                    }
                    inserted += owner.RepeatedHeight;
                }
            }
            pages[^1].Place(band, ColumnLeft(column), BodyTop + y, false);
            columnHasContent = true;
            pages[^1].Name ??= band.PageName;
            pending = band.BreakAfter;
        }
        return pages;
    }

    /// <summary>
    /// The explicit break before each band; a break before a band moves up over the KeepWithGroup=After rows of the same
    /// tablix right before it (a group's header rows go to the new page with the group).
    /// </summary>
    private static PageBreakMark?[] BreaksBefore(List<Band> ordered)
    {
        var breaks = ordered.Select(b => b.BreakBefore).ToArray();
        for (int i = 1; i < ordered.Count; i++)
        {
            if (breaks[i] is null || ordered[i].Owner is not { } owner) continue;
            int j = i;
            while (j > 0 && ordered[j - 1].KeepWithNext && ordered[j - 1].Owner == owner && ordered[j - 1].BreakAfter is null) j--;
            if (j == i) continue;
            breaks[j] = PageBreakMark.Combine(breaks[j], breaks[i]);
            breaks[i] = null;
        }
        return breaks;
    }

    /// <summary>The largest KeepTogether block starting at <paramref name="band"/> that fits on an empty page (0 when none).</summary>
    private static double KeepTogetherHeight(Band band, double available)
    {
        if (band.KeepTogetherHeights.Count == 0) return 0;
        double room = available - (band.Owner is { } owner && !owner.RepeatedHeaders.Contains(band) ? owner.RepeatedHeight : 0);
        double best = 0;
        foreach (var height in band.KeepTogetherHeights)
            if (height <= room + Epsilon) best = Math.Max(best, height);
        return best;
    }
}
