using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>The rows and columns an item covers in a <see cref="DocxGrid"/> (0-based, inclusive).</summary>
internal readonly record struct CellSpan(int FirstRow, int LastRow, int FirstColumn, int LastColumn);

internal enum Side
{
    Top,
    Left,
    Bottom,
    Right,
}

/// <summary>
/// The cells of a <see cref="DocxGrid"/> table: which placed item owns each cell, and the fill and four borders painted on
/// it by rectangles, item boxes and lines.
/// </summary>
internal sealed class CellGrid
{
    private readonly int[] _owners;
    private readonly Rgba[] _fills;
    private readonly BorderSide[] _borders;

    public CellGrid(int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
        _owners = new int[rows * columns];
        Array.Fill(_owners, -1);
        _fills = new Rgba[rows * columns];
        _borders = new BorderSide[rows * columns * 4];
    }

    public int Rows { get; }

    public int Columns { get; }

    public int Owner(int row, int column) => _owners[(row * Columns) + column];

    public Rgba Fill(int row, int column) => _fills[(row * Columns) + column];

    public BorderSide Border(int row, int column, Side side) => _borders[((row * Columns) + column) * 4 + (int)side];

    /// <summary>True when the cell has no fill and no border (it may merge with its empty neighbours).</summary>
    public bool IsPlain(int row, int column)
    {
        var cell = (row * Columns) + column;
        if (!_fills[cell].IsTransparent) return false;
        for (var s = 0; s < 4; s++)
        {
            if (_borders[(cell * 4) + s].IsVisible) return false;
        }

        return true;
    }

    /// <summary>
    /// Twips to take off row <paramref name="row"/>'s exact height for its borders: LibreOffice lays an exact-height row
    /// out that much taller (half its top and bottom borders), so the rows of a page would no longer fit it.
    /// </summary>
    public int BorderAllowance(int row)
    {
        double widest = 0;
        for (var c = 0; c < Columns; c++)
        {
            var top = Border(row, c, Side.Top);
            var bottom = Border(row, c, Side.Bottom);
            widest = Math.Max(widest, ((top.IsVisible ? top.Width : 0) + (bottom.IsVisible ? bottom.Width : 0)) / 2);
        }

        return (int)Math.Round(widest * 20);
    }

    public bool IsFree(CellSpan span)
    {
        for (var r = span.FirstRow; r <= span.LastRow; r++)
        {
            for (var c = span.FirstColumn; c <= span.LastColumn; c++)
            {
                if (Owner(r, c) >= 0) return false;
            }
        }

        return true;
    }

    public void Take(CellSpan span, int owner)
    {
        for (var r = span.FirstRow; r <= span.LastRow; r++)
        {
            for (var c = span.FirstColumn; c <= span.LastColumn; c++)
            {
                _owners[(r * Columns) + c] = owner;
            }
        }
    }

    /// <summary>Paints a box: its fill on every covered cell, its borders on the cells along its edges.</summary>
    public void Paint(CellSpan span, BoxStyle box)
    {
        for (var r = span.FirstRow; r <= span.LastRow; r++)
        {
            for (var c = span.FirstColumn; c <= span.LastColumn; c++)
            {
                if (!box.Background.IsTransparent) _fills[(r * Columns) + c] = box.Background;
                if (r == span.FirstRow) Set(r, c, Side.Top, box.Top);
                if (r == span.LastRow) Set(r, c, Side.Bottom, box.Bottom);
                if (c == span.FirstColumn) Set(r, c, Side.Left, box.Left);
                if (c == span.LastColumn) Set(r, c, Side.Right, box.Right);
            }
        }
    }

    /// <summary>A horizontal or vertical line as the border of the cells along it (slanted lines are left out).</summary>
    public void Line(LineItem line, int[] rowEdges, int[] columnEdges)
    {
        var b = line.Bounds;
        if (Math.Abs(b.Height) < 0.5)
        {
            var edge = DocxGrid.Nearest(rowEdges, DocxGrid.Twips(b.Y));
            var first = DocxGrid.Nearest(columnEdges, DocxGrid.Twips(Math.Min(b.X, b.Right)));
            var last = DocxGrid.Nearest(columnEdges, DocxGrid.Twips(Math.Max(b.X, b.Right))) - 1;
            for (var c = Math.Max(0, first); c <= Math.Min(last, Columns - 1); c++)
            {
                if (edge < Rows) Set(edge, c, Side.Top, line.Stroke);
                else Set(Rows - 1, c, Side.Bottom, line.Stroke);
            }
        }
        else if (Math.Abs(b.Width) < 0.5)
        {
            var edge = DocxGrid.Nearest(columnEdges, DocxGrid.Twips(b.X));
            var first = DocxGrid.Nearest(rowEdges, DocxGrid.Twips(Math.Min(b.Y, b.Bottom)));
            var last = DocxGrid.Nearest(rowEdges, DocxGrid.Twips(Math.Max(b.Y, b.Bottom))) - 1;
            for (var r = Math.Max(0, first); r <= Math.Min(last, Rows - 1); r++)
            {
                if (edge < Columns) Set(r, edge, Side.Left, line.Stroke);
                else Set(r, Columns - 1, Side.Right, line.Stroke);
            }
        }
    }

    private void Set(int row, int column, Side side, BorderSide border)
    {
        if (border.IsVisible) _borders[(((row * Columns) + column) * 4) + (int)side] = border;
    }
}
