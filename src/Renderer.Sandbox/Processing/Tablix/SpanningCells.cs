using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing.Tablix;

/// <summary>
/// Writes a header cell that covers several output rows: the content goes in the first row (without its bottom
/// border), each further row gets a blank continuation with the same background and side borders (the last one keeps
/// the bottom border). Rows stay independent bands, so a spanned header can break across pages.
/// </summary>
internal static class SpanningCells
{
    public static void Place(IReadOnlyList<CellInstance?[]> rows, int firstRow, int rowCount, int column, int columnSpan, ItemInstance content)
    {
        if (rowCount <= 0 || firstRow >= rows.Count || column >= rows[firstRow].Length) return;
        columnSpan = Math.Max(1, Math.Min(columnSpan, rows[firstRow].Length - column));
        int last = Math.Min(rows.Count, firstRow + rowCount) - 1;
        rows[firstRow][column] = new CellInstance(column, columnSpan, last > firstRow ? WithBorders(content, keepTop: true, keepBottom: false) : content);
        for (int r = firstRow + 1; r <= last; r++)
            if (Blank(content, keepBottom: r == last) is { } blank)
                rows[r][column] = new CellInstance(column, columnSpan, blank) { IsContinuation = true };
    }

    private static ItemInstance? Blank(ItemInstance content, bool keepBottom) => content switch
    {
        TextboxInstance t => WithBorders(t with { Text = string.Empty, Value = null }, keepTop: false, keepBottom),
        RectangleInstance r => WithBorders(r with { Items = [] }, keepTop: false, keepBottom),
        _ => null,
    };

    private static ItemInstance WithBorders(ItemInstance content, bool keepTop, bool keepBottom)
    {
        BoxStyle Trim(BoxStyle box) => box with
        {
            Top = keepTop ? box.Top : BorderSide.None,
            Bottom = keepBottom ? box.Bottom : BorderSide.None,
        };
        return content switch
        {
            TextboxInstance t => t with { Style = t.Style with { Box = Trim(t.Style.Box) } },
            RectangleInstance r => r with { Box = Trim(r.Box) },
            _ => content,
        };
    }
}
