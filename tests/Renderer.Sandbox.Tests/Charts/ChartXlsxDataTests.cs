using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Renderer.Sandbox.Pages;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>
/// The data of native Excel charts lives in cells: a "Chart Data" sheet after the report's sheets holds each chart's
/// categories, series names and values (numbers as numbers), and the chart's series refer to those cells (<c>c:f</c>)
/// with the values as caches, so editing a number in the workbook changes the chart.
/// </summary>
public partial class ChartXlsxDataTests
{
    [TestCase("Column", "Plain", true)]
    [TestCase("Line", "Plain", true)]
    [TestCase("Area", "Stacked", true)]
    [TestCase("Bar", "Plain", true)]
    [TestCase("Shape", "Pie", false)]
    [TestCase("Shape", "Doughnut", false)]
    public void Each_series_refers_to_typed_cells_holding_its_name_categories_and_numbers(string type, string subtype, bool seriesGroup)
    {
        var run = ChartRun.Render(ChartRdl.Modern(type, subtype, seriesGroup), ChartRdl.Columns, ChartRdl.Rows);
        var native = run.ChartItem("Sales").Native!;

        using var book = ChartXlsxTests.Write(run.Document);

        var sheets = book.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().ToList();
        Assert.That(sheets.Select(s => s.Name!.Value), Is.EqualTo(new[] { "Chart", "Chart Data" }), "the data sheet comes last");
        Assert.That(sheets[^1].State, Is.Null, "the data sheet is visible");
        var series = SeriesOf(book);
        Assert.That(series, Has.Count.EqualTo(native.Series.Length));
        for (var s = 0; s < series.Count; s++)
        {
            var name = series[s].GetFirstChild<C.SeriesText>()!.Descendants<C.Formula>().Single().Text;
            var categories = series[s].GetFirstChild<C.CategoryAxisData>()!.Descendants<C.Formula>().Single().Text;
            var values = series[s].GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text;
            Assert.That(values, Does.StartWith("'Chart Data'!$"));
            Assert.That(Cells(book, name), Is.EqualTo(new object?[] { native.Series[s].Name }), "series name");
            Assert.That(Cells(book, categories), Is.EqualTo(native.Categories.Cast<object?>()), "categories");
            Assert.That(Cells(book, values), Is.EqualTo(native.Series[s].Values.Select(v => (object?)v)), "values, typed as numbers");
            Assert.That(ChartXlsxTests.Values(series[s].GetFirstChild<C.Values>()!), Is.EqualTo(native.Series[s].Values), "the cache holds the same numbers");
            Assert.That(ChartXlsxTests.Categories(series[s]), Is.EqualTo(native.Categories), "the category cache");
        }

        Assert.That(native.Series.SelectMany(x => x.Values).Count(v => v is not null), Is.GreaterThan(2));
    }

    [Test]
    public void The_column_chart_reads_its_data_from_a_block_headed_with_the_chart_name()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);

        using var book = ChartXlsxTests.Write(run.Document);

        var series = SeriesOf(book);
        Assert.That(series[0].GetFirstChild<C.SeriesText>()!.Descendants<C.Formula>().Single().Text, Is.EqualTo("'Chart Data'!$B$2"));
        Assert.That(series[1].GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text, Is.EqualTo("'Chart Data'!$C$3:$C$5"));
        Assert.That(series[1].GetFirstChild<C.CategoryAxisData>()!.Descendants<C.Formula>().Single().Text, Is.EqualTo("'Chart Data'!$A$3:$A$5"));
        Assert.That(Cells(book, "'Chart Data'!$A$1"), Is.EqualTo(new object?[] { "Sales: Sales by region (sheet Chart)" }));
        Assert.That(Cells(book, "'Chart Data'!$A$2:$C$2"), Is.EqualTo(new object?[] { "Region", "2023", "2024" }));
        // East 2023 is 10 + 5; West has no 2023 row: an empty cell.
        Assert.That(Cells(book, "'Chart Data'!$B$3:$B$5"), Is.EqualTo(new object?[] { 15.0, 40.0, null }));
    }

    [Test]
    public void Two_charts_get_blocks_of_their_own_one_below_the_other()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);
        var page = run.Document.Pages[0];
        var chart = page.Items.OfType<ChartItem>().Single();
        var pie = ChartRun.Render(ChartRdl.Modern("Shape", "Pie", seriesGroup: false), ChartRdl.Columns, ChartRdl.Rows).ChartItem("Sales");
        var second = pie with { Bounds = chart.Bounds with { Y = chart.Bounds.Bottom + 20 }, Name = "Share" };
        var document = run.Document with { Pages = [page with { Height = page.Height + 300, Items = [.. page.Items, second] }] };

        using var book = ChartXlsxTests.Write(document);

        var pieSeries = SeriesOf(book).Single(s => s is C.PieChartSeries);
        // The first block takes rows 1 to 5, then an empty row; the pie's heading is row 7, its names row 8.
        Assert.That(pieSeries.GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text, Is.EqualTo("'Chart Data'!$B$9:$B$11"));
        Assert.That(Cells(book, "'Chart Data'!$A$7"), Is.EqualTo(new object?[] { "Share: Sales by region (sheet Chart)" }));
        Assert.That(Cells(book, "'Chart Data'!$B$9:$B$11"), Is.EqualTo(new object?[] { 35.0, 70.0, 25.0 }));
    }

    [Test]
    public void The_data_sheet_takes_a_name_no_report_sheet_has()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);

        using var book = ChartXlsxTests.Write(run.Document with { Title = "Chart Data" });

        var names = book.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.That(names, Is.EqualTo(new[] { "Chart Data", "Chart Data (2)" }));
        var values = SeriesOf(book)[0].GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text;
        Assert.That(values, Is.EqualTo("'Chart Data (2)'!$B$3:$B$5"));
        Assert.That(Cells(book, values), Is.EqualTo(new object?[] { 15.0, 40.0, null }));
    }

    [Test]
    public void A_scatter_without_x_values_refers_to_its_categories_and_y_value_cells()
    {
        var run = ChartRun.Render(ChartRdl.Modern("Scatter"), ChartRdl.Columns, ChartRdl.Rows);
        var native = run.ChartItem("Sales").Native!;

        using var book = ChartXlsxTests.Write(run.Document);

        var series = SeriesOf(book);
        Assert.That(series, Has.Count.EqualTo(2));
        for (var s = 0; s < series.Count; s++)
        {
            Assert.That(Cells(book, series[s].GetFirstChild<C.XValues>()!.Descendants<C.Formula>().Single().Text), Is.EqualTo(native.Categories.Cast<object?>()));
            Assert.That(Cells(book, series[s].GetFirstChild<C.YValues>()!.Descendants<C.Formula>().Single().Text), Is.EqualTo(native.Series[s].Values.Select(v => (object?)v)));
        }
    }

    [Test]
    public void A_scatter_series_with_x_values_has_an_x_column_and_a_y_column_of_its_own()
    {
        var chart = new NativeChart(NativeChartKind.Scatter, NativeChartGrouping.Standard, [], [
            new NativeChartSeries("Height", new Rgba(0, 0, 255), [1.5, 2.5, null]) { XValues = [10, 20, 30] },
            new NativeChartSeries("Weight", new Rgba(255, 0, 0), [7, 8]) { XValues = [1, 2] },
        ]);
        var item = new ChartItem(new Bounds(0, 0, 200, 150), PageRegion.Body, "Points", []) { Native = chart };
        var document = new PaginatedDocument("Scatter", [new Renderer.Sandbox.Pages.Page(1, 300, 300, [item])]);

        using var book = ChartXlsxTests.Write(document);

        var series = SeriesOf(book);
        string Formula<T>(int s) where T : DocumentFormat.OpenXml.OpenXmlElement => series[s].GetFirstChild<T>()!.Descendants<C.Formula>().Single().Text;
        Assert.That(Formula<C.XValues>(0), Is.EqualTo("'Chart Data'!$B$3:$B$5"));
        Assert.That(Formula<C.YValues>(0), Is.EqualTo("'Chart Data'!$C$3:$C$5"));
        Assert.That(Formula<C.XValues>(1), Is.EqualTo("'Chart Data'!$D$3:$D$4"));
        Assert.That(Cells(book, Formula<C.XValues>(0)), Is.EqualTo(new object?[] { 10.0, 20.0, 30.0 }));
        Assert.That(Cells(book, Formula<C.YValues>(0)), Is.EqualTo(new object?[] { 1.5, 2.5, null }));
        Assert.That(Cells(book, Formula<C.YValues>(1)), Is.EqualTo(new object?[] { 7.0, 8.0 }));
        Assert.That(Cells(book, "'Chart Data'!$B$2:$E$2"), Is.EqualTo(new object?[] { "Height (X)", "Height", "Weight (X)", "Weight" }));
    }

    private static List<DocumentFormat.OpenXml.OpenXmlElement> SeriesOf(SpreadsheetDocument book) =>
        [.. ChartXlsxTests.ChartSheet(book).DrawingsPart!.ChartParts.SelectMany(p => p.ChartSpace!.Descendants<C.PlotArea>().Single().Descendants().Where(e => e.LocalName == "ser"))];

    /// <summary>The values of the cells a formula names, in order: text as strings, numbers as doubles, empty cells as null.</summary>
    private static List<object?> Cells(SpreadsheetDocument book, string formula)
    {
        var match = Reference().Match(formula);
        Assert.That(match.Success, formula);
        var sheetName = match.Groups["sheet"].Value.Replace("''", "'", StringComparison.Ordinal);
        var workbook = book.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var cells = part.Worksheet!.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var firstColumn = Column(match.Groups["c1"].Value);
        var lastColumn = match.Groups["c2"].Success ? Column(match.Groups["c2"].Value) : firstColumn;
        var firstRow = int.Parse(match.Groups["r1"].Value, CultureInfo.InvariantCulture);
        var lastRow = match.Groups["r2"].Success ? int.Parse(match.Groups["r2"].Value, CultureInfo.InvariantCulture) : firstRow;
        var result = new List<object?>();
        for (var row = firstRow; row <= lastRow; row++)
        {
            for (var column = firstColumn; column <= lastColumn; column++)
            {
                if (!cells.TryGetValue(ColumnName(column) + row.ToString(CultureInfo.InvariantCulture), out var cell) || cell.CellValue is null)
                {
                    result.Add(null);
                }
                else if (cell.DataType?.Value == CellValues.SharedString)
                {
                    result.Add(strings[int.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture)]);
                }
                else
                {
                    Assert.That(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{cell.CellReference} is a number");
                    result.Add(double.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture));
                }
            }
        }

        return result;
    }

    private static int Column(string letters) => letters.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));

    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    [GeneratedRegex(@"^'(?<sheet>(?:[^']|'')+)'!\$(?<c1>[A-Z]+)\$(?<r1>\d+)(?::\$(?<c2>[A-Z]+)\$(?<r2>\d+))?$")]
    private static partial Regex Reference();
}
