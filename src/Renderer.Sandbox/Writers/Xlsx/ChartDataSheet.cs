using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Charts;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// The worksheet holding the data of the workbook's native charts, which refer to its cells (<see cref="OfficeChartRanges"/>),
/// so editing a number there redraws the chart. One block per chart, in the order the charts are written: a heading naming
/// the chart and the sheet it sits on, a row with the series names (column A: the category axis title), then one row per
/// category, its label in column A and each series' value in the series' column, as a number (no value: an empty cell;
/// a scatter series with X values has them in a column of their own before its Y values); an empty row between blocks. The sheet is visible and comes last: it is where a user looks for the numbers behind
/// a chart, as with a chart made in Excel from a range.
/// </summary>
internal sealed class ChartDataSheet(string name)
{
    /// <summary>The sheet's name when no report page takes it.</summary>
    public const string DefaultName = "Chart Data";

    private const double RowHeight = 15;
    private const double LabelColumnWidth = 28;
    private const double ValueColumnWidth = 14;

    private readonly List<(string Heading, NativeChart Chart, int HeaderRow)> _blocks = [];
    private int _nextRow = 1;

    /// <summary>The sheet's name, unique in the workbook.</summary>
    public string Name => name;

    /// <summary>
    /// Reserves a block for <paramref name="chart"/> (named <paramref name="chartName"/>, on sheet <paramref name="sheetName"/>)
    /// and returns the formulas of its cells; null when the chart's data does not fit the layout (see
    /// <see cref="OfficeChartRanges.Fits"/>) or the sheet's rows or columns: the chart then keeps its values as literals.
    /// </summary>
    public OfficeChartRanges? Add(NativeChart chart, string chartName, string sheetName)
    {
        if (!OfficeChartRanges.Fits(chart) || Columns(chart) > SheetGrid.MaxColumns) return null;
        var headerRow = _nextRow + 1;
        var last = (long)headerRow + OfficeChartRanges.Rows(chart);
        if (last > WorksheetWriter.MaxRows) return null;
        var heading = chart.Title is { Length: > 0 } title ? $"{chartName}: {title.Replace('\n', ' ')}" : chartName;
        _blocks.Add(($"{heading} (sheet {sheetName})", chart, headerRow));
        _nextRow = (int)last + 2;
        return OfficeChartRanges.Block(OfficeChartRanges.Quote(name), headerRow, chart);
    }

    /// <summary>Writes the sheet: every block reserved with <see cref="Add"/>.</summary>
    public void Write(Stream part, StylesheetBuilder styles, SharedStrings sharedStrings)
    {
        var columns = Math.Max(2, _blocks.Count == 0 ? 0 : _blocks.Max(b => Columns(b.Chart)));
        var widths = new double[columns];
        for (var c = 0; c < columns; c++) widths[c] = c == 0 ? LabelColumnWidth : ValueColumnWidth;
        var bold = styles.GetStyleIndex(TextStyle.Default with { Bold = true }, BoxStyle.None, null, false);
        using var sheet = new WorksheetWriter(part, sharedStrings, columns);
        sheet.WriteStart(Math.Max(1, _nextRow - 2), widths);
        var cells = new XlsxCell[columns];
        foreach (var (heading, chart, headerRow) in _blocks)
        {
            Array.Clear(cells);
            cells[0] = Cell(ExcelCellValue.FromText(heading), bold);
            sheet.WriteRow(headerRow - 1, RowHeight, cells);
            var layout = OfficeChartRanges.Layout(chart);
            Array.Clear(cells);
            cells[0] = Cell(ExcelCellValue.FromText(chart.CategoryAxisTitle ?? string.Empty), bold);
            for (var s = 0; s < layout.Length; s++)
            {
                cells[layout[s].Values] = Cell(ExcelCellValue.FromText(chart.Series[s].Name), bold);
                if (layout[s].XValues >= 0) cells[layout[s].XValues] = Cell(ExcelCellValue.FromText(chart.Series[s].Name + " (X)"), bold);
            }

            sheet.WriteRow(headerRow, RowHeight, cells);
            var rows = OfficeChartRanges.Rows(chart);
            for (var r = 0; r < rows; r++)
            {
                Array.Clear(cells);
                if (r < chart.Categories.Length) cells[0] = Cell(ExcelCellValue.FromText(chart.Categories[r]), 0);
                for (var s = 0; s < layout.Length; s++)
                {
                    if (Number(chart.Series[s].Values, r) is { } value) cells[layout[s].Values] = value;
                    if (layout[s].XValues >= 0 && Number(chart.Series[s].XValues, r) is { } x) cells[layout[s].XValues] = x;
                }

                sheet.WriteRow(headerRow + 1 + r, RowHeight, cells);
            }
        }

        sheet.WriteEnd([]);
    }

    /// <summary>The sheet columns of a chart's block: column A and the series' columns.</summary>
    private static int Columns(NativeChart chart) => 1 + chart.Series.Sum(s => OfficeChartRanges.HasX(chart, s) ? 2 : 1);

    /// <summary>Value <paramref name="index"/> as a number cell; null when there is none (an empty cell).</summary>
    private static XlsxCell? Number(IReadOnlyList<double?> values, int index) =>
        index < values.Count && values[index] is { } value && double.IsFinite(value) ? Cell(ExcelCellValue.FromNumber(value), 0) : null;

    private static XlsxCell Cell(ExcelCellValue value, uint style) => new() { Value = value, Style = style, Occupancy = CellOccupancy.Anchor };
}
