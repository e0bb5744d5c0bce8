using System.Globalization;
using System.Text;
using Renderer.Sandbox.Pages;
using PageItem = Renderer.Sandbox.Pages.PageItem;
using TextItem = Renderer.Sandbox.Pages.TextItem;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>
/// The page header and footer of a run of pages that Word can show with one header part and one footer part: the items
/// of the run's first page, where a number equal to the page's number or to the page count becomes Word's PAGE or
/// NUMPAGES field (as SSRS turns Globals!PageNumber and Globals!TotalPages into fields). A later page belongs to the run
/// when its header and footer are those fields rendered with its own numbers, exactly; any other difference (a header
/// naming the page's region, numbering restarted by a page break) starts a new Word section with its own parts, so every
/// page shows what the report shows on it.
/// </summary>
internal sealed class DocxRunningSection
{
    private readonly Dictionary<PageItem, string?> _fields = new(ReferenceEqualityComparer.Instance);

    private DocxRunningSection(IReadOnlyList<PageItem> header, IReadOnlyList<PageItem> footer, int number, int total)
    {
        Header = header;
        Footer = footer;
        foreach (var item in header.Concat(footer))
        {
            if (item is TextItem text) _fields[text] = Fields(text.Text, number, total);
        }
    }

    public IReadOnlyList<PageItem> Header { get; }

    public IReadOnlyList<PageItem> Footer { get; }

    /// <summary>The header and footer of <paramref name="page"/> (numbered <see cref="Page.Number"/> of <paramref name="total"/>).</summary>
    public static DocxRunningSection Of(Page page, int total)
        => new(Items(page, PageRegion.Header), Items(page, PageRegion.Footer), page.Number, total);

    /// <summary>The text of <paramref name="item"/> with field marks, or null when it shows no page number.</summary>
    public string? FieldsOf(TextItem item) => _fields.GetValueOrDefault(item);

    /// <summary>True when <paramref name="page"/> shows exactly this header and footer with its own page number.</summary>
    public bool Shows(Page page, int total)
        => Same(Header, Items(page, PageRegion.Header), page.Number, total) && Same(Footer, Items(page, PageRegion.Footer), page.Number, total);

    private bool Same(IReadOnlyList<PageItem> mine, IReadOnlyList<PageItem> theirs, int number, int total)
    {
        if (mine.Count != theirs.Count) return false;
        for (var i = 0; i < mine.Count; i++)
        {
            var a = mine[i];
            var b = theirs[i];
            if (a.GetType() != b.GetType() || a.Bounds != b.Bounds) return false;
            switch (a, b)
            {
                case (TextItem x, TextItem y):
                    if (x.Style != y.Style || x.Box != y.Box || x.Hyperlink != y.Hyperlink) return false;
                    var expected = _fields[x] is { } fields ? Render(fields, number, total) : x.Text;
                    if (!string.Equals(expected, y.Text, StringComparison.Ordinal)) return false;
                    break;
                case (ImageItem x, ImageItem y):
                    if (x.Sizing != y.Sizing || !x.Data.AsSpan().SequenceEqual(y.Data)) return false;
                    break;
                case (RectangleItem x, RectangleItem y):
                    if (x.Box != y.Box) return false;
                    break;
                case (LineItem x, LineItem y):
                    if (x.Stroke != y.Stroke) return false;
                    break;
                default:
                    if (!ReferenceEquals(a, b)) return false;
                    break;
            }
        }

        return true;
    }

    private static List<PageItem> Items(Page page, PageRegion region)
        => [.. page.Items.Where(i => i.Region == region && i is TextItem or RectangleItem or ImageItem or ChartItem or LineItem)];

    /// <summary>
    /// <paramref name="text"/> with each whole number equal to <paramref name="number"/> marked as the PAGE field and each
    /// equal to <paramref name="total"/> as NUMPAGES (when both are equal: the first PAGE, the next NUMPAGES); null when none.
    /// </summary>
    public static string? Fields(string text, int number, int total)
    {
        var page = number.ToString(CultureInfo.InvariantCulture);
        var pages = total.ToString(CultureInfo.InvariantCulture);
        StringBuilder? result = null;
        var seenPage = false;
        var start = 0;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            var digits = text.AsSpan(i, end - i);
            var isPage = digits.SequenceEqual(page);
            var isTotal = digits.SequenceEqual(pages);
            var boundary = !JoinsNumber(text, i - 1, -1) && !JoinsNumber(text, end, 1);
            if (boundary && (isPage || isTotal))
            {
                result ??= new StringBuilder(text.Length);
                result.Append(text, start, i - start).Append(isPage && (!isTotal || !seenPage) ? DocxText.PageField : DocxText.TotalPagesField);
                seenPage |= isPage;
                start = end;
            }

            i = end;
        }

        if (result is null) return null;
        return result.Append(text, start, text.Length - start).ToString();
    }

    /// <summary>The text Word shows for <paramref name="fields"/> on page <paramref name="number"/> of <paramref name="total"/>.</summary>
    public static string Render(string fields, int number, int total)
        => fields.Replace(DocxText.PageField.ToString(), number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(DocxText.TotalPagesField.ToString(), total.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>True when the character at <paramref name="at"/> continues the number ("1.5", "1,000": not page numbers).</summary>
    private static bool JoinsNumber(string text, int at, int direction)
    {
        if (at < 0 || at >= text.Length) return false;
        if (char.IsAsciiDigit(text[at])) return true;
        var next = at + direction;
        return text[at] is '.' or ',' && next >= 0 && next < text.Length && char.IsAsciiDigit(text[next]);
    }
}
