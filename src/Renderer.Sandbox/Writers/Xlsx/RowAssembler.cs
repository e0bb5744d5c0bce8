using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// Places a page's items into the cells of the rows being written. Only rows not yet written are kept (one cell array
/// per row, pooled, indexed by page row): an item is placed when its first row comes up, and the rows it spans below stay pending until
/// written. Text items own their cells (first come, first served; a text that would overlap another keeps only its
/// own top-left cell); rectangles only paint fill and outer borders into cells no text owns.
/// </summary>
internal sealed class RowAssembler
{
    private readonly StylesheetBuilder _styles;
    private readonly int _columns;
    private XlsxCell[]?[] _pending = new XlsxCell[]?[64];

    /// <summary>Page rows at or above this one hold no pending array.</summary>
    private int _pendingEnd;
    private readonly Stack<XlsxCell[]> _pool = new();
    private readonly List<MergeRange> _merges = [];
    private readonly uint?[] _rectangleStyles = new uint?[16];
    private readonly StyleMemo[] _lastStyleByColumn;
    private int _rowOffset;

    private readonly System.Globalization.CultureInfo? _culture;

    public RowAssembler(StylesheetBuilder styles, int columns, System.Globalization.CultureInfo? culture = null)
    {
        _culture = culture;
        _styles = styles;
        _columns = columns;
        _lastStyleByColumn = new StyleMemo[columns];
    }

    /// <summary>Merged ranges in sheet coordinates, in the order they were created.</summary>
    public IReadOnlyList<MergeRange> Merges => _merges;

    /// <summary>Text items dropped because their top-left cell was already taken by another text item.</summary>
    public int DroppedItems { get; private set; }

    /// <summary>Starts a page whose row 0 is sheet row <paramref name="sheetRowOffset"/> (0-based).</summary>
    public void BeginPage(int sheetRowOffset)
    {
        for (var r = 0; r < _pendingEnd; r++)
        {
            if (_pending[r] is { } row)
            {
                _pool.Push(row);
                _pending[r] = null;
            }
        }

        _pendingEnd = 0;
        _rowOffset = sheetRowOffset;
    }

    /// <summary>Places a text item; true when it got its top-left cell (so links may point at it).</summary>
    public bool PlaceText(TextItem item, int paintOrder, int firstRow, int lastRow, int firstColumn, int lastColumn)
    {
        var value = ExcelCellValue.FromItem(item);
        if (value.IsBlank && !HasVisibleBox(item.Box))
        {
            return false;
        }

        if (IsOwned(firstRow, firstColumn))
        {
            DroppedItems++;
            return false;
        }

        if (!IsFree(firstRow, lastRow, firstColumn, lastColumn))
        {
            lastRow = firstRow;
            lastColumn = firstColumn;
        }

        var wrap = value.Kind == ExcelValueKind.Text && ((!item.Lines.IsDefault && item.Lines.Length > 1) || value.Text!.Contains('\n'));
        var style = GetTextStyle(item, value.Kind, wrap, firstColumn);
        for (var r = firstRow; r <= lastRow; r++)
        {
            var cells = GetRow(r);
            for (var c = firstColumn; c <= lastColumn; c++)
            {
                var anchor = r == firstRow && c == firstColumn;
                cells[c] = new XlsxCell
                {
                    Value = anchor ? value : ExcelCellValue.Blank,
                    Style = style,
                    Occupancy = anchor ? CellOccupancy.Anchor : CellOccupancy.Covered,
                    PaintOrder = paintOrder,
                };
            }
        }

        if (lastRow > firstRow || lastColumn > firstColumn)
        {
            _merges.Add(new MergeRange(_rowOffset + firstRow, firstColumn, _rowOffset + lastRow, lastColumn));
        }

        return true;
    }

    public void PlaceRectangle(RectangleItem item, int paintOrder, int firstRow, int lastRow, int firstColumn, int lastColumn)
    {
        if (!HasVisibleBox(item.Box))
        {
            return;
        }

        Array.Clear(_rectangleStyles);
        for (var r = firstRow; r <= lastRow; r++)
        {
            var cells = GetRow(r);
            for (var c = firstColumn; c <= lastColumn; c++)
            {
                ref var cell = ref cells[c];
                var paints = cell.Occupancy == CellOccupancy.Empty
                    || (cell.Occupancy == CellOccupancy.Background && cell.PaintOrder < paintOrder);
                if (!paints)
                {
                    continue;
                }

                // Only the rectangle's outer edges have borders: pick the variant for this cell's position.
                var position = (r == firstRow ? 1 : 0) | (r == lastRow ? 2 : 0) | (c == firstColumn ? 4 : 0) | (c == lastColumn ? 8 : 0);
                var style = _rectangleStyles[position] ??= _styles.GetStyleIndex(null, EdgeBox(item.Box, position), null, false);
                cell = new XlsxCell { Style = style, Occupancy = CellOccupancy.Background, PaintOrder = paintOrder };
            }
        }
    }

    /// <summary>Removes and returns the cells of page row <paramref name="row"/> (null if nothing was placed in it).</summary>
    public XlsxCell[]? TakeRow(int row)
    {
        if ((uint)row >= (uint)_pendingEnd)
        {
            return null;
        }

        var cells = _pending[row];
        _pending[row] = null;
        return cells;
    }

    /// <summary>Gives a row array from <see cref="TakeRow"/> back for reuse once it is written.</summary>
    public void Return(XlsxCell[] cells) => _pool.Push(cells);

    /// <summary>
    /// The cell format of a text item. Table columns repeat the same style objects row after row, so the last style of
    /// each column is remembered by reference; only a miss translates the format and hashes the styles.
    /// </summary>
    private uint GetTextStyle(TextItem item, ExcelValueKind kind, bool wrap, int column)
    {
        ref var memo = ref _lastStyleByColumn[column];
        if (ReferenceEquals(memo.Text, item.Style) && ReferenceEquals(memo.Box, item.Box) && ReferenceEquals(memo.Format, item.Format)
            && memo.Kind == kind && memo.Wrap == wrap)
        {
            return memo.Style;
        }

        var format = ExcelNumberFormat.FromDotNet(item.Format, kind, _culture);
        var style = _styles.GetStyleIndex(item.Style, item.Box, format, wrap);
        memo = new StyleMemo(item.Style, item.Box, item.Format, kind, wrap, style);
        return style;
    }

    private static bool HasVisibleBox(BoxStyle box)
        => !box.Background.IsTransparent || box.Left.IsVisible || box.Top.IsVisible || box.Right.IsVisible || box.Bottom.IsVisible;

    private static BoxStyle EdgeBox(BoxStyle box, int position) => box with
    {
        Top = (position & 1) != 0 ? box.Top : BorderSide.None,
        Bottom = (position & 2) != 0 ? box.Bottom : BorderSide.None,
        Left = (position & 4) != 0 ? box.Left : BorderSide.None,
        Right = (position & 8) != 0 ? box.Right : BorderSide.None,
        Padding = Padding.None,
    };

    private bool IsOwned(int row, int column)
        => (uint)row < (uint)_pendingEnd && _pending[row] is { } cells && cells[column].Occupancy is CellOccupancy.Anchor or CellOccupancy.Covered;

    private bool IsFree(int firstRow, int lastRow, int firstColumn, int lastColumn)
    {
        for (var r = firstRow; r <= lastRow; r++)
        {
            for (var c = firstColumn; c <= lastColumn; c++)
            {
                if (IsOwned(r, c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private XlsxCell[] GetRow(int row)
    {
        if (row >= _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(row + 1, _pending.Length * 2));
        }

        var cells = _pending[row];
        if (cells is null)
        {
            if (_pool.TryPop(out cells))
            {
                Array.Clear(cells);
            }
            else
            {
                cells = new XlsxCell[_columns];
            }

            _pending[row] = cells;
            _pendingEnd = Math.Max(_pendingEnd, row + 1);
        }

        return cells;
    }

    private readonly record struct StyleMemo(TextStyle? Text, BoxStyle? Box, string? Format, ExcelValueKind Kind, bool Wrap, uint Style);
}
