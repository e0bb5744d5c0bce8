using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// A horizontal slice of the body that pagination keeps whole: a textbox, a rectangle, or one tablix row.
/// <see cref="Y"/> is its top in continuous body coordinates (after growth pushed it down); <see cref="Emit"/>
/// writes its page items with its top-left corner at the given page position.
/// </summary>
internal class Band
{
    // What few bands have (breaks, KeepTogether blocks, a box span, an emit delegate) is kept apart: a large table has a
    // band per row, almost none of them with any of it.
    private Rare? _rare;

    public Band(double y, double height, Action<double, double, bool, List<PageItem>> emit)
        : this(y, height)
    {
        RareFields.Emit = emit;
    }

    /// <summary>For bands that emit through an override of <see cref="Emit"/> (one tablix row: no closure per row).</summary>
    protected Band(double y, double height)
    {
        Y = y;
        Height = height;
    }

    public double Y { get; }

    public double Height { get; }

    /// <summary>Set for tablix rows: the tablix they belong to, so pagination can repeat its header rows.</summary>
    public TablixBands? Owner { get; init; }

    /// <summary>KeepWithGroup=After: move to the next page with the following row rather than end a page.</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>An explicit page break before this band (PageBreak Start/Between of its item or group instance).</summary>
    public PageBreakMark? BreakBefore
    {
        get => _rare?.BreakBefore;
        set
        {
            if (value is not null || _rare is not null) RareFields.BreakBefore = value;
        }
    }

    /// <summary>An explicit page break after this band (PageBreak End of its item or group instance).</summary>
    public PageBreakMark? BreakAfter
    {
        get => _rare?.BreakAfter;
        set
        {
            if (value is not null || _rare is not null) RareFields.BreakAfter = value;
        }
    }

    /// <summary>PageName of the innermost named item or group instance this band belongs to.</summary>
    public string? PageName { get; init; }

    /// <summary>
    /// Heights of KeepTogether blocks (an item, a group instance) that start with this band: the paginator moves the band
    /// to a new page when the largest block that fits on an empty page does not fit below what is already there.
    /// </summary>
    public IReadOnlyList<double> KeepTogetherHeights => (IReadOnlyList<double>?)_rare?.KeepTogetherHeights ?? [];

    /// <summary>Adds a KeepTogether block starting at this band (see <see cref="KeepTogetherHeights"/>); most bands have none.</summary>
    public void AddKeepTogether(double height) => (RareFields.KeepTogetherHeights ??= []).Add(height);

    /// <summary>
    /// Set on the band at the top of a drawn rectangle taller than a page: the paginator draws its box as fragments, one
    /// per page it spans, instead of emitting this band; <see cref="Height"/> is then the room its first item needs.
    /// </summary>
    public BoxSpan? Span
    {
        get => _rare?.Span;
        init
        {
            if (value is not null || _rare is not null) RareFields.Span = value;
        }
    }

    private Rare RareFields => _rare ??= new Rare();

    /// <summary>(x, y, isRepeat, sink)</summary>
    public virtual void Emit(double x, double top, bool isRepeat, List<PageItem> sink) => _rare!.Emit!(x, top, isRepeat, sink);

    private sealed class Rare
    {
        public Action<double, double, bool, List<PageItem>>? Emit;
        public List<double>? KeepTogetherHeights;
        public PageBreakMark? BreakBefore;
        public PageBreakMark? BreakAfter;
        public BoxSpan? Span;
    }
}

/// <summary>
/// One tablix row: emitted from its row instance, the tablix and placement kept once on its <see cref="TablixBands"/>
/// (a large table has one band per row; a closure per row would cost about 110 bytes more each).
/// </summary>
internal sealed class TablixRowBand : Band
{
    private readonly TablixRowInstance _row;
    private readonly int _logicalRow;

    public TablixRowBand(double y, double height, TablixBands owner, TablixRowInstance row, int logicalRow)
        : base(y, height)
    {
        Owner = owner;
        _row = row;
        _logicalRow = logicalRow;
    }

    public override void Emit(double x, double top, bool isRepeat, List<PageItem> sink) =>
        Owner!.Placer.EmitRow(Owner.Tablix, _row, x + Owner.Left + Owner.Tablix.Left, top, Height, PageRegion.Body, sink, _logicalRow, isRepeat);
}

/// <summary>
/// A tablix laid out as bands: what its row bands emit with (the tablix, the placer, its left edge in the body), and the
/// header rows it repeats at the top of each page it continues on (RepeatOnNewPage).
/// </summary>
internal sealed class TablixBands(ItemPlacer placer, TablixInstance tablix, double left)
{
    public ItemPlacer Placer { get; } = placer;

    /// <summary>
    /// The tablix without its rows (columns, definition): each row band holds its own row, so the rows of pages a writer
    /// is done with can be collected while it writes the rest.
    /// </summary>
    public TablixInstance Tablix { get; } = tablix;

    /// <summary>Left edge of the tablix's container in page-body coordinates (the tablix's own Left is added when emitting).</summary>
    public double Left { get; } = left;

    public List<Band> RepeatedHeaders { get; } = [];

    public double RepeatedHeight => RepeatedHeaders.Sum(b => b.Height);
}
