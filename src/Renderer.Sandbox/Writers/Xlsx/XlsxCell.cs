namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>What occupies a cell of the row being assembled.</summary>
internal enum CellOccupancy : byte
{
    Empty,

    /// <summary>Fill/border of a rectangle; a text item or a rectangle painted later may take the cell.</summary>
    Background,

    /// <summary>Top-left cell of a text item: holds its value.</summary>
    Anchor,

    /// <summary>Part of a text item's merged range other than its top-left cell: style only.</summary>
    Covered,
}

/// <summary>One cell of a row being assembled: its value, cell format index and who owns it.</summary>
internal struct XlsxCell
{
    public ExcelCellValue Value;
    public uint Style;
    public CellOccupancy Occupancy;

    /// <summary>Paint order of the owning item on its page (later items paint over earlier ones).</summary>
    public int PaintOrder;

    /// <summary>True when the cell must be written: it has a value or a non-default style.</summary>
    public readonly bool HasContent => Occupancy != CellOccupancy.Empty && (Style != 0 || !Value.IsBlank);
}

/// <summary>A merged range, 0-based and inclusive, in sheet coordinates.</summary>
internal readonly record struct MergeRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn);
