using System.Text;
using static Renderer.Host.Tests.EndToEnd.RegionOrdersReport;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// A list grouped by region whose cell (a rectangle) holds a table of that region's orders (January 2024), through the
/// real host, sandbox and compiled VB expressions over the sample database: each region's table lists only its own
/// orders, and its totals (Sum in the table, Sum with the outer "RegionGroup" scope, RowNumber(Nothing)) are that region's.
/// </summary>
[TestFixture]
public sealed class NestedRegionTests : ServerTest
{
    private const string Where = "Year = 2024 AND CAST(strftime('%m', OrderDate) AS INTEGER) = 1";

    [Test]
    public async Task Each_regions_nested_table_shows_only_that_regions_orders_and_totals()
    {
        var pdf = await UploadAndRenderAsync("NestedRegionOrders", Report(Where), "pdf");

        AssertEachRegionShowsItsOwnOrders(pdf, RegionTotals(Server.SampleDatabase, Where));
    }

    [Test]
    public async Task The_csv_export_lists_each_nested_order_once_and_never_mixes_two_regions_in_one_record()
    {
        var csv = Encoding.UTF8.GetString(await UploadAndRenderAsync("NestedRegionOrdersCsv", Report(Where), "csv"));

        var records = csv.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith('#')).ToList();
        var totals = RegionTotals(Server.SampleDatabase, Where);
        Assert.That(records, Has.Count.EqualTo(totals.Values.Sum(t => t.Count)), "one record per order of every region");
        Assert.That(records.Where(r => r.Count(c => c == '#') != 1), Is.Empty, "no record holds the orders of two regions");
        foreach (var (region, (_, count)) in totals)
            Assert.That(records.Count(r => r.StartsWith($"#{count}/{count},", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(1), $"{region}'s last order");
    }
}
