using System.Collections.Immutable;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>
/// One item of the PDF outline (bookmarks panel): <see cref="Title"/> at nesting <see cref="Level"/> (0 = top),
/// jumping to <see cref="PageIndex"/> (0-based) with the point (<see cref="Left"/>, <see cref="Top"/>) in PDF
/// coordinates (origin bottom-left) at the top-left of the window.
/// </summary>
internal sealed record PdfOutlineEntry(string Title, int Level, int PageIndex, double Left, double Top)
{
    /// <summary>
    /// The outline of a document: one entry per <see cref="PaginatedDocument.DocumentMap"/> entry whose item is on a
    /// page (the first page it appears on, e.g. before repeated headers), in document-map order. Entries whose item
    /// is on no page are left out; their children move up to the nearest kept ancestor level.
    /// </summary>
    public static ImmutableArray<PdfOutlineEntry> From(PaginatedDocument document)
    {
        if (document.DocumentMap.IsDefaultOrEmpty || document.PageCount == 0) return [];
        var targets = new Dictionary<string, (int Page, Bounds Bounds, double Height)>(StringComparer.Ordinal);
        int p = -1;
        foreach (var page in document.EnumeratePages())
        {
            p++;
            foreach (var item in page.Items)
            {
                if (item is TextItem { DocumentMapId: { } id } && !targets.ContainsKey(id))
                    targets[id] = (p, item.Bounds, page.Height);
            }
        }

        var result = ImmutableArray.CreateBuilder<PdfOutlineEntry>();
        foreach (var entry in document.DocumentMap)
        {
            if (!targets.TryGetValue(entry.Id, out var target)) continue;
            var title = string.IsNullOrWhiteSpace(entry.Label) ? "(blank)" : entry.Label;
            result.Add(new PdfOutlineEntry(title, Math.Max(0, entry.Level), target.Page, target.Bounds.X, target.Height - target.Bounds.Y));
        }
        return result.ToImmutable();
    }
}
