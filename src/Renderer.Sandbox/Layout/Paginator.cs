using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Places body bands on pages. A band that does not fit below what is already on the page starts a new page; a tablix
/// continuing on a new page first repeats its RepeatOnNewPage header rows; a KeepWithGroup=After row moves with the row
/// after it. Page header and footer are added afterwards, when the page count is known (Globals!TotalPages).
/// </summary>
internal sealed class Paginator(PageDefinition page)
{
    private const double Epsilon = 0.01;

    public double BodyTop => page.TopMargin.Points + (page.Header?.Height.Points ?? 0);

    public double BodyHeight =>
        page.PageHeight.Points - page.TopMargin.Points - page.BottomMargin.Points - (page.Header?.Height.Points ?? 0) - (page.Footer?.Height.Points ?? 0);

    public List<List<PageItem>> Paginate(IReadOnlyList<Band> bands)
    {
        var pages = new List<List<PageItem>> { new() };
        double left = page.LeftMargin.Points;
        double available = Math.Max(36, BodyHeight);
        double offset = 0;
        double inserted = 0;
        bool pageHasContent = false;
        var ordered = bands.Select((b, i) => (Band: b, Index: i)).OrderBy(t => t.Band.Y).ThenBy(t => t.Index).Select(t => t.Band).ToList();
        for (int i = 0; i < ordered.Count; i++)
        {
            var band = ordered[i];
            double y = band.Y + inserted - offset;
            double need = band.Height;
            if (band.KeepWithNext && i + 1 < ordered.Count && ordered[i + 1].Owner == band.Owner && band.Owner is not null)
                need += ordered[i + 1].Height;
            if (pageHasContent && y + need > available + Epsilon)
            {
                pages.Add([]);
                offset = band.Y + inserted;
                y = 0;
                if (band.Owner is { } owner && !owner.RepeatedHeaders.Contains(band))
                {
                    foreach (var header in owner.RepeatedHeaders)
                    {
                        header.Emit(left, BodyTop + y, true, pages[^1]);
                        y += header.Height;
                    }
                    inserted += owner.RepeatedHeight;
                }
            }
            band.Emit(left, BodyTop + y, false, pages[^1]);
            pageHasContent = true;
        }
        return pages;
    }

    public ImmutableArray<Page> Compose(List<List<PageItem>> bodies, Func<int, int, PageSection, PageRegion, double, List<PageItem>> section)
    {
        var result = ImmutableArray.CreateBuilder<Page>(bodies.Count);
        int total = bodies.Count;
        for (int n = 1; n <= total; n++)
        {
            var items = new List<PageItem>();
            if (page.Header is { } header && Prints(header, n, total))
                items.AddRange(section(n, total, header, PageRegion.Header, page.TopMargin.Points));
            items.AddRange(bodies[n - 1]);
            if (page.Footer is { } footer && Prints(footer, n, total))
                items.AddRange(section(n, total, footer, PageRegion.Footer, page.PageHeight.Points - page.BottomMargin.Points - footer.Height.Points));
            result.Add(new Page(n, page.PageWidth.Points, page.PageHeight.Points, [.. items]));
        }
        return result.MoveToImmutable();
    }

    private static bool Prints(PageSection section, int number, int total) =>
        (number != 1 || section.PrintOnFirstPage) && (number != total || section.PrintOnLastPage || total == 1);
}
