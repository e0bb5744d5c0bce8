using DocumentFormat.OpenXml;
using Renderer.Sandbox.Pages;
using PageItem = Renderer.Sandbox.Pages.PageItem;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>
/// One page's body as Word blocks, top to bottom: items that share vertical space form a band, each band one
/// <see cref="DocxGrid"/> table with rows of the page's exact heights; the vertical gap before a band is a paragraph of
/// exactly that height (two tables need one between them anyway). The page's first paragraph carries the page break
/// (pageBreakBefore), so no paragraph of its own spills onto an empty page; the page's content is never taller than the
/// report's body area.
/// </summary>
internal static class DocxPageLayout
{
    /// <summary>
    /// Items are in one band when they overlap vertically or the gap between them is below this (stacked rows, layout
    /// rounding); so are the cells of one data region on the page.
    /// </summary>
    private const double Touch = 0.5;

    private static bool InRegion(PageItem item, string? region)
        => region is not null && item is TextItem { Cell.RegionName: { } name } && string.Equals(region, name, StringComparison.Ordinal);

    /// <summary>
    /// The blocks of <paramref name="page"/>'s body, whose area starts at <paramref name="bodyTop"/> (points); the first
    /// paragraph breaks the page when <paramref name="breakBefore"/>.
    /// </summary>
    public static List<OpenXmlElement> Build(Page page, double bodyTop, double leftMargin, bool breakBefore, DocxPictures pictures)
    {
        var blocks = new List<OpenXmlElement>();
        var items = new List<(PageItem Item, int Order)>();
        for (var i = 0; i < page.Items.Length; i++)
        {
            if (page.Items[i] is { Region: PageRegion.Body } and (TextItem or RectangleItem or ImageItem or ChartItem or LineItem)) items.Add((page.Items[i], i));
        }

        items.Sort((a, b) => a.Item.Bounds.Y != b.Item.Bounds.Y ? a.Item.Bounds.Y.CompareTo(b.Item.Bounds.Y) : a.Order.CompareTo(b.Order));
        var cursor = DocxGrid.Twips(bodyTop);
        var needsBreak = breakBefore;
        var afterTable = false;
        for (var start = 0; start < items.Count;)
        {
            var bottom = items[start].Item.Bounds.Bottom;
            var end = start + 1;
            var region = (items[start].Item as TextItem)?.Cell?.RegionName;
            while (end < items.Count && (items[end].Item.Bounds.Y < bottom + Touch || InRegion(items[end].Item, region)))
            {
                region ??= (items[end].Item as TextItem)?.Cell?.RegionName;
                bottom = Math.Max(bottom, items[end].Item.Bounds.Bottom);
                end++;
            }

            var band = items.GetRange(start, end - start);
            var top = DocxGrid.Twips(band[0].Item.Bounds.Y);
            var gap = top - cursor;
            if (gap > 0 || needsBreak || afterTable)
            {
                var height = Math.Max(1, gap);
                blocks.Add(DocxText.Spacer(height, needsBreak));
                cursor += height;
                needsBreak = false;
            }

            // Keep paint order within the band (a box before the text drawn on it).
            band.Sort((a, b) => a.Order.CompareTo(b.Order));
            var tableTop = Math.Max(top, cursor);
            blocks.Add(DocxGrid.Build(band.ConvertAll(b => b.Item), leftMargin, tableTop, pictures));
            cursor = Math.Max(tableTop + 1, DocxGrid.Twips(bottom));
            afterTable = true;
            start = end;
        }

        if (needsBreak)
        {
            blocks.Add(DocxText.Spacer(1, true));
        }

        return blocks;
    }
}
