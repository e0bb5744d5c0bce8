using System.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Html;

/// <summary>
/// The links of one HTML document: which page holds each bookmark (the first item with a bookmark is its target, as in
/// the PDF) and each document map target, and the anchors of text items. Hyperlinks are written only when
/// <see cref="SafeLinks"/> allows them (absolute http, https, mailto) and open in a new tab without an opener;
/// drillthroughs (links to the viewer) carry <c>data-drillthrough</c> so the viewer's script can open them in place;
/// bookmark links jump to <c>#bm-&lt;id&gt;</c> and carry <c>data-bookmark</c>.
/// </summary>
internal sealed class HtmlLinks
{
    private readonly Dictionary<string, int> _bookmarks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _mapTargets = new(StringComparer.Ordinal);

    /// <summary>The page (1-based) being written.</summary>
    public int Page { get; set; } = 1;

    /// <summary>Bookmark id to the page (1-based) holding its target, in document order.</summary>
    public IReadOnlyDictionary<string, int> Bookmarks => _bookmarks;

    /// <summary>Document map id to the page (1-based) holding its target.</summary>
    public IReadOnlyDictionary<string, int> MapTargets => _mapTargets;

    /// <summary>True the first time <paramref name="bookmark"/> is seen: this item is its target (and gets its id).</summary>
    public bool IsFirstTarget(string bookmark) => _bookmarks.TryAdd(bookmark, Page);

    /// <summary>Notes the page of a document map target.</summary>
    public void MapTarget(string id) => _mapTargets.TryAdd(id, Page);

    /// <summary>Opens the item's anchor, if it has a link; true when the caller must close it.</summary>
    public static bool Open(StringBuilder html, TextItem item)
    {
        if (SafeLinks.Normalize(item.Hyperlink) is { } url)
        {
            html.Append("<a href=\"").Text(url).Append("\" rel=\"noopener noreferrer\"")
                .Append(item.IsDrillthrough ? " data-drillthrough=\"1\">" : " target=\"_blank\">");
            return true;
        }
        if (item.BookmarkLink is { Length: > 0 } bookmark)
        {
            html.Append("<a href=\"#bm-").Text(Uri.EscapeDataString(bookmark)).Append("\" data-bookmark=\"").Text(bookmark).Append("\">");
            return true;
        }
        return false;
    }
}
