using static Renderer.Host.Tests.EndToEnd.RegionOrdersReport;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// The orders-per-region list of <see cref="RegionOrdersReport"/> over all of 2024: a region has more orders than fit on
/// a page, so its list row is taller than a page and continues on the next pages (as SSRS splits it) instead of losing
/// the rows past the page bottom; each region's table still lists all of its own orders and totals.
/// </summary>
[TestFixture]
public sealed class TallListRowTests : ServerTest
{
    private const string Where = "Year = 2024";

    [Test]
    public async Task A_list_row_taller_than_a_page_continues_on_the_next_pages_with_every_order_and_total()
    {
        var pdf = await UploadAndRenderAsync("TallListRowOrders", Report(Where), "pdf");

        AssertEachRegionShowsItsOwnOrders(pdf, RegionTotals(Server.SampleDatabase, Where));
    }
}
