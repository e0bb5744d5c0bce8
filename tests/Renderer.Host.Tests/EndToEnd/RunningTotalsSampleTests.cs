using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// samples/rdl/RunningTotals.rdl through HTTP, the real compiler and a sandbox process: RunningValue, RowNumber, Previous,
/// a nested aggregate, Lookup into a second dataset, a report variable and ReportItems in the page header, all checked
/// against values computed straight from the sample database.
/// </summary>
[TestFixture]
public sealed class RunningTotalsSampleTests
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");
    private ServerFixture _server = null!;
    private HttpClient _client = null!;
    private string[] _pages = [];
    private List<(string Region, string Product, decimal Amount)> _rows = [];

    [OneTimeSetUp]
    public async Task RenderOnce()
    {
        _server = new ServerFixture();
        _client = _server.CreateClient();
        var response = await _client.GetAsync("/api/reports/RunningTotals/render?format=pdf&Year=2024");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        using (var document = PdfDocument.Open(body)) _pages = document.GetPages().Select(p => p.Text).ToArray();

        using var connection = new SqliteConnection($"Data Source={_server.SampleDatabase};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Region, Product, Amount FROM sales WHERE Year = 2024 ORDER BY Region, OrderDate, OrderId";
        using var reader = command.ExecuteReader();
        while (reader.Read()) _rows.Add((reader.GetString(0), reader.GetString(1), reader.GetDecimal(2)));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
    }

    private string AllText => string.Join("\n", _pages);

    private static string Money(decimal value) => value.ToString("0.00", EnUs);

    [Test]
    public void Group_headers_show_running_totals_previous_totals_and_looked_up_counts()
    {
        Assert.That(_rows, Is.Not.Empty, "the sample database has 2024 orders");
        var regions = _rows.GroupBy(r => r.Region).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        decimal running = 0;
        decimal? previous = null;
        foreach (var region in regions)
        {
            var total = region.Sum(r => r.Amount);
            running += total;
            Assert.That(AllText, Does.Contain($"{region.Key} ({region.Count()} orders)"), "Lookup into RegionCounts");
            Assert.That(AllText, Does.Contain($"Region {Money(total)}"));
            Assert.That(AllText, Does.Contain($"Through {region.Key}: {Money(running)}"), "RunningValue across groups");
            Assert.That(AllText, Does.Contain(previous is null ? "first region" : $"after {Money(previous.Value)}"), "Previous of the region total");
            previous = total;
        }
    }

    [Test]
    public void Grand_total_row_has_row_count_nested_average_and_largest_group()
    {
        var sums = _rows.GroupBy(r => r.Region).Select(g => g.Sum(r => r.Amount)).ToList();
        var counts = _rows.GroupBy(r => r.Region).Select(g => g.Count()).ToList();

        // Cells wrap at their width, and the PDF text loses the space at a wrap: compare without spaces.
        var text = Squeeze(AllText);
        Assert.That(text, Does.Contain(Squeeze($"Rows: {_rows.Count}")));
        // Format() rounds half away from zero, as .NET formatting does.
        Assert.That(text, Does.Contain(Squeeze($"Region average: {Money(Math.Round(sums.Average(), 2, MidpointRounding.AwayFromZero))}")));
        Assert.That(text, Does.Contain(Squeeze($"Largest region: {counts.Max()} orders")));
        Assert.That(text, Does.Contain(Squeeze($"Grand total {Money(sums.Sum())}")));
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Test]
    public void Detail_rows_number_within_the_region_and_over_the_table()
    {
        var first = _rows.GroupBy(r => r.Region).OrderBy(g => g.Key, StringComparer.Ordinal).First();
        Assert.That(AllText, Does.Contain($"{first.Count()}/{first.Count()}"), "last row of the first region");
        var last = _rows.GroupBy(r => r.Region).OrderBy(g => g.Key, StringComparer.Ordinal).Last();
        Assert.That(AllText, Does.Contain($"{last.Count()}/{_rows.Count}"), "last row of the table");
    }

    [Test]
    public void Report_variable_and_page_header_from_the_page_items()
    {
        Assert.That(_pages[0], Does.Contain("Running totals 2024"));
        var firstProduct = _rows.OrderBy(r => r.Region, StringComparer.Ordinal).First().Product;
        Assert.That(_pages[0], Does.Contain($"Products {firstProduct} to "));
        Assert.That(_pages[^1], Does.Contain($"Page {_pages.Length} of {_pages.Length}"));
    }
}
