using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Expressions;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads ReportItems: Textbox, Rectangle and Line here, Tablix through <see cref="TablixReader"/>, and the RDL 2003/2005
/// data regions Table, List and Matrix as Tablix through the Legacy*Reader classes.
/// Image through <see cref="ImageReader"/>, Chart through <see cref="ChartReader"/>, Subreport through <see cref="SubreportReader"/>.
/// Map through <see cref="MapReader"/>. Known item types that are not supported (Gauge, CustomReportItem) are skipped with RDL1101.
/// </summary>
internal sealed class ItemReader
{
    private static readonly FrozenSet<string> UnsupportedItems = new[]
    {
        N.Gauge, N.CustomReportItem,
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly ReadContext _context;
    private readonly StyleReader _styles;
    private readonly TablixReader _tablix;
    private readonly LegacyTableReader _legacyTable;
    private readonly LegacyListReader _legacyList;
    private readonly LegacyMatrixReader _legacyMatrix;
    private readonly ChartReader _charts;
    private readonly ActionReader _actions;
    private readonly SubreportReader _subreports;
    private readonly GaugeReader _gauges;
    private readonly MapReader _maps;

    public ItemReader(ReadContext context, StyleReader styles, DataReader data)
    {
        _context = context;
        _styles = styles;
        _tablix = new TablixReader(context, this, data);
        _legacyTable = new LegacyTableReader(context, this, data);
        _legacyList = new LegacyListReader(context, this, data);
        _legacyMatrix = new LegacyMatrixReader(context, this, data);
        Images = new ImageReader(context, this);
        _charts = new ChartReader(context, this, styles, data);
        _actions = new ActionReader(context);
        _subreports = new SubreportReader(context, this);
        _gauges = new GaugeReader(context, this, styles, data);
        _maps = new MapReader(context, this, styles, data);
    }

    /// <summary>Reads Image items and the report's EmbeddedImages.</summary>
    public ImageReader Images { get; }

    public ImmutableArray<ReportItem> ReadItems(XElement reportItems, string container)
    {
        var list = ImmutableArray.CreateBuilder<ReportItem>();
        foreach (var child in _context.Children(reportItems))
        {
            if (ReadItem(child, container) is { } item) list.Add(item);
        }
        return list.ToImmutable();
    }

    /// <summary>Reads one report item element; null for an unsupported or unknown element (with a warning).</summary>
    public ReportItem? ReadItem(XElement element, string container)
    {
        var kind = element.Name.LocalName;
        switch (kind)
        {
            case N.Textbox: return ReadTextbox(element);
            case N.Rectangle: return ReadRectangle(element);
            case N.Line: return ReadLine(element);
            case N.Image: return Images.Read(element);
            case N.Tablix: return _tablix.Read(element);
            case N.Table: return _legacyTable.Read(element);
            case N.List: return _legacyList.Read(element);
            case N.Matrix: return _legacyMatrix.Read(element);
            case N.Chart: return _charts.Read(element);
            case N.Subreport: return _subreports.Read(element);
            case N.GaugePanel: return _gauges.Read(element);
            case N.Map: return _maps.Read(element);
        }
        if (UnsupportedItems.Contains(kind))
        {
            var name = element.Attribute(N.NameAttribute)?.Value;
            _context.Warning(RdlDiagnosticCodes.UnsupportedItem,
                $"Report item type '{kind}' is not supported yet and will not be rendered ({kind} '{name}' in {container}).",
                element, $"{kind} '{name}'");
        }
        else
        {
            _context.Warning(RdlDiagnosticCodes.UnknownElement, $"Unknown element '{kind}' in {container} was ignored.", element, container);
        }
        return null;
    }

    /// <summary>Reads Top, Left, Width, Height, ZIndex, Visibility and Style; false when <paramref name="child"/> is something else.</summary>
    public bool TryReadCommon(XElement child, ItemCommon common, string owner)
    {
        switch (child.Name.LocalName)
        {
            case N.Top: common.Top = _context.Size(child, owner); return true;
            case N.Left: common.Left = _context.Size(child, owner); return true;
            case N.Width: common.Width = _context.Size(child, owner); return true;
            case N.Height: common.Height = _context.Size(child, owner); return true;
            case N.ZIndex: common.ZIndex = _context.Int(child, owner); return true;
            case N.Style: common.Style = _styles.Read(child, owner); return true;
            case N.Visibility:
                (common.Hidden, common.ToggleItem) = ReadVisibility(child, owner);
                return true;
            case "Bookmark": common.Bookmark = _context.Expression(child, owner + ".Bookmark"); return true;
            case "DocumentMapLabel": common.DocumentMapLabel = _context.Expression(child, owner + ".DocumentMapLabel"); return true;
            case "Action": common.Action = _actions.ReadAction(child, owner); return true;
            case "ActionInfo": common.Action = _actions.ReadActionInfo(child, owner); return true;
            default: return false;
        }
    }

    /// <summary>Reads &lt;Visibility&gt;: Hidden (constant or expression) and ToggleItem.</summary>
    public (ExpressionText? Hidden, string? ToggleItem) ReadVisibility(XElement visibility, string owner)
    {
        ExpressionText? hidden = null;
        string? toggle = null;
        foreach (var child in _context.Children(visibility))
        {
            switch (child.Name.LocalName)
            {
                case N.Hidden: hidden = _context.Expression(child, owner + ".Visibility.Hidden"); break;
                case N.ToggleItem: toggle = ReadContext.Text(child); break;
                default: _context.Unknown(child, owner + ".Visibility"); break;
            }
        }
        return (hidden, toggle);
    }

    /// <summary>Reads &lt;PageBreak&gt;: BreakLocation, ResetPageNumber and Disabled (both may be expressions).</summary>
    public PageBreakDefinition ReadPageBreak(XElement pageBreak, string owner)
    {
        var location = BreakLocation.None;
        var reset = false;
        ExpressionText? resetExpression = null, disabled = null;
        foreach (var child in _context.Children(pageBreak))
        {
            switch (child.Name.LocalName)
            {
                case N.BreakLocation: location = _context.Enum(child, owner + ".PageBreak", BreakLocation.None); break;
                case N.ResetPageNumber when child.Value.TrimStart().StartsWith('='):
                    resetExpression = _context.Expression(child, owner + ".PageBreak.ResetPageNumber");
                    break;
                case N.ResetPageNumber: reset = _context.Bool(child, owner + ".PageBreak"); break;
                case "Disabled": disabled = _context.Expression(child, owner + ".PageBreak.Disabled"); break;
                default: _context.Unknown(child, owner + ".PageBreak"); break;
            }
        }
        return new PageBreakDefinition(location, reset) { Disabled = disabled, ResetPageNumberExpression = resetExpression };
    }

    /// <summary>Reads a PageName expression (Rectangle, Tablix, Group).</summary>
    public ExpressionText ReadPageName(XElement element, string owner) => _context.Expression(element, owner + ".PageName");

    /// <summary>Combines the RDL 2005 PageBreakAtStart / PageBreakAtEnd flags; null when neither is set.</summary>
    public static PageBreakDefinition? LegacyPageBreak(bool atStart, bool atEnd) => (atStart, atEnd) switch
    {
        (true, true) => new PageBreakDefinition(BreakLocation.StartAndEnd),
        (true, false) => new PageBreakDefinition(BreakLocation.Start),
        (false, true) => new PageBreakDefinition(BreakLocation.End),
        _ => null,
    };

    private Textbox ReadTextbox(XElement element)
    {
        var name = _context.RequiredName(element, "Textbox", "Textbox");
        var owner = $"Textbox '{name}'";
        var common = new ItemCommon();
        var paragraphs = ImmutableArray<Paragraph>.Empty;
        bool canGrow = false, canShrink = false;
        ExpressionText? initialToggle = null;
        UserSortDefinition? userSort = null;
        foreach (var child in _context.Children(element))
        {
            if (TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case N.Paragraphs: paragraphs = ReadParagraphs(child, owner); break;
                case "ToggleImage": initialToggle = ReadToggleImage(child, owner); break;
                case "UserSort": userSort = ReadUserSort(child, owner); break;
                case N.Value:
                    // RDL 2003/2005: the value sits directly in the textbox; it becomes one paragraph with one run.
                    var run = new TextRun(_context.Expression(child, owner + ".Value"), StyleDefinition.Empty, _context.LocationOf(child));
                    paragraphs = [new Paragraph([run], StyleDefinition.Empty)];
                    break;
                case N.CanGrow: canGrow = _context.Bool(child, owner); break;
                case N.CanShrink: canShrink = _context.Bool(child, owner); break;
                default: _context.Unknown(child, owner); break;
            }
        }
        return new Textbox(name, common.Bounds, common.Style, _context.LocationOf(element), paragraphs)
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
            Bookmark = common.Bookmark,
            DocumentMapLabel = common.DocumentMapLabel,
            Action = common.Action,
            CanGrow = canGrow,
            CanShrink = canShrink,
            ToggleInitialState = initialToggle,
            UserSort = userSort,
        };
    }

    /// <summary>Reads &lt;ToggleImage&gt;: its InitialState (constant or expression).</summary>
    private ExpressionText? ReadToggleImage(XElement element, string owner)
    {
        ExpressionText? initial = null;
        foreach (var child in _context.Children(element))
        {
            if (child.Name.LocalName == "InitialState") initial = _context.Expression(child, owner + ".ToggleImage.InitialState");
            else _context.Unknown(child, owner + ".ToggleImage");
        }
        return initial;
    }

    /// <summary>Reads &lt;UserSort&gt;: SortExpression, SortExpressionScope and SortTarget; null without a SortExpression.</summary>
    private UserSortDefinition? ReadUserSort(XElement element, string owner)
    {
        ExpressionText? expression = null;
        string? scope = null, target = null;
        foreach (var child in _context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "SortExpression": expression = _context.Expression(child, owner + ".UserSort.SortExpression"); break;
                case "SortExpressionScope": scope = NullIfEmpty(ReadContext.Text(child)); break;
                case "SortTarget": target = NullIfEmpty(ReadContext.Text(child)); break;
                default: _context.Unknown(child, owner + ".UserSort"); break;
            }
        }
        return expression is null ? null : new UserSortDefinition(expression, scope, target);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private ImmutableArray<Paragraph> ReadParagraphs(XElement element, string owner)
    {
        var list = ImmutableArray.CreateBuilder<Paragraph>();
        foreach (var child in _context.Children(element))
        {
            if (child.Name.LocalName != N.Paragraph)
            {
                _context.Unknown(child, owner + ".Paragraphs");
                continue;
            }
            var where = $"{owner}.Paragraphs[{list.Count}]";
            var runs = ImmutableArray<TextRun>.Empty;
            var style = StyleDefinition.Empty;
            foreach (var property in _context.Children(child))
            {
                switch (property.Name.LocalName)
                {
                    case N.TextRuns: runs = ReadTextRuns(property, owner, list.Count); break;
                    case N.Style: style = _styles.Read(property, where); break;
                    default: _context.Unknown(property, where); break;
                }
            }
            list.Add(new Paragraph(runs, style));
        }
        return list.ToImmutable();
    }

    private ImmutableArray<TextRun> ReadTextRuns(XElement element, string owner, int paragraph)
    {
        var list = ImmutableArray.CreateBuilder<TextRun>();
        foreach (var child in _context.Children(element))
        {
            var where = $"{owner}.Paragraphs[{paragraph}].TextRuns[{list.Count}]";
            if (child.Name.LocalName != N.TextRun)
            {
                _context.Unknown(child, $"{owner}.Paragraphs[{paragraph}].TextRuns");
                continue;
            }
            var valueSite = paragraph == 0 && list.Count == 0 ? owner + ".Value" : where + ".Value";
            ExpressionText? value = null;
            ActionDefinition? action = null;
            var style = StyleDefinition.Empty;
            bool html = false;
            foreach (var property in _context.Children(child))
            {
                switch (property.Name.LocalName)
                {
                    case N.Value: value = _context.Expression(property, valueSite); break;
                    case N.Style: style = _styles.Read(property, where); break;
                    case "ActionInfo": action = _actions.ReadActionInfo(property, where); break;
                    case "MarkupType": html = string.Equals(property.Value.Trim(), "HTML", StringComparison.OrdinalIgnoreCase); break;
                    default: _context.Unknown(property, where); break;
                }
            }
            var location = _context.LocationOf(child);
            list.Add(new TextRun(value ?? new ExpressionText(string.Empty, location, valueSite), style, location) { Action = action, IsHtml = html });
        }
        return list.ToImmutable();
    }

    private RectangleItem ReadRectangle(XElement element)
    {
        var name = _context.RequiredName(element, "Rectangle", "Rectangle");
        var owner = $"Rectangle '{name}'";
        var common = new ItemCommon();
        var items = ImmutableArray<ReportItem>.Empty;
        PageBreakDefinition? pageBreak = null;
        ExpressionText? pageName = null;
        bool breakAtStart = false, breakAtEnd = false, keepTogether = false;
        foreach (var child in _context.Children(element))
        {
            if (TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case N.ReportItems: items = ReadItems(child, owner); break;
                case N.PageBreak: pageBreak = ReadPageBreak(child, owner); break;
                case "PageName": pageName = ReadPageName(child, owner); break;
                case N.KeepTogether: keepTogether = _context.Bool(child, owner); break;
                case N.PageBreakAtStart: breakAtStart = _context.Bool(child, owner); break;
                case N.PageBreakAtEnd: breakAtEnd = _context.Bool(child, owner); break;
                default: _context.Unknown(child, owner); break;
            }
        }
        return new RectangleItem(name, common.Bounds, common.Style, _context.LocationOf(element), items)
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
            PageBreak = pageBreak ?? LegacyPageBreak(breakAtStart, breakAtEnd),
            PageName = pageName,
            KeepTogether = keepTogether,
        };
    }

    private LineItem ReadLine(XElement element)
    {
        var name = _context.RequiredName(element, "Line", "Line");
        var owner = $"Line '{name}'";
        var common = new ItemCommon();
        foreach (var child in _context.Children(element))
        {
            if (!TryReadCommon(child, common, owner)) _context.Unknown(child, owner);
        }
        return new LineItem(name, common.Bounds, common.Style, _context.LocationOf(element))
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
        };
    }
}
