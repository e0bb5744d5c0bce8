using System.Collections.Immutable;
using System.Globalization;

namespace Renderer.Sandbox.Writers.Charts;

/// <summary>
/// Where a native chart's data sits in a workbook, as the formulas its chart part refers to (<c>c:f</c>): the category
/// labels, and per series the cell of its name and the cells of its values, one per category. With them the series are
/// <c>c:strRef</c> / <c>c:numRef</c> over those cells (their values written along as caches), so the chart follows
/// edits to the cells; without, <see cref="OfficeChartXml"/> writes literals.
/// </summary>
internal sealed record OfficeChartRanges(string Categories, ImmutableArray<string> SeriesNames, ImmutableArray<string> SeriesValues)
{
    /// <summary>
    /// The ranges of a block laid out category by series on the sheet <paramref name="sheet"/> names as a formula does
    /// (see <see cref="Quote"/>): the series names in row <paramref name="headerRow"/> (1-based) from column B, the
    /// categories in column A below it, each series' values in its column below its name.
    /// </summary>
    public static OfficeChartRanges Block(string sheet, int headerRow, int categories, int series)
    {
        var first = headerRow + 1;
        var last = headerRow + categories;
        var names = ImmutableArray.CreateBuilder<string>(series);
        var values = ImmutableArray.CreateBuilder<string>(series);
        for (var s = 0; s < series; s++)
        {
            var column = OfficeChartWorkbook.Column(s + 1);
            names.Add($"{sheet}!${column}${Number(headerRow)}");
            values.Add($"{sheet}!${column}${Number(first)}:${column}${Number(last)}");
        }

        return new OfficeChartRanges($"{sheet}!$A${Number(first)}:$A${Number(last)}", names.MoveToImmutable(), values.MoveToImmutable());
    }

    /// <summary>A sheet name as a formula writes it: in apostrophes, its own apostrophes doubled.</summary>
    public static string Quote(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
