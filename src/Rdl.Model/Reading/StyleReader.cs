using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Expressions;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads &lt;Style&gt;: each child becomes a key (<c>FontSize</c>, <c>Color</c>, ...); nested elements become dotted
/// keys (<c>Border.Color</c>, <c>TopBorder.Style</c>, <c>BackgroundImage.Source</c>). The RDL 2005 form
/// <c>BorderStyle/Default|Top|Bottom|Left|Right</c> (and BorderColor, BorderWidth) maps to the same keys.
/// </summary>
internal sealed class StyleReader(ReadContext context)
{
    /// <param name="style">The &lt;Style&gt; element.</param>
    /// <param name="owner">The owner for sites and messages, e.g. <c>Textbox 'Total'</c>.</param>
    public StyleDefinition Read(XElement style, string owner)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, ExpressionText>(StringComparer.Ordinal);
        var where = owner + ".Style";
        foreach (var child in context.Children(style))
        {
            var name = child.Name.LocalName;
            var legacyProperty = name switch
            {
                N.BorderStyle => N.Style,
                N.BorderColor => N.Color,
                N.BorderWidth => N.Width,
                _ => null,
            };
            if (legacyProperty is not null && context.Children(child).Any())
            {
                foreach (var side in context.Children(child))
                {
                    var border = BorderForSide(side.Name.LocalName);
                    if (border is null) context.Unknown(side, where + "." + name);
                    else Add(properties, $"{border}.{legacyProperty}", side, where);
                }
                continue;
            }
            Flatten(properties, name, child, where);
        }
        return properties.Count == 0 ? StyleDefinition.Empty : new StyleDefinition(properties.ToImmutable());
    }

    private void Flatten(ImmutableDictionary<string, ExpressionText>.Builder properties, string key, XElement element, string where)
    {
        var nested = context.Children(element).ToList();
        if (nested.Count == 0)
        {
            Add(properties, key, element, where);
            return;
        }
        foreach (var child in nested) Flatten(properties, key + "." + child.Name.LocalName, child, where);
    }

    private void Add(ImmutableDictionary<string, ExpressionText>.Builder properties, string key, XElement element, string where)
    {
        if (string.IsNullOrWhiteSpace(element.Value)) return;
        properties[key] = context.Expression(element, where + "." + key);
        if (key.StartsWith("Padding", StringComparison.Ordinal) && !element.Value.TrimStart().StartsWith('=') && ReportSize.TryParse(element.Value, out var padding)
            && (padding.Points < 0 || padding.Points > StyleLimits.MaxPaddingPoints))
        {
            context.Warning(RdlDiagnosticCodes.InvalidSize,
                $"{key} '{element.Value.Trim()}' in {where} is outside 0pt to {StyleLimits.MaxPaddingPoints:0}pt (MS-RDL's range); {(padding.Points < 0 ? "0pt" : $"{StyleLimits.MaxPaddingPoints:0}pt")} is used.", element, where);
        }
    }

    private static string? BorderForSide(string side) => side switch
    {
        N.Default => N.Border,
        N.Top => N.TopBorder,
        N.Bottom => N.BottomBorder,
        N.Left => N.LeftBorder,
        N.Right => N.RightBorder,
        _ => null,
    };
}
