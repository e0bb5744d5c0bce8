using System.Collections.Immutable;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Tests.Writers;
using Renderer.Sandbox.Writers.Xlsx;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>
/// Charts in XLSX: column, bar, line, area, pie, doughnut and scatter charts are native Excel charts (a chart part with the
/// series values and categories; see <see cref="ChartXlsxDataTests"/> for the cells they refer to); other charts stay pictures.
/// </summary>
public class ChartXlsxTests
{
    [Test]
    public void A_chart_Excel_cannot_draw_alike_is_a_picture_anchored_at_its_cell()
    {
        // A stepped line has no native Excel counterpart.
        var run = ChartRun.Render(ChartRdl.Modern("Line", "Stepped"), ChartRdl.Columns, ChartRdl.Rows);
        var page = run.Document.Pages[0];
        // A textbox above the chart: the chart starts on the second sheet row.
        var title = new TextItem(new Bounds(20, 10, 100, 10), PageRegion.Body, "Report", "Report", null, TextStyle.Default, BoxStyle.None, []);
        var document = run.Document with { Pages = [page with { Items = [title, .. page.Items] }] };
        using var output = new MemoryStream(OfficeOutput.Xlsx(document));

        using var book = SpreadsheetDocument.Open(output, false);
        var errors = new OpenXmlValidator().Validate(book).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty);
        var sheet = book.WorkbookPart!.WorksheetParts.Single();
        var drawing = sheet.DrawingsPart;
        Assert.That(drawing, Is.Not.Null);
        var anchor = drawing!.WorksheetDrawing!.Elements<Xdr.OneCellAnchor>().Single();
        Assert.That(anchor.FromMarker!.RowId!.Text, Is.EqualTo("1"));
        Assert.That(anchor.FromMarker!.ColumnId!.Text, Is.EqualTo("0"));
        Assert.That(anchor.Extent!.Cx!.Value, Is.EqualTo(360 * 12700));
        var image = drawing.ImageParts.Single();
        Assert.That(image.ContentType, Is.EqualTo("image/png"));
        using var png = image.GetStream();
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.That(bitmap.Width, Is.EqualTo(720));
    }

    [Test]
    public void A_column_chart_is_a_native_Excel_chart_with_its_series_values_and_categories()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);

        using var book = Write(run.Document);

        var drawing = ChartSheet(book).DrawingsPart!;
        Assert.That(drawing.ImageParts, Is.Empty, "no picture");
        var anchor = drawing.WorksheetDrawing!.Elements<Xdr.OneCellAnchor>().Single();
        Assert.That(anchor.Extent!.Cx!.Value, Is.EqualTo(360 * 12700));
        Assert.That(anchor.GetFirstChild<Xdr.GraphicFrame>(), Is.Not.Null);
        var chart = drawing.ChartParts.Single().ChartSpace!;
        var bars = chart.Descendants<C.BarChart>().Single();
        Assert.That(bars.BarDirection!.Val!.Value, Is.EqualTo(C.BarDirectionValues.Column));
        Assert.That(Title(chart), Is.EqualTo("Sales by region"));
        var series = bars.Elements<C.BarChartSeries>().ToList();
        Assert.That(series.Select(s => s.SeriesText!.Descendants<C.StringPoint>().Single().InnerText), Is.EqualTo(new[] { "2023", "2024" }));
        Assert.That(Categories(series[0]), Is.EqualTo(new[] { "East", "North", "West" }));
        // East 2023 is 10 + 5; West has no 2023 row.
        Assert.That(Values(series[0].GetFirstChild<C.Values>()!), Is.EqualTo(new double?[] { 15, 40, null }));
        Assert.That(Values(series[1].GetFirstChild<C.Values>()!), Is.EqualTo(new double?[] { 20, 30, 25 }));
        Assert.That(chart.Descendants<C.CategoryAxis>().Single().Descendants<DocumentFormat.OpenXml.Drawing.Text>().Single().Text, Is.EqualTo("Region"));
        Assert.That(series.Select(s => s.GetFirstChild<C.DataLabels>()?.GetFirstChild<C.ShowValue>()?.Val?.Value), Has.All.True, "the data labels are shown");
    }

    [Test]
    public void A_bar_chart_lists_its_categories_top_to_bottom_as_the_picture_does()
    {
        var run = ChartRun.Render(ChartRdl.Modern("Bar"), ChartRdl.Columns, ChartRdl.Rows);

        using var book = Write(run.Document);

        var chart = ChartSheet(book).DrawingsPart!.ChartParts.Single().ChartSpace!;
        Assert.That(chart.Descendants<C.BarDirection>().Single().Val!.Value, Is.EqualTo(C.BarDirectionValues.Bar));
        var categoryAxis = chart.Descendants<C.CategoryAxis>().Single();
        Assert.That(categoryAxis.Descendants<C.Orientation>().Single().Val!.Value, Is.EqualTo(C.OrientationValues.MaxMin));
        Assert.That(chart.Descendants<C.ValueAxis>().Single().GetFirstChild<C.Crosses>()!.Val!.Value, Is.EqualTo(C.CrossesValues.Maximum), "the value axis stays at the bottom");
        if (Environment.GetEnvironmentVariable("CHART_XLSX_DIR") is { Length: > 0 } dir)
        {
            foreach (var (type, subtype) in new[] { ("Bar", "Plain"), ("Column", "Plain"), ("Line", "Smooth"), ("Area", "Stacked"), ("Scatter", "Plain"), ("Shape", "Pie") })
            {
                OfficeOutput.XlsxFile(ChartRun.Render(ChartRdl.Modern(type, subtype, seriesGroup: type != "Shape"), ChartRdl.Columns, ChartRdl.Rows).Document, Path.Combine(dir, $"{type}-{subtype}.xlsx"));
            }
        }
    }

    [TestCase("Bar", "Plain", typeof(C.BarChart))]
    [TestCase("Column", "Stacked", typeof(C.BarChart))]
    [TestCase("Line", "Plain", typeof(C.LineChart))]
    [TestCase("Line", "Smooth", typeof(C.LineChart))]
    [TestCase("Area", "PercentStacked", typeof(C.AreaChart))]
    [TestCase("Scatter", "Plain", typeof(C.ScatterChart))]
    public void Common_chart_types_are_native_charts(string type, string subtype, Type element)
    {
        var run = ChartRun.Render(ChartRdl.Modern(type, subtype), ChartRdl.Columns, ChartRdl.Rows);

        using var book = Write(run.Document);

        var chart = ChartSheet(book).DrawingsPart!.ChartParts.Single().ChartSpace!;
        var plot = chart.Descendants<C.PlotArea>().Single().ChildElements.Where(e => e.LocalName.EndsWith("Chart", StringComparison.Ordinal)).ToList();
        Assert.That(plot.Select(e => e.GetType()), Is.EqualTo(new[] { element }));
        Assert.That(plot[0].Elements().Count(e => e.LocalName == "ser"), Is.EqualTo(2));
    }

    [TestCase("Pie", typeof(C.PieChart))]
    [TestCase("Doughnut", typeof(C.DoughnutChart))]
    public void A_pie_is_a_native_chart_with_one_color_per_slice(string subtype, Type element)
    {
        var run = ChartRun.Render(ChartRdl.Modern("Shape", subtype, seriesGroup: false), ChartRdl.Columns, ChartRdl.Rows);

        using var book = Write(run.Document);

        var chart = ChartSheet(book).DrawingsPart!.ChartParts.Single().ChartSpace!;
        var pie = chart.Descendants<C.PlotArea>().Single().ChildElements.Single(e => e.GetType() == element);
        var series = pie.Elements().Single(e => e.LocalName == "ser");
        Assert.That(Categories(series), Is.EqualTo(new[] { "East", "North", "West" }));
        Assert.That(Values(series.GetFirstChild<C.Values>()!), Is.EqualTo(new double?[] { 35, 70, 25 }));
        Assert.That(series.Elements<C.DataPoint>().Count(), Is.EqualTo(3));
        Assert.That(chart.Descendants<C.CategoryAxis>(), Is.Empty, "a pie has no axes");
    }

    internal static SpreadsheetDocument Write(PaginatedDocument document)
    {
        var output = new MemoryStream(OfficeOutput.Xlsx(document));
        var book = SpreadsheetDocument.Open(output, false);
        var errors = new OpenXmlValidator().Validate(book).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
        return book;
    }

    /// <summary>The one worksheet with a drawing (a workbook with native charts also holds the sheet of their data).</summary>
    internal static WorksheetPart ChartSheet(SpreadsheetDocument book) => book.WorkbookPart!.WorksheetParts.Single(p => p.DrawingsPart is not null);

    internal static string Title(C.ChartSpace chart) =>
        string.Concat(chart.GetFirstChild<C.Chart>()!.GetFirstChild<C.Title>()!.Descendants<DocumentFormat.OpenXml.Drawing.Text>().Select(t => t.Text));

    internal static List<string> Categories(DocumentFormat.OpenXml.OpenXmlElement series) =>
        [.. series.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.StringPoint>().Select(p => p.NumericValue!.Text)];

    internal static List<double?> Values(DocumentFormat.OpenXml.OpenXmlElement values)
    {
        // A literal list, or the cache of a reference to cells.
        var literal = values.Descendants<C.NumberLiteral>().SingleOrDefault() as DocumentFormat.OpenXml.OpenXmlCompositeElement
            ?? values.Descendants<C.NumberingCache>().Single();
        var count = literal.GetFirstChild<C.PointCount>()!;
        var result = Enumerable.Repeat<double?>(null, (int)count.Val!.Value).ToList();
        foreach (var point in literal.Elements<C.NumericPoint>())
            result[(int)point.Index!.Value] = double.Parse(point.NumericValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }

    [Test]
    public void Sheets_without_charts_get_no_drawing()
    {
        var text = new TextItem(new Bounds(20, 10, 100, 10), PageRegion.Body, "Only text", "Only text", null, TextStyle.Default, BoxStyle.None, []);
        var document = new PaginatedDocument("Plain", [new Page(1, 300, 300, ImmutableArray.Create<PageItem>(text))]);
        using var output = new MemoryStream(OfficeOutput.Xlsx(document));

        using var book = SpreadsheetDocument.Open(output, false);
        Assert.That(book.WorkbookPart!.WorksheetParts.Single().DrawingsPart, Is.Null);
    }
}
