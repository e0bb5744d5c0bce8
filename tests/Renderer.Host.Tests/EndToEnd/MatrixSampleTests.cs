using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// The matrix sample (samples/rdl/SalesMatrix.rdl: rows = Region, columns = Year, subtotal column and row) through HTTP;
/// every cell, subtotal and the grand total in the PDF and the XLSX is checked against sums computed straight from the database.
/// </summary>
[TestFixture]
public sealed class MatrixSampleTests : ServerTest
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");

    /// <summary>SUM(Amount) from SQL for a region and/or year (null = all), rounded to cents.</summary>
    private decimal Sum(string? region, int? year)
    {
        using var connection = new SqliteConnection($"Data Source={Server.SampleDatabase};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(Amount) FROM sales WHERE ($region IS NULL OR Region = $region) AND ($year IS NULL OR Year = $year)";
        command.Parameters.AddWithValue("$region", (object?)region ?? DBNull.Value);
        command.Parameters.AddWithValue("$year", (object?)year ?? DBNull.Value);
        return Math.Round(Convert.ToDecimal(command.ExecuteScalar(), CultureInfo.InvariantCulture), 2);
    }

    private static readonly string[] Regions = ["East", "North", "South", "West"];

    private static readonly int[] Years = [2023, 2024];

    /// <summary>The expected matrix: for each row label, the values of columns 2023, 2024 and All Years.</summary>
    private Dictionary<string, decimal[]> Expected()
    {
        var expected = Regions.ToDictionary(r => r, r => Years.Select(y => Sum(r, y)).Append(Sum(r, null)).ToArray());
        expected["All Regions"] = [.. Years.Select(y => Sum(null, y)).Append(Sum(null, null))];
        return expected;
    }

    private async Task<byte[]> Render(string format)
    {
        var response = await Client.GetAsync("/api/reports/SalesMatrix/render?format=" + format);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        return body;
    }

    [Test]
    public async Task Html_shows_every_cell_from_the_database_as_text_with_the_shipped_fonts_and_no_script()
    {
        var response = await Client.GetAsync("/api/reports/SalesMatrix/render?format=html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("<section class=\"rpt-page\" id=\"rpt-page-1\""));
            Assert.That(html, Does.Contain("url(/viewer/fonts/LiberationSans-Bold.ttf)"));
            Assert.That(html, Does.Not.Contain("<script"));
            foreach (var (label, values) in Expected())
            {
                Assert.That(html, Does.Contain(">" + label + "</div>"));
                foreach (var value in values) Assert.That(html, Does.Contain(">" + value.ToString("N2", EnUs) + "</div>"), label);
            }
        });
    }

    [Test]
    public async Task Pdf_rows_show_each_year_and_the_subtotals_from_the_database()
    {
        using var document = PdfDocument.Open(await Render("pdf"));
        Assert.That(document.NumberOfPages, Is.EqualTo(1));
        // Words on one baseline form a line, read left to right.
        var lines = document.GetPage(1).GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .Select(g => g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text).ToList())
            .ToList();
        Assert.That(lines, Has.Some.EqualTo(new[] { "Region", "2023", "2024", "All", "Years" }), "the column header row, under the corner");
        foreach (var (label, values) in Expected())
        {
            var labelWords = label.Split(' ');
            var line = lines.SingleOrDefault(l => l.Take(labelWords.Length).SequenceEqual(labelWords));
            Assert.That(line, Is.Not.Null, $"a row for {label}");
            var shown = line!.Skip(labelWords.Length).ToArray();
            Assert.That(shown, Is.EqualTo(values.Select(v => v.ToString("#,0.00", EnUs)).ToArray()), $"{label}: 2023, 2024, All Years");
        }
    }

    [Test]
    public async Task Xlsx_cells_hold_every_subtotal_and_the_grand_total_as_numbers_in_the_matrix_grid()
    {
        using var stream = new MemoryStream(await Render("xlsx"));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.First().Worksheet;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        // (row, column) -> text or number, as Excel shows them.
        var grid = new Dictionary<(int Row, string Column), object>();
        foreach (var cell in sheet.Descendants<Cell>())
        {
            var reference = cell.CellReference!.Value!;
            var column = new string(reference.TakeWhile(char.IsLetter).ToArray());
            int row = int.Parse(reference[column.Length..], CultureInfo.InvariantCulture);
            var raw = cell.CellValue?.Text;
            if (cell.DataType?.Value == CellValues.SharedString && raw is not null) grid[(row, column)] = strings[int.Parse(raw, CultureInfo.InvariantCulture)];
            else if (cell.InlineString is { } inline) grid[(row, column)] = inline.InnerText;
            else if (raw is not null && (cell.DataType is null || cell.DataType.Value == CellValues.Number))
                grid[(row, column)] = decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        (int Row, string Column) Find(object value) => grid.Single(kv => Equals(kv.Value, value)).Key;

        var corner = Find("Region");
        var yearColumns = Years.Select(y => Find((decimal)y)).ToList();
        var totalColumn = Find("All Years");
        Assert.That(yearColumns.Select(c => c.Row).Append(totalColumn.Row), Is.All.EqualTo(corner.Row), "year headers share the corner's row");
        var columns = yearColumns.Select(c => c.Column).Append(totalColumn.Column).ToList();
        foreach (var (label, values) in Expected())
        {
            var labelCell = Find(label);
            Assert.That(labelCell.Column, Is.EqualTo(corner.Column), $"{label} is a row header under the corner");
            for (int i = 0; i < columns.Count; i++)
            {
                Assert.That(grid.TryGetValue((labelCell.Row, columns[i]), out var value), Is.True, $"{label} has a cell in column {columns[i]}");
                Assert.That(Math.Round((decimal)value!, 2), Is.EqualTo(values[i]), $"{label}, column {columns[i]}");
            }
        }
    }
}
