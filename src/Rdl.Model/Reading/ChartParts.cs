using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads the parts of an RDL 2008+ chart besides its hierarchies and series (ChartAreas with their axes, ChartLegends,
/// ChartTitles, data labels, palettes) and holds helpers both chart readers share.
/// </summary>
internal sealed class ChartParts(ReadContext context, ItemReader items, StyleReader styles, DataReader data)
{
    public ItemReader Items => items;

    public StyleReader Styles => styles;

    public DataReader Data => data;

    public LegacyGroupingReader Groups { get; } = new(context, data);

    public ChartMarkerReader Markers { get; } = new(context, styles);

    /// <summary>Skips an element the chart model ignores; warns (RDL1100) about one it does not know.</summary>
    public void Skip(XElement element, string owner)
    {
        if (ChartIgnoredElements.Contains(element.Name.LocalName)) return;
        context.Unknown(element, owner);
    }

    /// <summary>A hierarchy member; its label (when given) is the single textbox of its header cell.</summary>
    public static TablixMember Member(GroupDefinition? group, ImmutableArray<SortExpression> sorts, ImmutableArray<TablixMember> children, ExpressionText? label, string labelName, SourceLocation location)
    {
        TablixHeader? header = null;
        if (label is not null)
        {
            var run = new TextRun(label, StyleDefinition.Empty, location);
            var textbox = new Textbox(labelName, default, StyleDefinition.Empty, location, [new Paragraph([run], StyleDefinition.Empty)]);
            header = new TablixHeader(ReportSize.Zero, new TablixCell(textbox));
        }
        return new TablixMember(group, sorts, children, location) { Header = header };
    }

    public ImmutableArray<SortExpression> ReadSortExpressions(XElement element, string owner)
    {
        var list = ImmutableArray.CreateBuilder<SortExpression>();
        foreach (var child in context.Children(element))
        {
            if (child.Name.LocalName != "SortExpression") continue;
            ExpressionText? value = null;
            var descending = false;
            foreach (var property in context.Children(child))
            {
                if (property.Name.LocalName == "Value") value = context.Expression(property, $"{owner}.SortExpressions[{list.Count}]");
                else if (property.Name.LocalName == "Direction") descending = property.Value.Trim().Equals("Descending", StringComparison.OrdinalIgnoreCase);
            }
            if (value is not null) list.Add(new SortExpression(value, descending));
        }
        return list.ToImmutable();
    }

    /// <summary>
    /// Maps RDL Type/Subtype to the drawn series type. Types and subtypes not drawn yet warn (RDL1102) and say what they
    /// are drawn as: other types as columns, Funnel and Pyramid as a pie, 3D-like or unknown subtypes as Plain.
    /// </summary>
    public (ChartSeriesType, ChartSubtype) SeriesType(string? type, string? subtype, XElement at, string where)
    {
        var name = (subtype ?? "Plain").ToLowerInvariant();
        var t = (type ?? "Column").ToLowerInvariant();
        var sub = name switch
        {
            "stacked" => ChartSubtype.Stacked,
            "percentstacked" => ChartSubtype.PercentStacked,
            "smooth" or "smoothline" => ChartSubtype.Smooth,
            "stepped" or "steppedline" => ChartSubtype.Stepped,
            _ => ChartSubtype.Plain,
        };
        var doughnut = name.Contains("doughnut", StringComparison.Ordinal);
        switch (t)
        {
            case "column": case "auto": case "bar": case "line": case "area":
                if (name is not ("plain" or "stacked" or "percentstacked" or "smooth" or "smoothline" or "stepped" or "steppedline"))
                    Unsupported($"Subtype '{subtype}' of chart type '{type}' of {where} is not supported yet; it is drawn as Plain.", at, where);
                return (t switch { "bar" => ChartSeriesType.Bar, "line" => ChartSeriesType.Line, "area" => ChartSeriesType.Area, _ => ChartSeriesType.Column }, sub);
            case "pie": return (doughnut ? ChartSeriesType.Doughnut : ChartSeriesType.Pie, ChartSubtype.Plain);
            case "doughnut": return (ChartSeriesType.Doughnut, ChartSubtype.Plain);
            case "shape":
                switch (name)
                {
                    case "pie": case "explodedpie": case "plain": return (ChartSeriesType.Pie, ChartSubtype.Plain);
                    case "doughnut": case "explodeddoughnut": return (ChartSeriesType.Doughnut, ChartSubtype.Plain);
                    case "treemap": return (ChartSeriesType.TreeMap, ChartSubtype.Plain);
                    case "sunburst": return (ChartSeriesType.Sunburst, ChartSubtype.Plain);
                    default:
                        Unsupported($"Chart subtype '{subtype}' (type Shape) of {where} is not supported yet; it is drawn as a pie chart.", at, where);
                        return (ChartSeriesType.Pie, ChartSubtype.Plain);
                }
            case "treemap": return (ChartSeriesType.TreeMap, ChartSubtype.Plain);
            case "sunburst": return (ChartSeriesType.Sunburst, ChartSubtype.Plain);
            case "scatter":
                if (name is "bubble")
                    Unsupported($"Bubble sizes of {where} are not drawn yet; it is drawn as a scatter chart.", at, where);
                return (ChartSeriesType.Scatter, ChartSubtype.Plain);
            case "bubble":
                Unsupported($"Bubble sizes of {where} are not drawn yet; it is drawn as a scatter chart.", at, where);
                return (ChartSeriesType.Scatter, ChartSubtype.Plain);
            default:
                Unsupported($"Chart type '{type}' of {where} is not supported yet; it is drawn as a column chart.", at, where);
                return (ChartSeriesType.Column, sub);
        }
    }

    private void Unsupported(string message, XElement at, string where) =>
        context.Warning(RdlDiagnosticCodes.UnsupportedFeature, message, at, where);

    public ChartDataLabelDefinition ReadDataLabel(XElement element, string owner)
    {
        var where = owner + ".ChartDataLabel";
        var visible = false;
        ExpressionText? label = null;
        var style = StyleDefinition.Empty;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "Visible": visible = IsTrue(child); break;
                case "Label": case "Value": label = context.Expression(child, where + ".Label"); break;
                case "Style": style = styles.Read(child, where); break;
                default: Skip(child, where); break;
            }
        }
        return new ChartDataLabelDefinition(visible, label, style);
    }

    public void ReadAreas(XElement element, string owner, ChartBuilder builder)
    {
        foreach (var area in context.Children(element))
        {
            if (area.Name.LocalName != "ChartArea")
            {
                Skip(area, owner + ".ChartAreas");
                continue;
            }
            var where = owner + ".ChartArea";
            foreach (var child in context.Children(area))
            {
                switch (child.Name.LocalName)
                {
                    case "ChartCategoryAxes": builder.CategoryAxis ??= FirstAxis(child, where + ".ChartCategoryAxes"); break;
                    case "ChartValueAxes": builder.ValueAxis ??= FirstAxis(child, where + ".ChartValueAxes"); break;
                    case "Style": builder.PlotStyle = styles.Read(child, where); break;
                    default: Skip(child, where); break;
                }
            }
        }
    }

    private ChartAxisDefinition? FirstAxis(XElement element, string owner)
    {
        ChartAxisDefinition? first = null;
        foreach (var axis in context.Children(element))
        {
            if (axis.Name.LocalName != "ChartAxis") Skip(axis, owner);
            else first ??= ReadAxis(axis, $"{owner}.ChartAxis '{axis.Attribute(RdlElementNames.NameAttribute)?.Value}'");
        }
        return first;
    }

    private ChartAxisDefinition ReadAxis(XElement element, string where)
    {
        var axis = ChartAxisDefinition.Default;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "Visible": axis = axis with { Visible = !child.Value.Trim().Equals("False", StringComparison.OrdinalIgnoreCase) }; break;
                case "Style": axis = axis with { Style = styles.Read(child, where) }; break;
                case "ChartAxisTitle":
                    foreach (var part in context.Children(child))
                    {
                        if (part.Name.LocalName == "Caption") axis = axis with { Title = NonEmpty(context.Expression(part, where + ".Title")) };
                        else if (part.Name.LocalName == "Style") axis = axis with { TitleStyle = styles.Read(part, where + ".Title") };
                    }
                    break;
                case "ChartMajorGridLines":
                    var enabled = context.Children(child).FirstOrDefault(e => e.Name.LocalName == "Enabled");
                    axis = axis with { MajorGridLines = enabled is null || !enabled.Value.Trim().Equals("False", StringComparison.OrdinalIgnoreCase) };
                    break;
                case "Margin": axis = axis with { Margin = ReadContext.Text(child)?.ToLowerInvariant() switch { "false" => false, "true" => true, _ => null } }; break;
                case "Minimum": axis = axis with { Minimum = Number(child), MinimumExpression = ScaleExpression(child, where + ".Minimum") }; break;
                case "Maximum": axis = axis with { Maximum = Number(child), MaximumExpression = ScaleExpression(child, where + ".Maximum") }; break;
                default: Skip(child, where); break;
            }
        }
        return axis;
    }

    public void ReadLegends(XElement element, string owner, ChartBuilder builder)
    {
        foreach (var legend in context.Children(element))
        {
            if (legend.Name.LocalName != "ChartLegend")
            {
                Skip(legend, owner + ".ChartLegends");
                continue;
            }
            var where = owner + ".ChartLegend";
            bool hidden = false;
            string position = "RightCenter";
            var style = StyleDefinition.Empty;
            foreach (var child in context.Children(legend))
            {
                switch (child.Name.LocalName)
                {
                    case "Hidden": hidden = IsTrue(child); break;
                    case "Position": position = ReadContext.Text(child) ?? position; break;
                    case "Style": style = styles.Read(child, where); break;
                    default: Skip(child, where); break;
                }
            }
            builder.Legend ??= new ChartLegendDefinition(hidden, position, style);
        }
    }

    public void ReadTitles(XElement element, string owner, ChartBuilder builder)
    {
        foreach (var title in context.Children(element))
        {
            if (title.Name.LocalName != "ChartTitle")
            {
                Skip(title, owner + ".ChartTitles");
                continue;
            }
            if (ReadTitle(title, $"{owner}.ChartTitles[{builder.Titles.Count}]") is { } read) builder.Titles.Add(read);
        }
    }

    /// <summary>Reads a ChartTitle (or legacy Title): Caption, Style, Position, Hidden; null without a caption.</summary>
    public ChartTitleDefinition? ReadTitle(XElement element, string where)
    {
        ExpressionText? caption = null;
        var style = StyleDefinition.Empty;
        string position = "TopCenter";
        bool hidden = false;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "Caption": caption = NonEmpty(context.Expression(child, where + ".Caption")); break;
                case "Style": style = styles.Read(child, where); break;
                case "Position": position = ReadContext.Text(child) ?? position; break;
                case "Hidden": hidden = IsTrue(child); break;
                default: Skip(child, where); break;
            }
        }
        return caption is null ? null : new ChartTitleDefinition(caption, style) { Position = position, Hidden = hidden };
    }

    public ExpressionText? ReadCaption(XElement element, string where)
    {
        var caption = context.Children(element).FirstOrDefault(e => e.Name.LocalName == "Caption");
        return caption is null ? null : NonEmpty(context.Expression(caption, where + ".Caption"));
    }

    public ImmutableArray<ExpressionText> ReadCustomPalette(XElement element, string owner)
    {
        var list = ImmutableArray.CreateBuilder<ExpressionText>();
        foreach (var child in context.Children(element))
            if (child.Name.LocalName is "ChartCustomPaletteColor" or "CustomPaletteColor" or "Color")
                list.Add(context.Expression(child, $"{owner}.CustomPalette[{list.Count}]"));
        return list.ToImmutable();
    }

    /// <summary>A Minimum/Maximum written as an expression; null for a constant.</summary>
    private ExpressionText? ScaleExpression(XElement element, string where) =>
        element.Value.TrimStart().StartsWith('=') ? context.Expression(element, where) : null;

    public static bool IsTrue(XElement element) => element.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A constant number; null for NaN, empty or an expression.</summary>
    public static double? Number(XElement element) =>
        double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static ExpressionText? NonEmpty(ExpressionText text) => string.IsNullOrWhiteSpace(text.Raw) ? null : text;
}
