using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Docx;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// Page numbers in a workbook count sheets, as in SSRS's Excel renderer (a one-sheet report shows "Page 1 of 1"): a page
/// header's number equal to its page's number becomes <see cref="Sheet"/>, one equal to the page count <see cref="Sheets"/>.
/// </summary>
internal readonly record struct SheetNumbering(int Sheet, int Sheets, int PageCount)
{
    /// <summary>The header item of <paramref name="page"/> (a sheet's first page) with its page numbers counting sheets.</summary>
    public TextItem Renumber(TextItem item, Page page)
    {
        var pageNumber = page.NumberInSection > 0 ? page.NumberInSection : page.Number;
        var pageCount = page.PagesInSection > 0 ? page.PagesInSection : PageCount;
        if (DocxRunningSection.Fields(item.Text, pageNumber, pageCount) is not { } fields) return item;
        var text = DocxRunningSection.Render(fields, Sheet, Sheets);
        object? value = item.Value switch
        {
            string => text,
            int number when number == pageNumber => Sheet,
            int number when number == pageCount => Sheets,
            _ => item.Value,
        };
        return item with { Text = text, Value = value };
    }
}
