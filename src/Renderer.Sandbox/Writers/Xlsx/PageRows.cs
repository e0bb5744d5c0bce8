using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// The sheet rows of one page: every distinct top edge (rounded to 0.1 pt) of the page's exported items starts a row.
/// A row is as tall as its tallest item, but never taller than the distance to the next row, so an item taller than
/// its row spans (and is merged over) the following rows it overlaps. Also lists the page's exported items in row order.
/// </summary>
internal sealed class PageRows
{
    /// <summary>Excel's maximum row height in points.</summary>
    public const double MaxHeight = 409;

    private const double MinHeight = 1;

    private const int IndexBits = 31;
    private const long IndexMask = (1L << IndexBits) - 1;

    private readonly long[] _keys;
    private readonly double[] _heights;
    private readonly long[] _order;
    private readonly int _rowCount;
    private readonly int _itemCount;

    private PageRows(long[] keys, double[] heights, int rowCount, long[] order, int itemCount)
    {
        _keys = keys;
        _heights = heights;
        _rowCount = rowCount;
        _order = order;
        _itemCount = itemCount;
    }

    public int Count => _rowCount;

    /// <summary>Number of the page's exported items.</summary>
    public int ItemCount => _itemCount;

    public static PageRows Build(Page page, int pageIndex)
    {
        var items = page.Items;

        // Each exported item as one sortable long: row key in the high bits, item index (paint order) in the low ones.
        // The arrays are sized for every item and only their used prefix is read, so a page costs three allocations.
        var order = new long[items.Length];
        var count = 0;
        var sorted = true;
        for (var i = 0; i < items.Length; i++)
        {
            if (SheetGrid.IsExported(items[i], pageIndex))
            {
                var key = Math.Clamp(SheetGrid.Key(items[i].Bounds.Y), int.MinValue, int.MaxValue);
                order[count] = (key << IndexBits) | (uint)i;
                sorted &= count == 0 || order[count] > order[count - 1];
                count++;
            }
        }

        if (!sorted)
        {
            Array.Sort(order, 0, count);
        }

        var keys = new long[count];
        var heights = new double[count];
        var rows = 0;
        for (var k = 0; k < count; k++)
        {
            var entry = order[k];
            var key = entry >> IndexBits;
            var height = items[(int)(entry & IndexMask)].Bounds.Height;
            if (rows == 0 || keys[rows - 1] != key)
            {
                keys[rows] = key;
                heights[rows] = height;
                rows++;
            }
            else if (height > heights[rows - 1])
            {
                heights[rows - 1] = height;
            }
        }

        for (var r = 0; r < rows; r++)
        {
            var height = heights[r];
            if (r + 1 < rows)
            {
                height = Math.Min(height, (keys[r + 1] - keys[r]) / 10.0);
            }

            heights[r] = Math.Clamp(Math.Round(height, 2), MinHeight, MaxHeight);
        }

        return new PageRows(keys, heights, rows, order, count);
    }

    /// <summary>The page item index of the <paramref name="position"/>-th exported item in row order (then paint order).</summary>
    public int GetItemIndex(int position) => (int)(_order[position] & IndexMask);

    /// <summary>The row key of the <paramref name="position"/>-th exported item in row order.</summary>
    public long GetItemKey(int position) => _order[position] >> IndexBits;

    /// <summary>The row's top edge key (tenths of a point), as produced by <see cref="SheetGrid.Key"/>.</summary>
    public long GetKey(int row) => _keys[row];

    /// <summary>Row height in points.</summary>
    public double GetHeight(int row) => _heights[row];

    /// <summary>The last row an item anchored at <paramref name="firstRow"/> overlaps: rows that start above its bottom.</summary>
    public int LastRowOf(int firstRow, Bounds bounds)
    {
        // Overlaps below half a point are layout rounding, not a real span.
        var bottom = SheetGrid.Key(bounds.Bottom) - 4;
        var index = _keys.AsSpan(0, _rowCount).BinarySearch(bottom);
        var firstAtOrBelow = index >= 0 ? index : ~index;
        return Math.Max(firstRow, firstAtOrBelow - 1);
    }
}
