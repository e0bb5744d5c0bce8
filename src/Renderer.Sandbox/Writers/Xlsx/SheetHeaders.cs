using System.Collections.Immutable;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// The page header at the top of each worksheet, as SSRS's Excel renderer writes it: a sheet is one page, so
/// Globals!PageNumber and TotalPages count sheets (a one-sheet report shows "Page 1 of 1"; a page break that resets the
/// page number restarts the count), and ReportItems in the header (First, Last, Sum over them) read the items of the whole
/// sheet. A document built from pages alone has nothing to evaluate with: each sheet keeps its first page's header.
/// </summary>
internal static class SheetHeaders
{
    /// <summary>Each sheet's header items; null for a sheet that keeps its first page's own header.</summary>
    public static IReadOnlyList<PageItem>?[] Of(PaginatedDocument document, IReadOnlyList<(int Start, int End)> sheets)
    {
        var numbering = Number(document, sheets);
        var headers = new IReadOnlyList<PageItem>?[sheets.Count];
        for (var i = 0; i < sheets.Count && sheets[i].End > sheets[i].Start; i++)
        {
            headers[i] = document.HeaderOver(sheets[i].Start, sheets[i].End, numbering[i]);
        }

        return headers;
    }

    /// <summary>
    /// A workbook small enough to hold its pages: <paramref name="pages"/> (all of <paramref name="source"/>'s, composed) and
    /// each sheet's header evaluated now, over the sheet's pages, so that the pagination behind them can be collected
    /// before the workbook is written, as for the other formats.
    /// </summary>
    public static PaginatedDocument Held(string title, IPageSource source, ImmutableArray<Page> pages)
    {
        var paginated = new PaginatedDocument(title, source);
        var sheets = XlsxDocumentWriter.Sections(paginated);
        var headers = Of(paginated, sheets);
        var bySheet = new Dictionary<(int Start, int End), IReadOnlyList<PageItem>>(sheets.Count);
        for (var i = 0; i < sheets.Count; i++)
        {
            if (headers[i] is { } header) bySheet[sheets[i]] = header;
        }

        return PaginatedDocument.Held(title, pages, bySheet);
    }

    /// <summary>A sheet's first page with the sheet's header in place of the page's own.</summary>
    public static Page OnFirstPage(Page first, IReadOnlyList<PageItem>? header) =>
        header is null ? first : first with { Items = [.. header, .. first.Items.Where(i => i.Region != PageRegion.Header)] };

    /// <summary>
    /// The page globals of each sheet: numbered among the sheets of its numbering section, which a sheet starts when its
    /// first page restarts the report's page numbers (<see cref="Page.NumberInSection"/> 1).
    /// </summary>
    internal static SpanNumbering[] Number(PaginatedDocument document, IReadOnlyList<(int Start, int End)> sheets)
    {
        var numbering = new SpanNumbering[sheets.Count];
        for (var start = 0; start < sheets.Count;)
        {
            var end = start + 1;
            while (end < sheets.Count && !RestartsNumbers(document, sheets[end]))
            {
                end++;
            }

            for (var i = start; i < end; i++)
            {
                numbering[i] = new SpanNumbering(i - start + 1, end - start, i + 1, sheets.Count);
            }

            start = end;
        }

        return numbering;
    }

    private static bool RestartsNumbers(PaginatedDocument document, (int Start, int End) sheet) =>
        sheet.End > sheet.Start && document.DescribePage(sheet.Start).NumberInSection == 1;
}
