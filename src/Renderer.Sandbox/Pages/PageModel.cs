using System.Collections.Immutable;

namespace Renderer.Sandbox.Pages;

/// <summary>
/// The output of pagination and the only thing writers see: pages of positioned items, in points,
/// with the origin at the top-left corner of the page.
/// </summary>
/// <remarks>
/// A document either holds its pages (built by hand, small reports) or composes them on demand from pagination's
/// plan (<see cref="IPageSource"/>, large reports): then each page's items exist only while a writer looks at it.
/// Writers go through <see cref="PageCount"/>, <see cref="EnumeratePages"/> and <see cref="DescribePage"/>;
/// <see cref="Pages"/> composes and keeps every page, for tests and callers that want them all.
/// </remarks>
public sealed record PaginatedDocument
{
    private readonly IPageSource? _source;
    private ImmutableArray<Page> _pages;
    private IReadOnlyDictionary<(int Start, int End), IReadOnlyList<PageItem>>? _spanHeaders;

    public PaginatedDocument(string Title, ImmutableArray<Page> Pages)
    {
        this.Title = Title;
        _pages = Pages;
    }

    /// <summary>A document whose pages <paramref name="source"/> composes one at a time, when asked.</summary>
    internal PaginatedDocument(string title, IPageSource source)
    {
        Title = title;
        _source = source;
    }

    /// <summary>
    /// A document holding <paramref name="pages"/> and the page headers of runs of them read as one page (worksheets),
    /// evaluated beforehand (<see cref="HeaderOver"/>): no pagination stays behind the held pages.
    /// </summary>
    internal static PaginatedDocument Held(string title, ImmutableArray<Page> pages, IReadOnlyDictionary<(int Start, int End), IReadOnlyList<PageItem>> spanHeaders) =>
        new(title, pages) { _spanHeaders = spanHeaders };

    public string Title { get; init; }

    /// <summary>Every page. A streamed document composes them all on first use and keeps them (memory grows with the report).</summary>
    public ImmutableArray<Page> Pages
    {
        get
        {
            if (_pages.IsDefault && _source is not null) _pages = [.. EnumeratePages()];
            return _pages;
        }
        init => _pages = value;
    }

    /// <summary>True when pages are composed on demand (and dropped after use) rather than held.</summary>
    public bool IsStreamed => _source is not null && _pages.IsDefault;

    /// <summary>The number of pages, known without composing any.</summary>
    public int PageCount => !_pages.IsDefault ? _pages.Length : _source?.Count ?? 0;

    /// <summary>The pages in order; a streamed document composes each one as it is reached (every call composes again).</summary>
    public IEnumerable<Page> EnumeratePages()
    {
        if (!_pages.IsDefault || _source is null)
        {
            foreach (var page in _pages.IsDefault ? [] : _pages) yield return page;
            yield break;
        }
        for (int i = 0; i < _source.Count; i++) yield return _source.Compose(i);
    }

    /// <summary>
    /// Page <paramref name="index"/> for a layout pass: a held page as it is; a streamed page's body items as outlines
    /// (positions, regions and cells without text, and no header or footer; see <see cref="IPageSource.ComposeOutline"/>).
    /// </summary>
    public Page GetPageOutline(int index) => !_pages.IsDefault || _source is null ? _pages[index] : _source.ComposeOutline(index);

    /// <summary>Page <paramref name="index"/> (0-based), composed if the document is streamed.</summary>
    public Page GetPage(int index) => !_pages.IsDefault || _source is null ? _pages[index] : _source.Compose(index);

    /// <summary>
    /// Tells a streamed document that page <paramref name="index"/> will not be read again (a writer's last pass went
    /// past it), so the evaluated rows only that page shows can be collected while the rest is written; composing the
    /// page afterwards throws. A held document keeps its pages.
    /// </summary>
    internal void ReleasePage(int index)
    {
        if (IsStreamed) _source!.Release(index);
    }

    /// <summary>
    /// The page header of pages <paramref name="start"/> to <paramref name="end"/> (exclusive) read as one page numbered
    /// <paramref name="numbering"/>, as SSRS's Excel renderer reads a worksheet: its expressions evaluated again, with
    /// ReportItems (and First, Last, Sum over them) reading the body items of all those pages; empty when the header does
    /// not print on such a page; the header evaluated beforehand for a held document (<see cref="Held"/>). Null for a document
    /// built from pages alone (no pagination behind it to evaluate with).
    /// </summary>
    internal IReadOnlyList<PageItem>? HeaderOver(int start, int end, SpanNumbering numbering) =>
        _spanHeaders is not null && _spanHeaders.TryGetValue((start, end), out var header) ? header : _source?.ComposeHeaderOver(start, end, numbering);

    /// <summary>
    /// Page <paramref name="index"/>'s number, size, <see cref="Page.Name"/> and <see cref="Page.StartsSection"/> without
    /// composing it: the items of a streamed document's page are left empty.
    /// </summary>
    public Page DescribePage(int index) => !_pages.IsDefault || _source is null ? _pages[index] : _source.Describe(index);

    /// <summary>The report's document map (DocumentMapLabel of groups and items) in document order; empty when none.</summary>
    public ImmutableArray<DocumentMapEntry> DocumentMap { get; init; } = [];

    /// <summary>
    /// Where group summaries sit relative to the rows they toggle: false (SSRS's usual layout, toggles in group headers)
    /// puts the outline buttons above the detail rows in Excel.
    /// </summary>
    public bool OutlineSummaryBelow { get; init; }

    /// <summary>The report's Language (culture name, e.g. "en-US"), for writers that localize formats (XLSX currency).</summary>
    public string? Language { get; init; }

    /// <summary>The report's page layout (size, margins, header and footer heights), for writers that set up printing; null when unknown.</summary>
    public PageSetup? Setup { get; init; }
}

/// <summary>
/// The report's page in points: size, margins, the page header's and footer's heights (0 when the report has none) and
/// the body's width (all its columns), for writers that set up a printed page (DOCX sections, XLSX page setup).
/// </summary>
public sealed record PageSetup(
    double Width,
    double Height,
    double LeftMargin,
    double TopMargin,
    double RightMargin,
    double BottomMargin,
    double HeaderHeight,
    double FooterHeight,
    double BodyWidth)
{
    /// <summary>True when the body fits between the left and right margins (half a point of rounding allowed).</summary>
    public bool BodyFitsPageWidth => BodyWidth <= Width - LeftMargin - RightMargin + 0.5;
}

/// <summary>Composes the pages of a streamed <see cref="PaginatedDocument"/>, one at a time.</summary>
internal interface IPageSource
{
    int Count { get; }

    /// <summary>Page <paramref name="index"/> (0-based) with all its items; composing it twice gives equal pages.</summary>
    Page Compose(int index);

    /// <summary>Page <paramref name="index"/> without items: number, size, name, section start.</summary>
    Page Describe(int index);

    /// <summary>
    /// Page <paramref name="index"/>'s body items with their bounds, region and cell but text items without text, lines or
    /// value, and no header or footer: cheap to compose, for writers that first need where items are (a grid).
    /// </summary>
    Page ComposeOutline(int index);

    /// <summary>
    /// The page header evaluated for pages <paramref name="start"/> to <paramref name="end"/> (exclusive) read as one page
    /// with <paramref name="numbering"/>: ReportItems in it read the body items of all those pages (emitted only if it
    /// reads them); empty when the header does not print on that page.
    /// </summary>
    IReadOnlyList<PageItem> ComposeHeaderOver(int start, int end, SpanNumbering numbering);

    /// <summary>
    /// The caller will not ask for page <paramref name="index"/> again (its items, outline or whole): what only its body
    /// needs (its rows' evaluated cells) may be dropped. Composing it afterwards throws.
    /// </summary>
    void Release(int index);
}

/// <summary>
/// The page globals of a run of pages read as one page (an XLSX worksheet): <see cref="Number"/> and <see cref="Total"/>
/// are Globals!PageNumber and TotalPages (counting within a numbering section, restarted by ResetPageNumber), the Overall
/// ones count every such run.
/// </summary>
public readonly record struct SpanNumbering(int Number, int Total, int OverallNumber, int OverallTotal);

/// <summary>
/// One entry of the document map: <see cref="Label"/> at nesting <see cref="Level"/> (0 = top), pointing at the text
/// item whose <see cref="TextItem.DocumentMapId"/> equals <see cref="Id"/>.
/// </summary>
public sealed record DocumentMapEntry(string Id, string Label, int Level);

public sealed record Page(int Number, double Width, double Height, ImmutableArray<PageItem> Items)
{
    /// <summary>PageName for this page (sheet name in XLSX), if the report set one.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// True when an explicit page break (not just a full page) begins this page; XLSX starts a new worksheet here.
    /// The first page always starts one.
    /// </summary>
    public bool StartsSection { get; init; }

    /// <summary>Globals!PageNumber of this page (restarted by ResetPageNumber breaks); 0 when unknown (then <see cref="Number"/>).</summary>
    public int NumberInSection { get; init; }

    /// <summary>Globals!TotalPages of this page (the pages of its numbering section); 0 when unknown.</summary>
    public int PagesInSection { get; init; }
}

public readonly record struct Bounds(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;
}

public enum PageRegion
{
    Header,
    Body,
    Footer,
}

public abstract record PageItem(Bounds Bounds, PageRegion Region);

/// <summary>
/// A textbox on a page. <see cref="Lines"/> are already broken and positioned (relative to <see cref="PageItem.Bounds"/>)
/// by layout, so a writer only draws them. <see cref="Value"/> is the typed value (double, decimal, int, long,
/// DateTime, bool or string) and <see cref="Format"/> its .NET format string, for writers that keep values typed (XLSX).
/// </summary>
public sealed record TextItem(
    Bounds Bounds,
    PageRegion Region,
    string Text,
    object? Value,
    string? Format,
    TextStyle Style,
    BoxStyle Box,
    ImmutableArray<TextLine> Lines) : PageItem(Bounds, Region)
{
    /// <summary>Where the item sits in a data region's logical grid, for XLSX and HTML; null outside data regions.</summary>
    public LogicalCell? Cell { get; init; }

    public string? Name { get; init; }

    /// <summary>Target of the textbox's Hyperlink action (an absolute URL), if any.</summary>
    public string? Hyperlink { get; init; }

    /// <summary>Set when a <see cref="DocumentMapEntry"/> points at this item.</summary>
    public string? DocumentMapId { get; init; }

    /// <summary>The item's evaluated Bookmark: a target that <see cref="BookmarkLink"/>s elsewhere jump to (the first item wins).</summary>
    public string? BookmarkId { get; init; }

    /// <summary>The Bookmark this item's BookmarkLink action jumps to, if any.</summary>
    public string? BookmarkLink { get; init; }

    /// <summary>True when <see cref="Hyperlink"/> is a drillthrough to another report (the HTML viewer opens it itself).</summary>
    public bool IsDrillthrough { get; init; }

    /// <summary>The drilldown toggle this item shows, when other items name it in Visibility/ToggleItem.</summary>
    public ToggleControl? Toggle { get; init; }

    /// <summary>The interactive sort button this item shows (Textbox/UserSort).</summary>
    public SortControl? Sort { get; init; }

    /// <summary>The styled paragraphs of a rich-text item (MarkupType HTML), for writers that keep runs; null for plain text.</summary>
    public RichText? Rich { get; init; }
}

/// <summary>One laid-out line: X from the item's left edge, Baseline from the item's top edge.</summary>
public sealed record TextLine(double X, double Baseline, double Width, string Text)
{
    /// <summary>The line's pieces in their own styles (rich text); default when the whole line is in the item's style.</summary>
    public ImmutableArray<TextSegment> Segments { get; init; }
}

public sealed record RectangleItem(Bounds Bounds, PageRegion Region, BoxStyle Box) : PageItem(Bounds, Region);

/// <summary>A straight line from (X, Y) to (X + Width, Y + Height).</summary>
public sealed record LineItem(Bounds Bounds, PageRegion Region, BorderSide Stroke) : PageItem(Bounds, Region);

/// <summary>
/// Position in a data region's grid: <see cref="Row"/> counts the region's rows in output order across pages,
/// <see cref="Column"/> its body columns.
/// </summary>
public sealed record LogicalCell(string RegionName, int Row, int Column, int RowSpan = 1, int ColumnSpan = 1)
{
    /// <summary>True for header rows repeated on a later page; XLSX writes each logical row once.</summary>
    public bool IsRepeat { get; init; }

    /// <summary>A column-header row the tablix keeps in view (FixedColumnHeaders / RepeatColumnHeaders): XLSX freezes it.</summary>
    public bool IsFixedHeader { get; init; }

    /// <summary>Group nesting of the row for Excel's outline (0 = not grouped); Excel keeps at most 7 levels.</summary>
    public int OutlineLevel { get; init; }

    /// <summary>A row a drilldown toggle hides, kept for Excel only: XLSX writes it hidden in a collapsed outline group.</summary>
    public bool IsHidden { get; init; }
}

public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    public static Rgba Black => new(0, 0, 0);

    public static Rgba Transparent => new(0, 0, 0, 0);

    public bool IsTransparent => A == 0;

    public string ToHex() => $"{R:X2}{G:X2}{B:X2}";
}

public enum TextAlignment
{
    General,
    Left,
    Center,
    Right,
}

public enum VerticalAlignment
{
    Top,
    Middle,
    Bottom,
}

public sealed record TextStyle(
    string FontFamily,
    double FontSize,
    bool Bold,
    bool Italic,
    bool Underline,
    Rgba Color,
    TextAlignment Align,
    VerticalAlignment VerticalAlign)
{
    public static TextStyle Default { get; } = new("Arial", 10, false, false, false, Rgba.Black, TextAlignment.General, VerticalAlignment.Top);

    /// <summary>
    /// The CSS weight (100-900) from FontWeight when it is neither normal (400) nor bold (700): Light 300, SemiBold 600 and
    /// so on; 0 otherwise. <see cref="Bold"/> is true from 600 on, for writers that know only bold; faces are chosen by
    /// <see cref="EffectiveWeight"/>.
    /// </summary>
    public int Weight { get; init; }

    /// <summary>
    /// The weight faces are chosen by: <see cref="Weight"/> when set and on the same side of 600 as <see cref="Bold"/>
    /// (a copy made bold with <c>with { Bold = true }</c> is bold), else 700 or 400 from <see cref="Bold"/>.
    /// </summary>
    public int EffectiveWeight => Weight > 0 && Weight >= 600 == Bold ? Weight : Bold ? 700 : 400;

    /// <summary>Struck through (HTML S, CSS text-decoration: line-through).</summary>
    public bool LineThrough { get; init; }

    /// <summary>RDL <c>Direction</c> = RTL: the paragraph's base direction is right-to-left (bidi ordering, General aligns text right).</summary>
    public bool RightToLeft { get; init; }
}

public enum BorderStyle
{
    None,
    Solid,
    Dashed,
    Dotted,
    Double,
}

public readonly record struct BorderSide(BorderStyle Style, Rgba Color, double Width)
{
    public static BorderSide None => new(BorderStyle.None, Rgba.Black, 0);

    public bool IsVisible => Style != BorderStyle.None && Width > 0 && !Color.IsTransparent;
}

public readonly record struct Padding(double Left, double Top, double Right, double Bottom)
{
    public static Padding None => new(0, 0, 0, 0);
}

public sealed record BoxStyle(Rgba Background, BorderSide Left, BorderSide Top, BorderSide Right, BorderSide Bottom, Padding Padding)
{
    public static BoxStyle None { get; } = new(Rgba.Transparent, BorderSide.None, BorderSide.None, BorderSide.None, BorderSide.None, Padding.None);
}

/// <summary>How an image fills its bounds: Fit stretches, FitProportional keeps the aspect ratio (centered), Clip and AutoSize draw the natural size (96 dpi).</summary>
public enum ImageSizing
{
    AutoSize,
    Fit,
    FitProportional,
    Clip,
}

/// <summary>An image: <see cref="Data"/> holds the encoded bytes (PNG, JPEG, GIF, BMP, WebP) as the report supplied them.</summary>
public sealed record ImageItem(Bounds Bounds, PageRegion Region, byte[] Data, ImageSizing Sizing) : PageItem(Bounds, Region)
{
    /// <summary>Largest image processing passes on and writers draw, in pixels (about 160 MB decoded).</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>The report item's name (for warnings about where it was placed).</summary>
    public string? Name { get; init; }
}
