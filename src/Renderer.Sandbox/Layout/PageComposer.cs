using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Composes pages from pagination's plan, one at a time: a page's body items are emitted from its placed bands, and its
/// header and footer evaluated with that page's globals (the page count is known once the bands are placed).
/// Header and footer are evaluated once per page and kept (they are few items, and evaluating report code again could
/// give other values); body items are emitted again each time the page is composed, so a writer holds one page at a time.
/// </summary>
/// <remarks>
/// Page names: the first page takes InitialPageName (else its first named band); a later page its first named band,
/// else the previous page's name after a soft break, else InitialPageName.
/// </remarks>
internal sealed class PageComposer : IPageSource
{
    /// <summary>Evaluates a header or footer: (the page's body items, numbering, section, region, top) -> items.</summary>
    /// <remarks><paramref name="body"/> may be emitted only when enumerated: enumerate it only if the section reads it.</remarks>
    public delegate List<PageItem> SectionLayout(IEnumerable<PageItem> body, PageNumbering numbering, PageSection section, PageRegion region, double top);

    private readonly PageDefinition _page;
    private readonly List<PageBody> _bodies;
    private readonly SectionLayout _section;
    private readonly PageNumbering[] _numbering;
    private readonly List<PageItem>?[] _headers;
    private readonly List<PageItem>?[] _footers;

    private readonly ItemPlacer? _placer;

    /// <summary>Each page's height when pages fit their content (InteractiveHeight 0); null when every page is the page height.</summary>
    private readonly double[]? _heights;

    /// <summary>
    /// Pages released by a writer (see <see cref="Release"/>) are followed by a background collection each time another
    /// quarter of the bands has gone, in documents of at least <see cref="CollectMinimumBands"/> bands.
    /// </summary>
    private const int CollectSteps = 4;
    private const int CollectMinimumBands = 20_000;
    private int _totalBands = -1;
    private int _releasedBands;
    private int _nextCollectAt;

    /// <param name="fitHeight">Each page is as tall as its content (its lowest band, plus footer and bottom margin) rather than the page height.</param>
    public PageComposer(PageDefinition page, List<PageBody> bodies, string? initialPageName, SectionLayout section, ItemPlacer? placer = null, bool fitHeight = false)
    {
        _placer = placer;
        _page = page;
        _bodies = bodies;
        _section = section;
        int total = bodies.Count;
        _headers = new List<PageItem>?[total];
        _footers = new List<PageItem>?[total];
        _numbering = new PageNumbering[total];
        var names = new string?[total];
        var sectionStart = new int[total];
        for (int i = 0; i < total; i++)
        {
            names[i] = i == 0 ? initialPageName ?? bodies[0].Name
                : bodies[i].Name ?? (bodies[i].StartsSection ? initialPageName : names[i - 1]);
            sectionStart[i] = i == 0 || bodies[i].ResetPageNumber ? i : sectionStart[i - 1];
        }
        for (int i = 0; i < total;)
        {
            int start = i, end = i + 1;
            while (end < total && sectionStart[end] == start) end++;
            for (; i < end; i++) _numbering[i] = new PageNumbering(i - start + 1, end - start, i + 1, total, names[i]);
        }
        if (fitHeight) _heights = [.. bodies.Select(FittedHeight)];
    }

    private double FittedHeight(PageBody body)
    {
        var bodyTop = _page.TopMargin.Points + (_page.Header?.Height.Points ?? 0);
        var bottom = body.Placements.Select(p => p.Y + p.Band.Height).DefaultIfEmpty(bodyTop).Max();
        return Math.Max(bottom, bodyTop) + (_page.Footer?.Height.Points ?? 0) + _page.BottomMargin.Points;
    }

    private double HeightOf(int index) => _heights?[index] ?? _page.PageHeight.Points;

    public int Count => _bodies.Count;

    /// <summary>How many bands the pages hold in all (about one per table row): a measure of the page model's size.</summary>
    public int PlacementCount => _bodies.Sum(b => b.Placements.Count);

    /// <summary>Every page, composed and held.</summary>
    public ImmutableArray<Page> ComposeAll()
    {
        var pages = ImmutableArray.CreateBuilder<Page>(Count);
        for (int i = 0; i < Count; i++) pages.Add(Compose(i));
        return pages.MoveToImmutable();
    }

    public Page Describe(int index) =>
        new(index + 1, _page.PageWidth.Points, HeightOf(index), [])
        {
            Name = _numbering[index].Name,
            StartsSection = _bodies[index].StartsSection,
            NumberInSection = _numbering[index].Number,
            PagesInSection = _numbering[index].Total,
        };

    public Page Compose(int index)
    {
        int number = index + 1, total = Count;
        var body = new List<PageItem>();
        _bodies[index].EmitItems(body);
        var items = new List<PageItem>(body.Count + 4);
        if (_page.Header is { } header && Prints(header, number, total))
            items.AddRange(_headers[index] ??= _section(body, _numbering[index], header, PageRegion.Header, _page.TopMargin.Points));
        items.AddRange(body);
        if (_page.Footer is { } footer && Prints(footer, number, total))
            items.AddRange(_footers[index] ??= _section(body, _numbering[index], footer, PageRegion.Footer, HeightOf(index) - _page.BottomMargin.Points - footer.Height.Points));
        RenderProgress.PageComposed(index, total);
        return Describe(index) with { Items = [.. items] };
    }

    public IReadOnlyList<PageItem> ComposeHeaderOver(int start, int end, SpanNumbering numbering)
    {
        if (_page.Header is not { } header || !Prints(header, numbering.OverallNumber, numbering.OverallTotal)) return [];
        var globals = new PageNumbering(numbering.Number, numbering.Total, numbering.OverallNumber, numbering.OverallTotal, _numbering[start].Name);
        return _section(BodyItems(start, end), globals, header, PageRegion.Header, _page.TopMargin.Points);
    }

    /// <summary>The body items of pages <paramref name="start"/> to <paramref name="end"/> (exclusive), each page emitted when the enumeration reaches it.</summary>
    private IEnumerable<PageItem> BodyItems(int start, int end)
    {
        var items = new List<PageItem>();
        for (int i = start; i < end; i++)
        {
            items.Clear();
            _bodies[i].EmitItems(items);
            foreach (var item in items) yield return item;
        }
    }

    /// <summary>
    /// Page <paramref name="index"/>'s body items as outlines (see <see cref="ItemPlacer.OutlineOnly"/>), without header
    /// and footer; the full page when no placer was given.
    /// </summary>
    public Page ComposeOutline(int index)
    {
        if (_placer is null) return Compose(index);
        var body = new List<PageItem>();
        _placer.OutlineOnly = true;
        try
        {
            _bodies[index].EmitItems(body);
        }
        finally
        {
            _placer.OutlineOnly = false;
        }
        return Describe(index) with { Items = [.. body] };
    }

    /// <summary>Drops page <paramref name="index"/>'s placed bands (and so the rows only they hold) and its header and footer.</summary>
    public void Release(int index)
    {
        if (_bodies[index].IsReleased) return;
        if (_totalBands < 0)
        {
            _totalBands = PlacementCount;
            _nextCollectAt = _totalBands / CollectSteps;
        }
        _releasedBands += _bodies[index].Placements.Count;
        _bodies[index].Release();
        _headers[index] = null;
        _footers[index] = null;
        // Released rows sit in the oldest generation, which the writer's short-lived allocations seldom make the GC
        // collect: ask for a background collection each time another share of the bands has gone (not after the last),
        // so the writer's objects reuse their space rather than grow the heap.
        if (_totalBands >= CollectMinimumBands && _releasedBands >= _nextCollectAt && _releasedBands < _totalBands)
        {
            _nextCollectAt += _totalBands / CollectSteps;
            GC.Collect(2, GCCollectionMode.Forced, blocking: false);
        }
    }

    private static bool Prints(PageSection section, int number, int total) =>
        (number != 1 || section.PrintOnFirstPage) && (number != total || section.PrintOnLastPage || total == 1);
}
