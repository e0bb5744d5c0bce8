using System.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Html;

/// <summary>
/// Backgrounds, borders and lines. Borders are centred on the item's edges, as the PDF strokes them: a separate box grown
/// by half of each side's width carries them, so the text box keeps the item's exact bounds. Lines are small inline SVGs.
/// </summary>
internal static class HtmlBoxes
{
    /// <summary>A rectangle: its background at its bounds, then its borders.</summary>
    public static void Rectangle(StringBuilder html, RectangleItem item)
    {
        if (!item.Box.Background.IsTransparent && item.Bounds.Width > 0 && item.Bounds.Height > 0)
            html.Append("<div class=\"rpt-r\" style=\"").Place(item.Bounds).Append(";background:").Color(item.Box.Background).Append("\"></div>\n");
        Borders(html, item.Bounds, item.Box);
    }

    /// <summary>The visible sides of <paramref name="box"/> around <paramref name="bounds"/>; nothing when none is visible.</summary>
    public static void Borders(StringBuilder html, Bounds bounds, BoxStyle box)
    {
        if (!box.Left.IsVisible && !box.Top.IsVisible && !box.Right.IsVisible && !box.Bottom.IsVisible) return;
        double left = Half(box.Left), top = Half(box.Top), right = Half(box.Right), bottom = Half(box.Bottom);
        var outer = new Bounds(bounds.X - left, bounds.Y - top, bounds.Width + left + right, bounds.Height + top + bottom);
        html.Append("<div class=\"rpt-b\" style=\"").Place(outer);
        if (box.Left == box.Top && box.Top == box.Right && box.Right == box.Bottom)
        {
            Side(html, string.Empty, box.Left);
            html.Append("\"></div>\n");
            return;
        }
        Side(html, "left", box.Left);
        Side(html, "top", box.Top);
        Side(html, "right", box.Right);
        Side(html, "bottom", box.Bottom);
        html.Append("\"></div>\n");
    }

    /// <summary>A straight line from the top-left to the bottom-right corner of the item's bounds.</summary>
    public static void Line(StringBuilder html, LineItem item)
    {
        var stroke = item.Stroke;
        if (!stroke.IsVisible) return;
        var b = item.Bounds;
        double pad = stroke.Width;
        var box = new Bounds(Math.Min(b.X, b.Right) - pad, Math.Min(b.Y, b.Bottom) - pad, Math.Abs(b.Width) + (2 * pad), Math.Abs(b.Height) + (2 * pad));
        html.Append("<svg class=\"rpt-ln\" aria-hidden=\"true\" style=\"").Place(box).Append("\" viewBox=\"0 0 ").Pt(box.Width).Append(' ').Pt(box.Height)
            .Append("\"><line x1=\"").Pt(b.X - box.X).Append("\" y1=\"").Pt(b.Y - box.Y).Append("\" x2=\"").Pt(b.Right - box.X).Append("\" y2=\"").Pt(b.Bottom - box.Y)
            .Append("\" stroke=\"").Color(stroke.Color with { A = 255 }).Append('"');
        if (stroke.Color.A != 255) html.Append(" stroke-opacity=\"").Append((stroke.Color.A / 255.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).Append('"');
        html.Append(" stroke-width=\"").Pt(stroke.Width).Append('"');
        if (stroke.Style == BorderStyle.Dashed) html.Append(" stroke-dasharray=\"").Pt(Math.Max(3 * stroke.Width, 2)).Append(' ').Pt(Math.Max(2 * stroke.Width, 1.5)).Append('"');
        else if (stroke.Style == BorderStyle.Dotted) html.Append(" stroke-dasharray=\"").Pt(Math.Max(stroke.Width, 0.5)).Append('"');
        html.Append("/></svg>\n");
    }

    private static double Half(BorderSide side) => side.IsVisible ? side.Width / 2 : 0;

    private static void Side(StringBuilder html, string name, BorderSide side)
    {
        if (!side.IsVisible) return;
        html.Append(";border").Append(name.Length > 0 ? "-" : string.Empty).Append(name).Append(':').Pt(side.Width).Append("pt ").Append(side.Style switch
        {
            BorderStyle.Dashed => "dashed",
            BorderStyle.Dotted => "dotted",
            BorderStyle.Double => "double",
            _ => "solid",
        }).Append(' ').Color(side.Color);
    }
}
