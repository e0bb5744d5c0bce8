using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// The summary rows of a sheet's collapsed outline groups, found while <see cref="SheetGrid"/> reads the sheet's pages: a
/// row followed by a hidden drilldown row (<see cref="LogicalCell.IsHidden"/>) of a deeper outline level. Excel shows
/// such a row with a "+" button (row <c>collapsed="1"</c>; the summary row is above its details, as SSRS writes it).
/// Only pages with outlined rows are read; a sheet without drilldown never creates one.
/// </summary>
internal sealed class SheetOutline
{
    private readonly HashSet<long> _collapsed = [];
    private int _lastLevel;

    /// <summary>True when no row starts a collapsed group.</summary>
    public bool IsEmpty => _collapsed.Count == 0;

    /// <summary>Whether sheet row <paramref name="row"/> (0-based) is the summary row of a collapsed group.</summary>
    public bool IsCollapsed(long row) => _collapsed.Contains(row);

    /// <summary>A page without outlined rows: its last row has level 0.</summary>
    public void SkipPage() => _lastLevel = 0;

    /// <summary>
    /// Reads one page whose rows (distinct top edge keys <paramref name="rowKeys"/>, see <see cref="SheetGrid.Key"/>) start
    /// at sheet row <paramref name="firstRow"/>; <paramref name="pageIndex"/> counts pages within the sheet.
    /// </summary>
    public void AddPage(Page page, int pageIndex, HashSet<long> rowKeys, long firstRow)
    {
        var keys = new long[rowKeys.Count];
        rowKeys.CopyTo(keys);
        Array.Sort(keys);
        var levels = new int[keys.Length];
        var hidden = new bool[keys.Length];
        foreach (var item in page.Items)
        {
            if (item is TextItem { Cell: { OutlineLevel: > 0 } cell } && SheetGrid.IsExported(item, pageIndex))
            {
                var row = Array.BinarySearch(keys, SheetGrid.Key(item.Bounds.Y));
                if (row < 0)
                {
                    continue;
                }

                levels[row] = Math.Max(levels[row], Math.Min(SheetGrid.MaxOutline, cell.OutlineLevel));
                hidden[row] |= cell.IsHidden;
            }
        }

        for (var r = 0; r < keys.Length; r++)
        {
            var previous = r == 0 ? _lastLevel : levels[r - 1];
            if (hidden[r] && levels[r] > previous && firstRow + r > 0)
            {
                _collapsed.Add(firstRow + r - 1);
            }
        }

        if (keys.Length > 0)
        {
            _lastLevel = levels[^1];
        }
    }
}
