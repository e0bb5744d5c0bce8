using System.Globalization;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Processing.Styling;

/// <summary>
/// Evaluates RDL Style elements into page-model styles. Text properties are looked up on the text run, then the
/// paragraph, then the textbox (RDL 2005 keeps them all on the textbox). Styles made only of constants are resolved
/// once and cached, so a 100k-row table does not re-parse them per cell.
/// </summary>
internal sealed class StyleResolver(ProcessingContext context, CultureInfo? culture = null)
{
    // Keyed by the textbox's style object, then matched by reference on the paragraph and run styles: the parsed
    // definitions are shared by every cell of a column, and record equality (or a tuple key) would cost more per cell
    // than the lookup saves.
    private readonly Dictionary<StyleDefinition, List<(StyleDefinition? Paragraph, StyleDefinition? Run, ResolvedStyle Style)>> _textCache =
        new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StyleDefinition, BoxStyle> _boxCache = new(ReferenceEqualityComparer.Instance);

    public ResolvedStyle ResolveText(StyleDefinition item, StyleDefinition? paragraph, StyleDefinition? run, bool canGrow)
    {
        if (_textCache.TryGetValue(item, out var cachedList))
        {
            foreach (var (p, r, cached) in cachedList)
            {
                if (ReferenceEquals(p, paragraph) && ReferenceEquals(r, run) && cached.CanGrow == canGrow) return cached;
            }
        }
        StyleDefinition?[] chain = [run, paragraph, item];
        string? Get(string name)
        {
            foreach (var style in chain)
                if (style?[name] is { } e) return Evaluate(e);
            return null;
        }
        var weight = Get("FontWeight");
        var text = new TextStyle(
            Get("FontFamily") ?? "Arial",
            Size(Get("FontSize"), 10),
            FontWeights.Parse(weight) >= 600,
            string.Equals(Get("FontStyle"), "Italic", StringComparison.OrdinalIgnoreCase),
            string.Equals(Get("TextDecoration"), "Underline", StringComparison.OrdinalIgnoreCase),
            ColorParser.Parse(Get("Color")) ?? Rgba.Black,
            Get("TextAlign")?.ToLowerInvariant() switch
            {
                "left" => TextAlignment.Left,
                "center" => TextAlignment.Center,
                "right" => TextAlignment.Right,
                _ => TextAlignment.General,
            },
            Get("VerticalAlign")?.ToLowerInvariant() switch
            {
                "middle" => VerticalAlignment.Middle,
                "bottom" => VerticalAlignment.Bottom,
                _ => VerticalAlignment.Top,
            })
        {
            RightToLeft = string.Equals(Get("Direction")?.Trim(), "RTL", StringComparison.OrdinalIgnoreCase),
            Weight = FontWeights.Parse(weight) is var w && w is 400 or 700 ? 0 : w,
        };
        var resolved = new ResolvedStyle(text, ResolveBox(item), Get("Format"), canGrow) { Culture = culture };
        if (IsConstant(item) && IsConstant(paragraph) && IsConstant(run))
        {
            if (cachedList is null) _textCache[item] = cachedList = [];
            cachedList.Add((paragraph, run, resolved));
        }
        return resolved;
    }

    public BoxStyle ResolveBox(StyleDefinition style)
    {
        if (_boxCache.TryGetValue(style, out var cached)) return cached;
        string? Get(string name) => style[name] is { } e ? Evaluate(e) : null;
        BorderSide Side(string prefix)
        {
            var kind = Get(prefix + ".Style") ?? Get("Border.Style");
            var color = ColorParser.Parse(Get(prefix + ".Color") ?? Get("Border.Color")) ?? Rgba.Black;
            var width = Size(Get(prefix + ".Width") ?? Get("Border.Width"), 1);
            var borderStyle = kind?.ToLowerInvariant() switch
            {
                "solid" => BorderStyle.Solid,
                "dashed" => BorderStyle.Dashed,
                "dotted" => BorderStyle.Dotted,
                "double" => BorderStyle.Double,
                _ => BorderStyle.None,
            };
            return borderStyle == BorderStyle.None ? BorderSide.None : new BorderSide(borderStyle, color, width);
        }
        var box = new BoxStyle(
            ColorParser.Parse(Get("BackgroundColor")) ?? Rgba.Transparent,
            Side("LeftBorder"),
            Side("TopBorder"),
            Side("RightBorder"),
            Side("BottomBorder"),
            new Padding(PaddingPoints(Get("PaddingLeft")), PaddingPoints(Get("PaddingTop")), PaddingPoints(Get("PaddingRight")), PaddingPoints(Get("PaddingBottom"))));
        if (IsConstant(style)) _boxCache[style] = box;
        return box;
    }

    public BorderSide ResolveLine(StyleDefinition style)
    {
        var box = ResolveBox(style);
        return box.Top.IsVisible ? box.Top : new BorderSide(BorderStyle.Solid, Rgba.Black, 1);
    }

    private string? Evaluate(ExpressionText e)
    {
        if (!e.IsExpression) return e.Raw;
        var value = context.Evaluator.Evaluate(e, context);
        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    private static bool IsConstant(StyleDefinition? style) => style is null || style.Properties.Values.All(e => !e.IsExpression);

    private static double Size(string? text, double fallback) =>
        ReportSize.TryParse(text, out var size) ? size.Points : fallback;

    /// <summary>
    /// A padding within MS-RDL's range, 0pt to 1000pt (SSRS refuses others); a value from an expression outside it is
    /// clamped, so no padding can make a page tile billions of points (fuzz finding, seed 20 iteration 3859).
    /// </summary>
    private static double PaddingPoints(string? text) => Math.Clamp(Size(text, 0), 0, Rdl.Model.Definitions.Styling.StyleLimits.MaxPaddingPoints);
}
