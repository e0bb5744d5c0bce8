using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;
using Renderer.Host.Rendering;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// samples/rdl/SalesWithSubreport.rdl through the real host: a list of regions, each with the RegionOrders subreport
/// (rendered in the same sandbox, its data requested per region through the broker), checked against the database.
/// </summary>
[TestFixture]
public sealed class SubreportSampleTests
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");
    private ServerFixture _server = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _server = new ServerFixture();
        _client = _server.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
    }

    private List<(string Region, long OrderId, decimal Amount)> Orders(int year, int month)
    {
        using var connection = new SqliteConnection($"Data Source={_server.SampleDatabase};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Region, OrderId, Amount FROM sales WHERE Year = $year AND CAST(strftime('%m', OrderDate) AS INTEGER) = $month ORDER BY Region, OrderDate, OrderId";
        command.Parameters.AddWithValue("$year", year);
        command.Parameters.AddWithValue("$month", month);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long, decimal)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDecimal(2)));
        return rows;
    }

    private async Task<string> PdfText(string query)
    {
        var response = await _client.GetAsync("/api/reports/SalesWithSubreport/render?" + query);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => Encoding.UTF8.GetString(body));
        using var document = PdfDocument.Open(body);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    [Test]
    public async Task Each_region_shows_its_own_orders_and_total_from_the_database()
    {
        var text = await PdfText("format=pdf&Year=2024&Month=3");
        var orders = Orders(2024, 3);
        var regions = orders.Select(o => o.Region).Distinct().ToList();
        Assert.That(regions, Has.Count.GreaterThan(1), "the sample database has orders of several regions in 2024-03");
        var starts = regions.Select(r => text.IndexOf("Region " + r, StringComparison.Ordinal)).ToList();
        Assert.That(starts, Is.All.GreaterThanOrEqualTo(0), "every region heads its block");
        Assert.That(starts, Is.Ordered, "regions in order");
        for (var i = 0; i < regions.Count; i++)
        {
            var block = text[starts[i]..(i + 1 < starts.Count ? starts[i + 1] : text.Length)];
            var own = orders.Where(o => o.Region == regions[i]).ToList();
            foreach (var order in own)
                Assert.That(block, Does.Contain(order.OrderId.ToString(CultureInfo.InvariantCulture)), $"order {order.OrderId} in {regions[i]}'s block");
            var total = own.Sum(o => o.Amount).ToString("#,0.00", EnUs);
            Assert.That(block, Does.Contain("Total " + regions[i] + total), $"{regions[i]}'s total is {total}");
        }
    }

    [Test]
    public async Task A_month_without_orders_shows_the_lists_no_rows_message()
    {
        var text = await PdfText("format=pdf&Year=2030&Month=1");
        Assert.That(text, Does.Contain("No orders in this month."));
    }

    [Test]
    public async Task A_missing_subreport_shows_the_ssrs_message_and_a_warning_naming_it()
    {
        var rdl = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(SamplePath("SalesWithSubreport.rdl")))
            .Replace("<ReportName>RegionOrders</ReportName>", "<ReportName>/Sales/NoSuchReport</ReportName>", StringComparison.Ordinal);
        var entry = ReportEntries.Read(_server.Services, "MissingSubreport", rdl);
        var result = await _server.Services.GetRequiredService<RenderService>().RenderAsync(entry, "pdf", [], "tester", CancellationToken.None);
        Assert.That(result.Failure, Is.EqualTo(RenderFailure.None), () => string.Join("\n", result.Diagnostics));
        var warning = result.Diagnostics.First(d => d.Code == SubreportResolver.NotFound);
        Assert.That(warning.Message, Does.Contain("Subreport 'Orders'").And.Contain("NoSuchReport"));
        Assert.That(warning.Location.Line, Is.GreaterThan(0));
        using var document = PdfDocument.Open(result.Content);
        Assert.That(string.Join("\n", document.GetPages().Select(p => p.Text)), Does.Contain("Error: Subreport could not be shown."));
    }

    [Test]
    public async Task A_recursive_subreport_is_refused_naming_the_cycle()
    {
        using var client = _server.CreateClient();
        foreach (var (name, calls) in new[] { ("LoopA", "LoopB"), ("LoopB", "LoopA") })
        {
            var upload = await client.PutAsync($"/api/reports/{name}", new StringContent(SubreportRdl.Calling(calls), Encoding.UTF8, "application/xml"));
            Assert.That(upload.IsSuccessStatusCode, Is.True, await upload.Content.ReadAsStringAsync());
        }
        var response = await client.GetAsync("/api/reports/LoopA/render?format=pdf");
        var problem = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422), problem);
        Assert.That(problem, Does.Contain(SubreportResolver.Recursive).And.Contain("LoopA -> LoopB -> LoopA"));
    }

    private static string SamplePath(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "rdl", file);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(file);
    }
}
