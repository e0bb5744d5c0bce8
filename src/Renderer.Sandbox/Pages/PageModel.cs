using System.Collections.Immutable;

namespace Renderer.Sandbox.Pages;

/// <summary>
/// The output of pagination and the only thing writers see: pages of positioned items, in points,
/// with the origin at the top-left corner of the page.
/// </summary>
public sealed record PaginatedDocument(string Title, ImmutableArray<Page> Pages)
{
    /// <summary>The report's document map (DocumentMapLabel of groups and items) in document order; empty when none.</summary>
    public ImmutableArray<DocumentMapEntry> DocumentMap { get; init; } = [];

    /// <summary>
    /// Where group summaries sit relative to the rows they toggle: false (SSRS's usual layout, toggles in group headers)
    /// puts the outline buttons above the detail rows in Excel.
    /// </summary>
    public bool OutlineSummaryBelow { get; init; }

    /// <summary>The report's Language (culture name, e.g. "en-US"), for writers that localize formats (XLSX currency).</summary>
    public string? Language { get; init; }
}

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
}

/// <summary>One laid-out line: X from the item's left edge, Baseline from the item's top edge.</summary>
public sealed record TextLine(double X, double Baseline, double Width, string Text);

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
}
