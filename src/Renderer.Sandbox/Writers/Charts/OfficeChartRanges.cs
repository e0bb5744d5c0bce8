using System.Collections.Immutable;
using System.Globalization;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Charts;

/// <summary>
/// Where a native chart's data sits in a workbook, as the formulas its chart part refers to (<c>c:f</c>): the category
/// labels, and per series the cell of its name, the cells of its values and, for a scatter series with X values, the
/// cells of those (null: the series' X are the categories). With them the series are <c>c:strRef</c> / <c>c:numRef</c>
/// over those cells (their values written along as caches), so the chart follows edits to the cells; without,
/// <see cref="OfficeChartXml"/> writes literals.
/// </summary>
internal sealed record OfficeChartRanges(string Categories, ImmutableArray<string> SeriesNames, ImmutableArray<string> SeriesValues, ImmutableArray<string?> SeriesXValues)
{
    /// <summary>
    /// Where a chart's data goes in a block laid out category by series (see <see cref="Layout"/>): per series the
    /// 0-based column of its values (its name above them) and of its X values (-1: none).
    /// </summary>
    public readonly record struct SeriesColumns(int Values, int XValues);

    /// <summary>
    /// True when the chart's data fits a block: at least one category, every series one value per category, a scatter
    /// series with X values one per value (it may have its own number of points).
    /// </summary>
    public static bool Fits(NativeChart chart) => chart.Series.Length > 0 && chart.Series.All(s => HasX(chart, s)
        ? s.Values.Length > 0 && s.XValues.Length == s.Values.Length
        : chart.Categories.Length > 0 && s.Values.Length == chart.Categories.Length);

    /// <summary>True for a scatter series with X values of its own (written in a column before its Y values).</summary>
    public static bool HasX(NativeChart chart, NativeChartSeries series) => chart.Kind == NativeChartKind.Scatter && series.XValues.Any(x => x is not null);

    /// <summary>The columns of the chart's series: from column B, one per series, two (X then Y) for a scatter series with X values.</summary>
    public static ImmutableArray<SeriesColumns> Layout(NativeChart chart)
    {
        var columns = ImmutableArray.CreateBuilder<SeriesColumns>(chart.Series.Length);
        var next = 1;
        foreach (var series in chart.Series)
        {
            var x = HasX(chart, series) ? next++ : -1;
            columns.Add(new SeriesColumns(next++, x));
        }

        return columns.MoveToImmutable();
    }

    /// <summary>The rows a block's data takes below its header row: the longest of the categories and the series.</summary>
    public static int Rows(NativeChart chart) => Math.Max(chart.Categories.Length, chart.Series.Max(s => s.Values.Length));

    /// <summary>
    /// The ranges of <paramref name="chart"/>'s block on the sheet <paramref name="sheet"/> names as a formula does
    /// (see <see cref="Quote"/>): the series names in row <paramref name="headerRow"/> (1-based), the categories in
    /// column A below it, each series' values (and X values) in its columns (<see cref="Layout"/>) below its name.
    /// </summary>
    public static OfficeChartRanges Block(string sheet, int headerRow, NativeChart chart)
    {
        var first = headerRow + 1;
        var layout = Layout(chart);
        var names = ImmutableArray.CreateBuilder<string>(layout.Length);
        var values = ImmutableArray.CreateBuilder<string>(layout.Length);
        var xValues = ImmutableArray.CreateBuilder<string?>(layout.Length);
        for (var s = 0; s < layout.Length; s++)
        {
            var last = first + chart.Series[s].Values.Length - 1;
            names.Add($"{sheet}!{Cell(layout[s].Values, headerRow)}");
            values.Add($"{sheet}!{Cell(layout[s].Values, first)}:{Cell(layout[s].Values, last)}");
            xValues.Add(layout[s].XValues < 0 ? null : $"{sheet}!{Cell(layout[s].XValues, first)}:{Cell(layout[s].XValues, last)}");
        }

        var categories = $"{sheet}!{Cell(0, first)}:{Cell(0, first + Math.Max(1, chart.Categories.Length) - 1)}";
        return new OfficeChartRanges(categories, names.MoveToImmutable(), values.MoveToImmutable(), xValues.MoveToImmutable());
    }

    /// <summary>A sheet name as a formula writes it: in apostrophes, its own apostrophes doubled.</summary>
    public static string Quote(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Cell(int column, int row) => "$" + OfficeChartWorkbook.Column(column) + "$" + row.ToString(CultureInfo.InvariantCulture);
}
