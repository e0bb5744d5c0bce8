using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Renderer.Sandbox.Writers.Docx;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>Charts in DOCX: the common types are native Word charts (a chart part with the series values and categories); other charts stay pictures.</summary>
public class ChartDocxTests
{
    [Test]
    public void A_column_chart_is_a_native_Word_chart_of_its_size_with_its_series_values_and_categories()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);
        using var output = new MemoryStream();
        new DocxDocumentWriter().Write(run.Document, output);
        output.Position = 0;

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
        Assert.That(series.Select(s => s.SeriesText!.InnerText), Is.EqualTo(new[] { "2023", "2024" }));
        Assert.That(ChartXlsxTests.Categories(series[1]), Is.EqualTo(new[] { "East", "North", "West" }));
        Assert.That(ChartXlsxTests.Values(series[1].GetFirstChild<C.Values>()!), Is.EqualTo(new double?[] { 20, 30, 25 }));
    }

    [Test]
    public void A_chart_Word_cannot_draw_alike_is_an_inline_picture_of_its_size()
    {
        var run = ChartRun.Render(ChartRdl.Modern("Line", "Stepped"), ChartRdl.Columns, ChartRdl.Rows);
        using var output = new MemoryStream();
        new DocxDocumentWriter().Write(run.Document, output);
        output.Position = 0;

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
