using System.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Html;

/// <summary>
/// Writes a <see cref="TextItem"/>: a box at its bounds (background, clipped like the PDF) holding one element per laid-out
/// line at the line's position, so the text breaks where the PDF's does and stays real, selectable, searchable text.
/// Rich text writes each line's segments in their own styles. A hyperlink, drillthrough or bookmark link wraps the lines
/// in an anchor (<see cref="HtmlLinks"/>); a drilldown toggle and an interactive sort become buttons the viewer's script
/// handles (no script or event attribute is written).
/// </summary>
internal static class HtmlTextItems
{
    /// <summary>Side of the toggle and sort buttons, in points.</summary>
    private const double ButtonSize = 9;

    /// <summary>Space between a button and the text beside it, in points.</summary>
    private const double ButtonGap = 2;

    public static void Write(StringBuilder html, TextItem item, HtmlLinks links)
    {
        var bookmark = item.BookmarkId is { Length: > 0 } b && links.IsFirstTarget(b) ? b : null;
        // A header row repeated on a later page is not the map entry's target (its first showing is).
        var mapId = item.DocumentMapId is { Length: > 0 } d && item.Cell is not { IsRepeat: true } ? d : null;
        if (mapId is not null) links.MapTarget(mapId);
        html.Append("<div class=\"rpt-t\"");
        if (bookmark is not null) html.Append(" id=\"bm-").Text(bookmark).Append('"');
        else if (mapId is not null) html.Append(" id=\"dm-").Text(mapId).Append('"');
        if (item.Style.RightToLeft) html.Append(" dir=\"rtl\"");
        html.Append(" style=\"").Place(item.Bounds);
        if (!item.Box.Background.IsTransparent) html.Append(";background:").Color(item.Box.Background);
        html.Font(item.Style).Append("\">");
        // The document map entry needs its own anchor when the bookmark took the item's id.
        if (bookmark is not null && mapId is not null) html.Append("<span id=\"dm-").Text(mapId).Append("\"></span>");
        Buttons(html, item);
        var link = HtmlLinks.Open(html, item);
        if (item.Rich is not null) RichLines(html, item, linkRuns: !link);
        else PlainLines(html, item);
        if (link) html.Append("</a>");
        html.Append("</div>\n");
        // Borders over the background, as the PDF strokes them.
        HtmlBoxes.Borders(html, item.Bounds, item.Box);
    }

    /// <summary>
    /// How far <paramref name="line"/> moves so the buttons do not cover it, as SSRS puts its toggle image before the text
    /// and its sort arrow after it: right past a toggle when the line starts under it, left of a sort button when it ends
    /// under it (never left of the toggle).
    /// </summary>
    private static double Shift(TextItem item, TextLine line)
    {
        var left = item.Toggle is null ? 0 : item.Box.Padding.Left + ButtonSize + ButtonGap;
        var shift = left > 0 && line.X < left ? left - line.X : 0;
        if (item.Sort is not null)
        {
            var right = item.Bounds.Width - item.Box.Padding.Right - ButtonSize - ButtonGap;
            var end = line.X + shift + line.Width;
            if (end > right) shift -= Math.Min(end - right, line.X + shift - Math.Max(left, item.Box.Padding.Left));
        }
        return shift;
    }

    private static void PlainLines(StringBuilder html, TextItem item)
    {
        if (item.Lines.IsDefaultOrEmpty) return;
        foreach (var line in item.Lines)
        {
            if (string.IsNullOrEmpty(line.Text)) continue;
            html.Append("<div class=\"rpt-l\" style=\"left:").Pt(line.X + Shift(item, line)).Append("pt;").Baseline(item.Style, line.Baseline).Append("\">")
                .Text(line.Text).Append("</div>");
        }
    }

    /// <summary>The rich-text lines; a linked run is an anchor of its own unless the whole item is already one (<paramref name="linkRuns"/> false: HTML anchors do not nest).</summary>
    private static void RichLines(StringBuilder html, TextItem item, bool linkRuns)
    {
        foreach (var line in item.Lines)
        {
            if (line.Segments.IsDefault)
            {
                if (!string.IsNullOrEmpty(line.Text))
                    html.Append("<div class=\"rpt-l\" style=\"left:").Pt(line.X + Shift(item, line)).Append("pt;").Baseline(item.Style, line.Baseline).Append("\">").Text(line.Text).Append("</div>");
                continue;
            }
            var shift = Shift(item, line);
            foreach (var segment in line.Segments)
            {
                if (segment.Text.Length == 0) continue;
                var url = linkRuns ? SafeLinks.Normalize(segment.Link) : null;
                html.Append(url is null ? "<span" : "<a").Append(" class=\"rpt-s\"");
                if (url is not null) html.Append(" href=\"").Text(url).Append("\" rel=\"noopener noreferrer\" target=\"_blank\"");
                html.Append(" style=\"left:").Pt(segment.X + shift).Append("pt;").Baseline(segment.Style, line.Baseline).Font(segment.Style, inherited: true)
                    .Append("\">").Text(segment.Text).Append(url is null ? "</span>" : "</a>");
            }
        }
    }

    /// <summary>The drilldown toggle at the item's top-left and the interactive sort button at its top-right, inside the padding.</summary>
    private static void Buttons(StringBuilder html, TextItem item)
    {
        var top = item.Box.Padding.Top + Math.Max(0, FirstLineHeight(item) - ButtonSize) / 2;
        var label = Label(item);
        if (item.Toggle is { } toggle)
        {
            html.Append("<button type=\"button\" class=\"rpt-toggle\" data-toggle=\"").Text(toggle.Id).Append("\" aria-expanded=\"")
                .Append(toggle.Expanded ? "true" : "false").Append("\" aria-label=\"").Append(toggle.Expanded ? "Collapse" : "Expand");
            if (label.Length > 0) html.Append(' ').Text(label);
            html.Append("\" style=\"left:").Pt(item.Box.Padding.Left).Append("pt;top:").Pt(top).Append("pt\"></button>");
        }
        if (item.Sort is { } sort)
        {
            html.Append("<button type=\"button\" class=\"rpt-sort\" data-sort=\"").Text(sort.Id).Append("\" data-state=\"")
                .Append(sort.State switch { SortState.Ascending => "asc", SortState.Descending => "desc", _ => "none" })
                .Append("\" aria-label=\"Sort");
            if (label.Length > 0) html.Append(' ').Text(label);
            html.Append(sort.State switch { SortState.Ascending => " (ascending)", SortState.Descending => " (descending)", _ => string.Empty })
                .Append("\" style=\"right:").Pt(item.Box.Padding.Right).Append("pt;top:").Pt(top).Append("pt\"></button>");
        }
    }

    private static double FirstLineHeight(TextItem item)
    {
        if (item.Lines.IsDefaultOrEmpty) return item.Style.FontSize * 1.2;
        return item.Lines[0].Baseline - item.Box.Padding.Top + (item.Style.FontSize * 0.25);
    }

    private static string Label(TextItem item)
    {
        var text = item.Rich?.PlainText ?? item.Text;
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
