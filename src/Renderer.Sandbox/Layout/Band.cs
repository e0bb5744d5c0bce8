using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// A horizontal slice of the body that pagination keeps whole: a textbox, a rectangle, or one tablix row.
/// <see cref="Y"/> is its top in continuous body coordinates (after growth pushed it down); <see cref="Emit"/>
/// writes its page items with its top-left corner at the given page position.
/// </summary>
internal sealed class Band(double y, double height, Action<double, double, bool, List<PageItem>> emit)
{
    public double Y { get; } = y;

    public double Height { get; } = height;

    /// <summary>Set for tablix rows: the tablix they belong to, so pagination can repeat its header rows.</summary>
    public TablixBands? Owner { get; init; }

    /// <summary>KeepWithGroup=After: move to the next page with the following row rather than end a page.</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>An explicit page break before this band (PageBreak Start/Between of its item or group instance).</summary>
    public PageBreakMark? BreakBefore { get; set; }

    /// <summary>An explicit page break after this band (PageBreak End of its item or group instance).</summary>
    public PageBreakMark? BreakAfter { get; set; }

    /// <summary>PageName of the innermost named item or group instance this band belongs to.</summary>
    public string? PageName { get; init; }

    /// <summary>
    /// Heights of KeepTogether blocks (an item, a group instance) that start with this band: the paginator moves the band
    /// to a new page when the largest block that fits on an empty page does not fit below what is already there.
    /// </summary>
    public List<double> KeepTogetherHeights { get; } = [];

    /// <summary>
    /// Set on the band at the top of a drawn rectangle taller than a page: the paginator draws its box as fragments, one
    /// per page it spans, instead of emitting this band; <see cref="Height"/> is then the room its first item needs.
    /// </summary>
    public BoxSpan? Span { get; init; }

    /// <summary>(x, y, isRepeat, sink)</summary>
    public void Emit(double x, double top, bool isRepeat, List<PageItem> sink) => emit(x, top, isRepeat, sink);
}

/// <summary>The header rows a tablix repeats at the top of each page it continues on (RepeatOnNewPage).</summary>
internal sealed class TablixBands
{
    public List<Band> RepeatedHeaders { get; } = [];

    public double RepeatedHeight => RepeatedHeaders.Sum(b => b.Height);
}
