using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// The body of one page as pagination left it: where each band goes (not yet its items: those are emitted when the
/// page is composed, see <see cref="PageComposer"/>), and how the page began.
/// </summary>
internal sealed class PageBody
{
    private List<BandPlacement> _placements = [];
    private int _probed;
    private bool _hasItems;
    private bool _released;

    public IReadOnlyList<BandPlacement> Placements => _placements;

    /// <summary>An explicit page break began this page (a new worksheet in XLSX).</summary>
    public bool StartsSection { get; init; }

    /// <summary>The break that began this page had ResetPageNumber: Globals!PageNumber restarts at 1 here.</summary>
    public bool ResetPageNumber { get; init; }

    /// <summary>PageName of the first named band on the page, if any.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// True when the bands placed so far emit at least one item (a band may emit none, e.g. a row of empty cells).
    /// Emits each band at most once, into a scratch list, and only until one emits something.
    /// </summary>
    public bool HasItems
    {
        get
        {
            List<PageItem>? scratch = null;
            while (!_hasItems && _probed < _placements.Count)
            {
                scratch ??= [];
                _placements[_probed++].EmitTo(scratch);
                _hasItems = scratch.Count > 0;
            }
            return _hasItems;
        }
    }

    public void Place(Band band, double x, double y, bool isRepeat) => _placements.Add(new BandPlacement(band, x, y, isRepeat));

    /// <summary>True once <see cref="Release"/> dropped the placed bands.</summary>
    public bool IsReleased => _released;

    /// <summary>Drops the placed bands: the page has been written for good (see <see cref="IPageSource.Release"/>).</summary>
    public void Release()
    {
        _placements = [];
        _released = true;
    }

    /// <summary>The part of a vertical page this page shows when the body is wider than the page (see <see cref="HorizontalPages"/>); null for the whole.</summary>
    public HorizontalSlice? Part { get; private init; }

    /// <summary>
    /// A page showing <paramref name="slice"/> of this one, sharing its placed bands; only the <paramref name="first"/>
    /// slice keeps how the page began (an explicit break, a page-number reset).
    /// </summary>
    public PageBody Slice(HorizontalSlice slice, bool first) => new()
    {
        _placements = _placements,
        StartsSection = first && StartsSection,
        ResetPageNumber = first && ResetPageNumber,
        Name = Name,
        Part = slice,
    };

    /// <summary>Emits the page's body items, in placement order.</summary>
    public void EmitItems(List<PageItem> sink)
    {
        if (_released) throw new InvalidOperationException("The page was released: its body items are no longer held.");
        if (Part is null)
        {
            foreach (var placement in _placements) placement.EmitTo(sink);
            return;
        }
        var whole = new List<PageItem>();
        foreach (var placement in _placements) placement.EmitTo(whole);
        Part.Apply(whole, sink);
    }
}

/// <summary>A band placed on a page with its top-left corner at (<see cref="X"/>, <see cref="Y"/>); <see cref="IsRepeat"/> for repeated headers.</summary>
internal readonly record struct BandPlacement(Band Band, double X, double Y, bool IsRepeat)
{
    public void EmitTo(List<PageItem> sink) => Band.Emit(X, Y, IsRepeat, sink);
}

/// <summary>
/// The page globals of one page: <see cref="Number"/> and <see cref="Total"/> count within the current numbering
/// section (restarted by ResetPageNumber), the Overall ones count all pages; <see cref="Name"/> is Globals!PageName.
/// </summary>
internal readonly record struct PageNumbering(int Number, int Total, int OverallNumber, int OverallTotal, string? Name);
