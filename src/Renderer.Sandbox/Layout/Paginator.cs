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
/// <item>A tablix continuing on a new page or column first repeats its RepeatOnNewPage header rows, unless the row that
/// continues it would not fit below them.</item>
/// <item>A drawn rectangle taller than a page (<see cref="Band.Span"/>) is drawn as one box fragment per page or column
/// it spans (<see cref="OpenBoxes"/>); while it continues below a page, the next page starts at the page boundary or
/// at the item that moved, whichever is higher, so its fragments tile its height.</item>
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
        var boxes = new OpenBoxes();
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
            bool breakNow = false, isExplicit = false;
            if (explicitBreak is not null && pages[^1].HasItems)
            {
                pages.Add(new PageBody { StartsSection = true, ResetPageNumber = explicitBreak.ResetPageNumber });
                column = 0;
                breakNow = isExplicit = true;
            }
            else if (columnHasContent && y + need > available + Epsilon)
            {
                column = NextColumn(pages, column);
                breakNow = true;
            }
            bool broke = breakNow;
            while (breakNow)
            {
                // Inside a box that continues below the page, the next page starts at the page boundary (the box keeps its
                // blank space); elsewhere at the band that moved.
                double at = band.Y + inserted, boundary = offset + available;
                double next = !isExplicit && !RepeatsHeaders(band, available) && boxes.Crosses(boundary, inserted) ? Math.Min(at, boundary) : at;
                boxes.Break(Math.Min(boundary, next), next, inserted, pages[^1], ColumnLeft(column), BodyTop);
                offset = next;
                y = at - offset;
                isExplicit = false;
                breakNow = y > Epsilon && y + need > available + Epsilon;
                if (breakNow) column = NextColumn(pages, column);
            }
            if (broke && RepeatsHeaders(band, available))
            {
                foreach (var header in band.Owner!.RepeatedHeaders)
                {
                    pages[^1].Place(header, ColumnLeft(column), BodyTop + y, true);
                    y += header.Height;
                }
                inserted += band.Owner.RepeatedHeight;
            }
            if (band.Span is { } span) boxes.Open(span, band.Y + inserted, pages[^1], ColumnLeft(column), BodyTop + y);
            else pages[^1].Place(band, ColumnLeft(column), BodyTop + y, false);
            columnHasContent = true;
            pages[^1].Name ??= band.PageName;
            pending = band.BreakAfter;
        }
        boxes.Close(offset + available, inserted);
        return pages;
    }

    /// <summary>Moves on to the next column, or to a new page after the last column (a soft break); returns the column.</summary>
    private int NextColumn(List<PageBody> pages, int column)
    {
        if (column + 1 < Columns) return column + 1;
        pages.Add(new PageBody());
        return 0;
    }

    /// <summary>
    /// A tablix row that, starting a page, is preceded by its tablix's repeated header rows: when it fits below them (else
    /// the headers would push it off the page, on every page the tablix continues on).
    /// </summary>
    private static bool RepeatsHeaders(Band band, double available) =>
        band.Owner is { } owner && !owner.RepeatedHeaders.Contains(band) && owner.RepeatedHeight + band.Height <= available + Epsilon;

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
