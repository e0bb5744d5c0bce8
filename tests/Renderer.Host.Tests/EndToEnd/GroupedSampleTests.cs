using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>The grouped sample (samples/rdl/Sales.rdl) through HTTP, checked against totals computed straight from the database.</summary>
[TestFixture]
public sealed class GroupedSampleTests : ServerTest
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");

    private Dictionary<string, decimal> RegionTotals(int year)
    {
        using var connection = new SqliteConnection($"Data Source={Server.SampleDatabase};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Region, SUM(Amount) FROM sales WHERE Year = $year GROUP BY Region";
        command.Parameters.AddWithValue("$year", year);
        using var reader = command.ExecuteReader();
        var totals = new Dictionary<string, decimal>();
        while (reader.Read()) totals[reader.GetString(0)] = Math.Round(reader.GetDecimal(1), 2);
        return totals;
    }

    private async Task<byte[]> Render(string query)
    {
        var response = await Client.GetAsync("/api/reports/Sales/render?" + query);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        return body;
    }

    [Test]
    public async Task Pdf_shows_each_region_total_and_the_grand_total_from_the_database()
    {
        var pdf = await Render("format=pdf&Year=2024");
        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        var totals = RegionTotals(2024);
        Assert.That(totals, Is.Not.Empty, "the sample database has 2024 orders");
        foreach (var (region, total) in totals)
        {
            var label = "Total " + region;
            int at = text.IndexOf(label, StringComparison.Ordinal);
            Assert.That(at, Is.GreaterThanOrEqualTo(0), $"'{label}' is in the PDF");
            var expected = total.ToString("#,0.00", EnUs);
            Assert.That(text.IndexOf(expected, at, StringComparison.Ordinal), Is.GreaterThan(at), $"{label} shows {expected}");
        }
        var grand = totals.Values.Sum().ToString("#,0.00", EnUs);
        int grandAt = text.IndexOf("Grand Total", StringComparison.Ordinal);
        Assert.That(grandAt, Is.GreaterThanOrEqualTo(0));
        Assert.That(text.IndexOf(grand, grandAt, StringComparison.Ordinal), Is.GreaterThan(grandAt), $"grand total {grand}");
    }

    [Test]
    public async Task Pdf_footer_says_page_x_of_n_with_the_real_page_count()
    {
        var pdf = await Render("format=pdf&Year=2024");
        using var document = PdfDocument.Open(pdf);
        int n = document.NumberOfPages;
        Assert.That(n, Is.GreaterThan(1), "the 2024 sample spans several pages");
        Assert.That(document.GetPage(1).Text, Does.Contain($"Page 1 of {n}"));
        Assert.That(document.GetPage(n).Text, Does.Contain($"Page {n} of {n}"));
    }

    [Test]
    public async Task Pdf_repeats_the_table_header_on_each_page()
    {
        var pdf = await Render("format=pdf&Year=2024");
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
            Assert.That(page.Text, Does.Contain("Unit Price"), $"page {page.Number} repeats the header row");
    }

    [Test]
    public async Task Xlsx_holds_the_totals_as_numeric_cells()
    {
        var xlsx = await Render("format=xlsx&Year=2024");
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.First().Worksheet;
        var numbers = sheet.Descendants<Cell>()
            .Where(c => c.DataType is null || c.DataType.Value == CellValues.Number)
            .Where(c => c.CellValue is not null)
            .Select(c => decimal.Parse(c.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture))
            .Select(v => Math.Round(v, 2))
            .ToHashSet();
        var totals = RegionTotals(2024);
        foreach (var (region, total) in totals)
            Assert.That(numbers, Does.Contain(total), $"the {region} total {total} is a numeric cell");
        Assert.That(numbers, Does.Contain(totals.Values.Sum()), "the grand total is a numeric cell");
    }

    [Test]
    public async Task Csv_detail_amounts_sum_to_the_database_total()
    {
        var response = await Client.GetAsync("/api/reports/Sales/render?format=csv&Year=2024");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(bytes));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileName?.Trim('"'), Is.EqualTo("Sales.csv"));
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM");

        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        int header = Array.FindIndex(lines, l => SplitCsv(l).Contains("Amount"));
        Assert.That(header, Is.GreaterThanOrEqualTo(0), "a header row names the detail textboxes");
        var columns = SplitCsv(lines[header]);
        int amount = Array.IndexOf(columns, "Amount");
        int region = Array.IndexOf(columns, "Region");
        var rows = lines.Skip(header + 1).TakeWhile(l => l.Length > 0).Select(SplitCsv).ToList();
        Assert.That(rows.All(r => r.Length == columns.Length), Is.True, "every record has the header's field count");

        var totals = RegionTotals(2024);
        var byRegion = rows.GroupBy(r => r[region]).ToDictionary(g => g.Key, g => Math.Round(g.Sum(r => decimal.Parse(r[amount], NumberStyles.Float, CultureInfo.InvariantCulture)), 2));
        Assert.That(byRegion, Is.EquivalentTo(totals));
        Assert.That(rows.Sum(r => decimal.Parse(r[amount], NumberStyles.Float, CultureInfo.InvariantCulture)), Is.EqualTo(totals.Values.Sum()).Within(0.005m));
        Assert.That(lines, Has.None.StartsWith("Total "), "group total rows are not detail records");
    }

    /// <summary>Splits one CSV record (no embedded line breaks), honouring double-quoted fields.</summary>
    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    [Test]
    public async Task Xlsx_streamed_from_the_sandbox_in_chunks_passes_the_open_xml_validator()
    {
        var xlsx = await Render("format=xlsx&Year=2024");
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
    }

    [Test]
    public async Task Docx_is_valid_and_shows_the_grand_total()
    {
        var docx = await Render("format=docx&Year=2024");
        using var stream = new MemoryStream(docx);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        var grand = RegionTotals(2024).Values.Sum().ToString("#,0.00", EnUs);
        int at = text.IndexOf("Grand Total", StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0));
        Assert.That(text.IndexOf(grand, at, StringComparison.Ordinal), Is.GreaterThan(at), $"grand total {grand}");
    }

    [Test]
    public async Task Default_parameter_is_used_when_none_is_given()
    {
        var pdf = await Render("format=pdf");
        using var document = PdfDocument.Open(pdf);
        Assert.That(document.GetPage(1).Text, Does.Contain("Sales by Region, 2024"));
    }

    [Test]
    public async Task Year_with_no_orders_shows_the_no_rows_message()
    {
        var pdf = await Render("format=pdf&Year=1990");
        using var document = PdfDocument.Open(pdf);
        Assert.That(document.GetPage(1).Text, Does.Contain("No orders in 1990"));
    }

    [Test]
    public async Task A_parameter_of_the_wrong_type_is_a_400_naming_the_parameter()
    {
        var response = await Client.GetAsync("/api/reports/Sales/render?format=pdf&Year=abc");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("Year").And.Contain("abc").And.Contain("integer"));
    }

    [Test]
    public async Task An_unknown_format_is_a_400()
    {
        var response = await Client.GetAsync("/api/reports/Sales/render?format=pptx");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("pptx"));
    }

    [Test]
    public async Task The_sample_reports_are_listed()
    {
        var body = await Client.GetStringAsync("/api/reports");
        Assert.That(body, Does.Contain("\"Sales\"").And.Contain("BenchSales"));
    }

    [Test]
    public async Task An_unknown_report_is_a_404()
    {
        var response = await Client.GetAsync("/api/reports/NoSuchReport/render");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
