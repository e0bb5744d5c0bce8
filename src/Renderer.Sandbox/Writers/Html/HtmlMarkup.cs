using System.Globalization;
using System.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Html;

/// <summary>
/// Escaping and number formats for the HTML writer. Every piece of report text and every attribute value goes through
/// <see cref="Text"/>: the five markup characters become entities and control characters (which HTML forbids) are
/// dropped, so no report text can open an element, close an attribute or start a script.
/// </summary>
internal static class HtmlMarkup
{
    /// <summary>Appends <paramref name="text"/> escaped for element content and quoted attribute values; a tab draws as a space (as in the PDF).</summary>
    public static StringBuilder Text(this StringBuilder html, string? text)
    {
        if (string.IsNullOrEmpty(text)) return html;
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\t': html.Append(' '); break;
                default:
                    if (!char.IsControl(c)) html.Append(c);
                    break;
            }
        }
        return html;
    }

    /// <summary>Appends <paramref name="points"/> with at most two decimals and no unit.</summary>
    public static StringBuilder Pt(this StringBuilder html, double points) =>
        html.Append((Math.Round(points, 2) is var r && r == 0 ? 0 : r).ToString("0.##", CultureInfo.InvariantCulture));

    /// <summary>Appends a CSS colour: #rrggbb, or rgba() when not opaque.</summary>
    public static StringBuilder Color(this StringBuilder html, Rgba color) => color.A == 255
        ? (color == Rgba.Black ? html.Append("#000") : html.Append('#').Append(color.ToHex()))
        : html.Append("rgba(").Append(color.R).Append(',').Append(color.G).Append(',').Append(color.B).Append(',')
            .Append((color.A / 255.0).ToString("0.###", CultureInfo.InvariantCulture)).Append(')');

    /// <summary>Appends <c>left:..pt;top:..pt;width:..pt;height:..pt</c> for <paramref name="bounds"/>.</summary>
    public static StringBuilder Place(this StringBuilder html, Bounds bounds) =>
        html.Append("left:").Pt(bounds.X).Append("pt;top:").Pt(bounds.Y).Append("pt;width:").Pt(Math.Max(0, bounds.Width))
            .Append("pt;height:").Pt(Math.Max(0, bounds.Height)).Append("pt");
}
