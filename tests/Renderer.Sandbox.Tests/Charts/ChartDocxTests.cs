using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Renderer.Sandbox.Tests.Writers;
using Renderer.Sandbox.Writers.Docx;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>
/// Charts in DOCX: the common types are native Word charts (a chart part whose series refer to an embedded workbook of
/// their values and categories, cached in the part); other charts stay pictures.
/// </summary>
public class ChartDocxTests
{
    [Test]
    public void A_column_chart_is_a_native_Word_chart_of_its_size_with_its_series_values_and_categories()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);
        using var output = new MemoryStream(OfficeOutput.Docx(run.Document));

        using var word = WordprocessingDocument.Open(output, false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
        var main = word.MainDocumentPart!;
        Assert.That(main.ImageParts, Is.Empty, "no picture");
        var extent = main.Document.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.That((extent.Cx!.Value, extent.Cy!.Value), Is.EqualTo((360L * 12700, 250L * 12700)));
        var chart = main.ChartParts.Single().ChartSpace!;
        Assert.That(ChartXlsxTests.Title(chart), Is.EqualTo("Sales by region"));
        var series = chart.Descendants<C.BarChart>().Single().Elements<C.BarChartSeries>().ToList();
        Assert.That(series.Select(s => s.SeriesText!.Descendants<C.StringPoint>().Single().NumericValue!.Text), Is.EqualTo(new[] { "2023", "2024" }));
        Assert.That(series.Select(s => s.SeriesText!.Descendants<C.Formula>().Single().Text), Is.EqualTo(new[] { "Sheet1!$B$1", "Sheet1!$C$1" }));
        Assert.That(series[1].GetFirstChild<C.CategoryAxisData>()!.Descendants<C.StringPoint>().Select(p => p.NumericValue!.Text), Is.EqualTo(new[] { "East", "North", "West" }));
        Assert.That(Cached(series[1].GetFirstChild<C.Values>()!), Is.EqualTo(new double?[] { 20, 30, 25 }));
        Assert.That(series[1].GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text, Is.EqualTo("Sheet1!$C$2:$C$4"));
        Assert.That(series[1].GetFirstChild<C.CategoryAxisData>()!.Descendants<C.Formula>().Single().Text, Is.EqualTo("Sheet1!$A$2:$A$4"));

        // The data Word's "Edit Data" opens: categories in column A, one column per series.
        var chartPart = main.ChartParts.Single();
        Assert.That(chart.Descendants<C.ExternalData>().Single().Id!.Value, Is.EqualTo(chartPart.GetIdOfPart(chartPart.EmbeddedPackagePart!)));
        using var data = SpreadsheetDocument.Open(chartPart.EmbeddedPackagePart!.GetStream(), false);
        var cells = data.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .ToDictionary(c => c.CellReference!.Value!, c => c.InnerText);
        Assert.That(new[] { cells["B1"], cells["C1"], cells["A2"], cells["A4"], cells["C2"], cells["C4"], cells["B3"] }, Is.EqualTo(new[] { "2023", "2024", "East", "West", "20", "25", "40" }));
        Assert.That(cells.ContainsKey("B4"), Is.False, "West has no 2023 value");
    }

    private static List<double?> Cached(C.Values values)
    {
        var cache = values.Descendants<C.NumberingCache>().Single();
        var result = Enumerable.Repeat<double?>(null, (int)cache.PointCount!.Val!.Value).ToList();
        foreach (var point in cache.Elements<C.NumericPoint>())
            result[(int)point.Index!.Value] = double.Parse(point.NumericValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }

    [Test]
    public void A_chart_Word_cannot_draw_alike_is_an_inline_picture_of_its_size()
    {
        var run = ChartRun.Render(ChartRdl.Modern("Line", "Stepped"), ChartRdl.Columns, ChartRdl.Rows);
        using var output = new MemoryStream(OfficeOutput.Docx(run.Document));

        using var word = WordprocessingDocument.Open(output, false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty);
        var main = word.MainDocumentPart!;
        var image = main.ImageParts.Single();
        Assert.That(image.ContentType, Is.EqualTo("image/png"));
        var extent = main.Document.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.That((extent.Cx!.Value, extent.Cy!.Value), Is.EqualTo((360L * 12700, 250L * 12700)));
    }
}
