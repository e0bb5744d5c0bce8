using System.Globalization;
using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>
/// Adds the interactive parts of text items to a PDF page: a URI link over each item with a (safe)
/// <see cref="TextItem.Hyperlink"/>, a named destination at the top-left of the first item carrying each
/// <see cref="TextItem.BookmarkId"/>, and an internal link over each item whose <see cref="TextItem.BookmarkLink"/>
/// names a bookmark that exists in the document (links to missing bookmarks are left out, as SSRS does).
/// Destination names are generated ("bm0", "bm1", ...) so any bookmark text is safe in the PDF.
/// </summary>
internal sealed class PdfLinkPainter
{
    private readonly Dictionary<string, string> _destinations = new(StringComparer.Ordinal);
    private readonly HashSet<(int Page, int Item)> _targets = [];

    /// <summary>A painter that knows no bookmarks yet: feed it every page, in order, through <see cref="Scanning"/> before annotating.</summary>
    public PdfLinkPainter()
    {
    }

    /// <summary>
    /// Passes <paramref name="pages"/> through unchanged, noting each page's bookmark targets on the way, so a pass the
    /// writer makes anyway (font subsets) also finds the link destinations of a streamed document.
    /// </summary>
    public IEnumerable<Page> Scanning(IEnumerable<Page> pages)
    {
        int index = 0;
        foreach (var page in pages)
        {
            Scan(page, index++);
            yield return page;
        }
    }

    private void Scan(Page page, int pageIndex)
    {
        for (int i = 0; i < page.Items.Length; i++)
        {
            if (page.Items[i] is TextItem { BookmarkId: { Length: > 0 } id } && !_destinations.ContainsKey(id))
            {
                _destinations[id] = "bm" + _destinations.Count.ToString(CultureInfo.InvariantCulture);
                _targets.Add((pageIndex, i));
            }
        }
    }

    /// <summary>A URI link over each rich-text segment whose markup linked it (A href, http/https/mailto only).</summary>
    private static void AnnotateSegments(SKCanvas canvas, TextItem text)
    {
        foreach (var line in text.Lines)
        {
            if (line.Segments.IsDefault) continue;
            foreach (var segment in line.Segments)
            {
                if (SafeLinks.Normalize(segment.Link) is not { } url || segment.Width <= 0) continue;
                var size = segment.Style.FontSize;
                var left = (float)(text.Bounds.X + segment.X);
                var baseline = (float)(text.Bounds.Y + line.Baseline);
                var rect = new SKRect(left, baseline - (float)size, left + (float)segment.Width, baseline + (float)(size * 0.25));
                rect.Intersect(new SKRect((float)text.Bounds.X, (float)text.Bounds.Y, (float)text.Bounds.Right, (float)text.Bounds.Bottom));
                if (rect.Width <= 0 || rect.Height <= 0) continue;
                using var _ = canvas.DrawUrlAnnotation(rect, url);
            }
        }
    }

    /// <summary>Draws the annotations of <paramref name="page"/>'s items (page <paramref name="pageIndex"/>, 0-based); call with the page's untransformed canvas.</summary>
    public void Annotate(SKCanvas canvas, Page page, int pageIndex)
    {
        for (int i = 0; i < page.Items.Length; i++)
        {
            if (page.Items[i] is not TextItem text) continue;
            if (text.Rich is not null) AnnotateSegments(canvas, text);
            var rect = new SKRect((float)text.Bounds.X, (float)text.Bounds.Y, (float)text.Bounds.Right, (float)text.Bounds.Bottom);
            if (_targets.Contains((pageIndex, i)))
            {
                using var _ = canvas.DrawNamedDestinationAnnotation(new SKPoint(rect.Left, rect.Top), _destinations[text.BookmarkId!]);
            }
            if (rect.Width <= 0 || rect.Height <= 0) continue;
            if (SafeLinks.Normalize(text.Hyperlink) is { } url)
            {
                using var _ = canvas.DrawUrlAnnotation(rect, url);
            }
            else if (text.BookmarkLink is { } link && _destinations.TryGetValue(link, out var destination))
            {
                using var _ = canvas.DrawLinkDestinationAnnotation(rect, destination);
            }
        }
    }
}
