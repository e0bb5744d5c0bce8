using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Data.Sqlite;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>The chart sample (samples/rdl/SalesChart.rdl: columns by region and category, a pie by category) through HTTP.</summary>
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
    public async Task Xlsx_places_each_chart_as_a_picture()
    {
        using var stream = new MemoryStream(await Render("xlsx"));
        using var book = SpreadsheetDocument.Open(stream, false);

        var drawing = book.WorkbookPart!.WorksheetParts.Single().DrawingsPart;
        Assert.That(drawing, Is.Not.Null);
        Assert.That(drawing!.ImageParts.Count(), Is.EqualTo(2));
    }
}
