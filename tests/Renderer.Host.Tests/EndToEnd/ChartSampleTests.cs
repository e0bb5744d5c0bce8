using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Data.Sqlite;
using UglyToad.PdfPig;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// The chart sample (samples/rdl/SalesChart.rdl: columns by region and category, a pie by category) through HTTP: vectors
/// in PDF, native charts in XLSX and DOCX that LibreOffice draws from their data.
/// </summary>
[TestFixture]
public sealed class ChartSampleTests : ServerTest
{
    private List<string> Distinct(string column)
    {
        using var connection = new SqliteConnection($"Data Source={Server.SampleDatabase};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT {column} FROM sales WHERE Year = 2024 ORDER BY {column}";
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    private async Task<byte[]> Render(string format)
    {
        var response = await Client.GetAsync($"/api/reports/SalesChart/render?format={format}&Year=2024");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        return body;
    }

    [Test]
    public async Task Pdf_draws_the_charts_with_title_axis_labels_and_legend_as_text()
    {
        using var document = PdfDocument.Open(await Render("pdf"));
        var page = document.GetPage(1);
        var text = page.Text;
        var words = page.GetWords().Select(w => w.Text).ToList();

        Assert.That(text, Does.Contain("Sales by Region, 2024").And.Contain("Share by Category"));
        Assert.That(words, Is.SupersetOf(Distinct("Region")), "category axis labels");
        Assert.That(words, Is.SupersetOf(Distinct("Category")), "legend entries");
        Assert.That(page.GetImages(), Is.Empty, "charts are vectors in PDF");
    }

    [Test]
    public async Task Xlsx_makes_each_chart_a_native_Excel_chart_over_the_report_data()
    {
        using var stream = new MemoryStream(await Render("xlsx"));
        using var book = SpreadsheetDocument.Open(stream, false);

        var drawing = book.WorkbookPart!.WorksheetParts.Single(p => p.DrawingsPart is not null).DrawingsPart;
        Assert.That(drawing, Is.Not.Null);
        Assert.That(drawing!.ImageParts, Is.Empty, "no pictures");
        var charts = drawing.ChartParts.Select(p => p.ChartSpace!).ToList();
        Assert.That(charts, Has.Count.EqualTo(2));
        var columns = charts.SelectMany(c => c.Descendants<C.BarChart>()).Single();
        Assert.That(CategoriesOf(columns.Elements<C.BarChartSeries>().First()), Is.EqualTo(Distinct("Region")));
        var pie = charts.SelectMany(c => c.Descendants<C.PieChart>()).Single();
        Assert.That(CategoriesOf(pie.Elements<C.PieChartSeries>().Single()), Is.EquivalentTo(Distinct("Category")));
    }

    [Test]
    public async Task Docx_makes_each_chart_a_native_Word_chart()
    {
        using var stream = new MemoryStream(await Render("docx"));
        using var word = WordprocessingDocument.Open(stream, false);

        var main = word.MainDocumentPart!;
        Assert.That(main.ImageParts, Is.Empty, "no pictures");
        Assert.That(main.ChartParts.Count(), Is.EqualTo(2));
        Assert.That(main.ChartParts.SelectMany(p => p.ChartSpace!.Descendants<C.BarChart>()).Count(), Is.EqualTo(1));
    }

    /// <summary>LibreOffice opens both files and draws the charts itself, from their data: their titles and labels print as text.</summary>
    [Test]
    public async Task LibreOffice_prints_the_native_charts_with_their_titles_and_labels()
    {
        var folder = Directory.CreateTempSubdirectory("chart-print-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "chart-xlsx.xlsx"), await Render("xlsx"));
            await File.WriteAllBytesAsync(Path.Combine(folder, "chart-docx.docx"), await Render("docx"));
            var printed = Path.Combine(folder, "printed");
            var (exit, output) = OfficePrintTests.Run("soffice", TimeSpan.FromMinutes(5),
                [$"-env:UserInstallation=file://{Path.Combine(folder, "profile")}", "--headless", "--convert-to", "pdf", "--outdir", printed,
                 Path.Combine(folder, "chart-xlsx.xlsx"), Path.Combine(folder, "chart-docx.docx")]);
            Assert.That(exit, Is.Zero, output);
            foreach (var file in new[] { "chart-xlsx.pdf", "chart-docx.pdf" })
            {
                using var pdf = PdfDocument.Open(Path.Combine(printed, file));
                var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
                var text = string.Join(" ", words);
                Assert.That(text, Does.Contain("Sales by Region, 2024").And.Contain("Share by Category"), file);
                Assert.That(words, Is.SupersetOf(Distinct("Region")), $"{file}: the column chart's category labels");
                Assert.That(pdf.GetPages().SelectMany(p => p.GetImages()), Is.Empty, $"{file}: the charts are drawn, not pictures");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The numbers stay live: the pie's values are cells of the "Chart Data" sheet, and a value changed there (the chart's
    /// cache left as it was) is what LibreOffice draws: the slice's data label shows the new number.
    /// </summary>
    [Test]
    public async Task An_edited_chart_data_cell_changes_the_chart_LibreOffice_draws()
    {
        var folder = Directory.CreateTempSubdirectory("chart-live-").FullName;
        try
        {
            using var stream = new MemoryStream();
            stream.Write(await Render("xlsx"));
            using (var book = SpreadsheetDocument.Open(stream, true))
            {
                var workbook = book.WorkbookPart!;
                var pie = workbook.WorksheetParts.Single(p => p.DrawingsPart is not null).DrawingsPart!.ChartParts
                    .SelectMany(p => p.ChartSpace!.Descendants<C.PieChartSeries>()).Single();
                var formula = pie.GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text;
                Assert.That(formula, Does.Match(@"^'Chart Data'!\$B\$\d+:\$B\$\d+$"));
                var first = "B" + formula.Split('$')[2].TrimEnd(':');
                var sheet = workbook.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "Chart Data");
                var cell = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == first);
                Assert.That(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture), Is.GreaterThan(0));
                cell.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(123457);
            }

            await File.WriteAllBytesAsync(Path.Combine(folder, "edited.xlsx"), stream.ToArray());
            var printed = Path.Combine(folder, "printed");
            var (exit, output) = OfficePrintTests.Run("soffice", TimeSpan.FromMinutes(5),
                [$"-env:UserInstallation=file://{Path.Combine(folder, "profile")}", "--headless", "--convert-to", "pdf", "--outdir", printed, Path.Combine(folder, "edited.xlsx")]);
            Assert.That(exit, Is.Zero, output);
            using var pdf = PdfDocument.Open(Path.Combine(printed, "edited.pdf"));
            var firstPage = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
            Assert.That(firstPage, Does.Contain("Share by Category"));
            Assert.That(firstPage, Does.Match(@"123,?457"), "the pie's data label shows the edited cell");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> CategoriesOf(DocumentFormat.OpenXml.OpenXmlElement series) =>
        [.. series.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.StringPoint>().Select(p => p.NumericValue!.Text)];
}
