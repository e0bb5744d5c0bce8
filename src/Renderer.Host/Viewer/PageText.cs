using System.Net;
using System.Text.RegularExpressions;

namespace Renderer.Host.Viewer;

/// <summary>Find in the viewer: the visible text of the HTML writer's page fragments, searched without regard to case.</summary>
public static partial class PageText
{
    public readonly record struct PageMatch(int Page, int Count);

    public static IReadOnlyList<PageMatch> Find(IReadOnlyList<string> pages, string text)
    {
        var matches = new List<PageMatch>();
        for (int i = 0; i < pages.Count; i++)
        {
            var visible = Visible(pages[i]);
            int count = 0, at = 0;
            while ((at = visible.IndexOf(text, at, StringComparison.CurrentCultureIgnoreCase)) >= 0)
            {
                count++;
                at += text.Length;
            }
            if (count > 0) matches.Add(new PageMatch(i + 1, count));
        }
        return matches;
    }

    /// <summary>The text of a fragment: tags dropped (SVG text kept), entities decoded, each element's text on its own.</summary>
    public static string Visible(string html) => WebUtility.HtmlDecode(Tags().Replace(Styles().Replace(html, " "), "\u0001"));

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex("<style[^>]*>.*?</style>", RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Styles();
}
