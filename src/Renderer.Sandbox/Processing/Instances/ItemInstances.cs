using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using BorderSide = Renderer.Sandbox.Pages.BorderSide;
using BoxStyle = Renderer.Sandbox.Pages.BoxStyle;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing.Instances;

/// <summary>An evaluated report item, still in design coordinates (points, relative to its container).</summary>
internal abstract record ItemInstance(ReportItem Definition)
{
    public double Top => Definition.Bounds.Top.Points;

    public double Left => Definition.Bounds.Left.Points;

    public double Width => Definition.Bounds.Width.Points;

    public double Height => Definition.Bounds.Height.Points;

    /// <summary>
    /// Evaluated page break, PageName and KeepTogether of a rectangle or data region; null for other items. Kept only by
    /// the item kinds that can paginate (a textbox, of which a large table holds one per cell, has no room for it).
    /// </summary>
    public virtual ItemPaging? Paging
    {
        get => null;
        init
        {
            if (value is not null) throw new NotSupportedException($"A {GetType().Name} has no pagination properties.");
        }
    }
}

/// <summary>An explicit page break that applies (Disabled evaluated to false); <see cref="ResetPageNumber"/> restarts Globals!PageNumber.</summary>
internal sealed record PageBreakMark(bool ResetPageNumber)
{
    public static PageBreakMark? Combine(PageBreakMark? a, PageBreakMark? b) =>
        a is null ? b : b is null ? a : new PageBreakMark(a.ResetPageNumber || b.ResetPageNumber);
}

/// <summary>How an item paginates: a break before and/or after it, the name of its pages, and whether it keeps together.</summary>
internal sealed record ItemPaging(PageBreakMark? BreakBefore, PageBreakMark? BreakAfter, string? PageName, bool KeepTogether)
{
    /// <summary>
    /// BreakLocation Between: a break before this instance unless it is the first of its item's instances. Only an item
    /// that repeats (inside a tablix cell, see <see cref="Renderer.Sandbox.Processing.Tablix.CellPaging"/>) has several instances; a body item has one.
    /// </summary>
    public PageBreakMark? BreakBetween { get; init; }
}

/// <summary>
/// An evaluated textbox: its <see cref="Value"/> and display <see cref="Text"/>. A large table holds one per cell, so it
/// keeps only what differs per cell (its definition is <see cref="ItemInstance.Definition"/>, no pagination), and the
/// text of a number or date formatted with its style's Format is formatted again when read rather than kept.
/// </summary>
internal sealed record TextboxInstance : ItemInstance
{
    private readonly object? _value;
    private readonly string? _text; // null: ValueFormatter.Format(_value, Style.Format, Style.Culture)
    private readonly object _styleAndLinks; // the ResolvedStyle, or a Linked pair when the textbox has links (few do)

    public TextboxInstance(Textbox textbox, object? value, string text, ResolvedStyle style)
        : base(textbox)
    {
        _value = value;
        _text = text;
        _styleAndLinks = style;
    }

    private TextboxInstance(Textbox textbox, object? value, ResolvedStyle style)
        : base(textbox)
    {
        _value = value;
        _styleAndLinks = style;
    }

    /// <summary>
    /// A textbox showing <paramref name="value"/> formatted with <paramref name="style"/>'s Format and Culture (as
    /// <see cref="ValueFormatter.Format"/> gives it); the text is not kept when the value is a number or date.
    /// </summary>
    public static TextboxInstance Formatted(Textbox textbox, object? value, ResolvedStyle style, TextLinks? links) =>
        style.Culture is not null && FormatsPurely(value)
            ? new TextboxInstance(textbox, value, style) { Links = links }
            : new TextboxInstance(textbox, value, ValueFormatter.Format(value, style.Format, style.Culture ?? System.Globalization.CultureInfo.CurrentCulture), style) { Links = links };

    public Textbox Textbox => (Textbox)Definition;

    public object? Value
    {
        get => _value;
        init
        {
            _text ??= Text;
            _value = value;
        }
    }

    public string Text
    {
        get => _text ?? ValueFormatter.Format(_value, Style.Format, Style.Culture!);
        init => _text = value;
    }

    public ResolvedStyle Style
    {
        get => _styleAndLinks as ResolvedStyle ?? ((Linked)_styleAndLinks).Style;
        init
        {
            var old = Style;
            if (_text is null && (!ReferenceEquals(value.Format, old.Format) || !ReferenceEquals(value.Culture, old.Culture))) _text = Text;
            _styleAndLinks = Links is not null || Rich is not null || Controls is not null ? new Linked(value, Links, Rich, Controls) : value;
        }
    }

    /// <summary>Hyperlink, bookmark and document-map id; null when the textbox has none.</summary>
    public TextLinks? Links
    {
        get => (_styleAndLinks as Linked)?.Links;
        init
        {
            var style = Style;
            var rich = Rich;
            var controls = Controls;
            _styleAndLinks = value is null && rich is null && controls is null ? style : new Linked(style, value, rich, controls);
        }
    }

    /// <summary>The styled paragraphs of a MarkupType HTML value whose markup styles it; null for plain text (most textboxes).</summary>
    public Pages.RichText? Rich
    {
        get => (_styleAndLinks as Linked)?.Rich;
        init
        {
            var style = Style;
            var links = Links;
            var controls = Controls;
            _styleAndLinks = value is null && links is null && controls is null ? style : new Linked(style, links, value, controls);
        }
    }

    /// <summary>The drilldown toggle and sort button the textbox shows (few do); null for most textboxes.</summary>
    public TextControls? Controls
    {
        get => (_styleAndLinks as Linked)?.Controls;
        init
        {
            var style = Style;
            var links = Links;
            var rich = Rich;
            _styleAndLinks = value is null && links is null && rich is null ? style : new Linked(style, links, rich, value);
        }
    }

    /// <summary>Values whose formatted text depends only on the value, the format string and the culture.</summary>
    private static bool FormatsPurely(object? value) =>
        value is int or long or short or byte or sbyte or uint or ulong or ushort or decimal or double or float or DateTime;

    private sealed record Linked(ResolvedStyle Style, TextLinks? Links, Pages.RichText? Rich, TextControls? Controls);
}

internal sealed record RectangleInstance(RectangleItem Rectangle, ImmutableArray<ItemInstance> Items, BoxStyle Box) : ItemInstance(Rectangle)
{
    public override ItemPaging? Paging { get; init; }
}

internal sealed record LineInstance(LineItem Line, BorderSide Stroke) : ItemInstance(Line)
{
    public override ItemPaging? Paging { get; init; }
}

/// <summary>An image with its encoded bytes (PNG, JPEG, ...); <see cref="Data"/> is null when nothing is drawn.</summary>
internal sealed record ImageInstance(ImageItem Image, byte[]? Data) : ItemInstance(Image)
{
    public override ItemPaging? Paging { get; init; }
}

internal sealed record TablixInstance(TablixDefinition Tablix, ImmutableArray<double> ColumnWidths, List<TablixRowInstance> Rows, BoxStyle Box) : ItemInstance(Tablix)
{
    public override ItemPaging? Paging { get; init; }

    /// <summary>The NoRowsMessage text when the dataset returned no rows.</summary>
    public TextboxInstance? NoRows { get; init; }

    /// <summary>
    /// How many of <see cref="ColumnWidths"/> are row-header columns (left of the body); the rest are body columns,
    /// one per instance of each column-hierarchy leaf.
    /// </summary>
    public int RowHeaderColumns { get; init; }

    /// <summary>
    /// How many leading <see cref="ColumnWidths"/> the PDF repeats at the left of each horizontal page the tablix continues
    /// on (RepeatRowHeaders; leading FixedData columns): see <c>Processing/Tablix/FixedColumns</c>.
    /// </summary>
    public int RepeatedColumns { get; init; }

    /// <summary>How many of the leading <see cref="Rows"/> are column-header rows (with the TablixCorner on their left).</summary>
    public int ColumnHeaderRows { get; init; }

    /// <summary>Row ranges of group instances (and static members) with KeepTogether: kept on one page when they fit.</summary>
    public List<(int First, int Count)> KeepTogetherRanges { get; init; } = [];
}

/// <summary>One output row of a tablix: a body row evaluated in one group instance's scope.</summary>
internal sealed record TablixRowInstance(int BodyRow, double Height, CellInstance?[] Cells)
{
    /// <summary>Static header row marked RepeatOnNewPage (repeated at the top of each page the tablix continues on).</summary>
    public bool RepeatOnNewPage { get; init; }

    /// <summary>KeepWithGroup=After: keep on the same page as the next row.</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>A column-header row (from TablixHeaders of the column hierarchy); <see cref="BodyRow"/> is -1.</summary>
    public bool IsColumnHeader { get; init; }

    /// <summary>How many dynamic row-hierarchy members (groups, details) contain this row; 0 outside any group.</summary>
    public int GroupDepth { get; init; }

    /// <summary>How many row-hierarchy members containing this row have a ToggleItem (drilldown nesting, Excel's outline level).</summary>
    public int OutlineLevel { get; init; }

    /// <summary>
    /// 0 for a shown row; else the row is hidden by a toggle and kept only for an Excel export (see
    /// <c>InteractiveState.KeepsCollapsedRows</c>): the outline level of the innermost member that hides it.
    /// </summary>
    public int HiddenLevel { get; init; }

    /// <summary>An explicit page break before this row (a group instance starts here with PageBreak Start/Between).</summary>
    public PageBreakMark? BreakBefore { get; init; }

    /// <summary>An explicit page break after this row (a group instance ends here with PageBreak End).</summary>
    public PageBreakMark? BreakAfter { get; init; }

    /// <summary>PageName of the innermost group instance containing this row that has one.</summary>
    public string? PageName { get; init; }
}

/// <summary>
/// A cell of an output row at output <paramref name="Column"/> spanning <paramref name="ColumnSpan"/> output columns.
/// A header spanning several output rows appears in its first row; the rows below hold a blank continuation
/// (<see cref="IsContinuation"/>) carrying its background and side borders.
/// </summary>
/// <remarks>
/// A value, held inline in its row's array (a large table has one per output cell; as objects they cost 32 bytes each
/// plus the array's reference).
/// </remarks>
internal readonly record struct CellInstance
{
    // ColumnSpan in the low 31 bits, IsContinuation in the sign bit.
    private readonly int _spanAndContinuation;

    public CellInstance(int column, int columnSpan, ItemInstance content)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnSpan);
        Column = column;
        _spanAndContinuation = columnSpan;
        Content = content;
    }

    public int Column { get; init; }

    public int ColumnSpan
    {
        get => _spanAndContinuation & int.MaxValue;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _spanAndContinuation = (_spanAndContinuation & int.MinValue) | value;
        }
    }

    public ItemInstance Content { get; init; }

    public bool IsContinuation
    {
        get => _spanAndContinuation < 0;
        init => _spanAndContinuation = value ? _spanAndContinuation | int.MinValue : _spanAndContinuation & int.MaxValue;
    }
}

internal sealed record ProcessedReport(string Name, ImmutableArray<ItemInstance> BodyItems, double BodyHeight);
