using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Viewer;

public sealed partial class ViewerBrowserTests
{
    private const string DrilldownPath = "/Samples/SalesDrilldown";

    [Test]
    public async Task A_drilldown_toggle_shows_the_rows_it_hides_and_the_export_keeps_what_the_user_sees()
    {
        var (context, page) = await SignedIn("admin", Viewer(DrilldownPath));
        await using var _ = context;
        var first = await PageText(page, 1);
        Assert.That(first, Does.Contain("East").And.Not.Contain("Accessories"), "regions start collapsed to their totals");

        var expand = page.GetByRole(AriaRole.Button, new() { Name = "Expand East" });
        await expand.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Collapse East" })).ToBeVisibleAsync();
        Assert.That(await PageText(page, 1), Does.Contain("Accessories").And.Contain("Bikes"), "East's categories are shown");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export", Exact = true }).ClickAsync());
        var file = Path.Combine(_host.DataFolder, "drilldown-export.pdf");
        await download.SaveAsAsync(file);
        using (var pdf = PdfDocument.Open(file))
            Assert.That(pdf.GetPage(1).Text, Does.Contain("Accessories"), "the export has the expanded region, as SSRS exports the toggled state");

        await page.GetByRole(AriaRole.Button, new() { Name = "Collapse East" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Expand East" })).ToBeVisibleAsync();
        Assert.That(await PageText(page, 1), Does.Not.Contain("Accessories"));
    }

    [Test]
    public async Task Interactive_sort_reorders_the_groups_and_a_second_click_reverses_them()
    {
        var (context, page) = await SignedIn("admin", Viewer(DrilldownPath));
        await using var _ = context;
        await PageText(page, 1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sort Region" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sort Region (ascending)" })).ToBeVisibleAsync();
        Assert.That(RegionOrder(await PageText(page, 1)), Is.EqualTo(new[] { "East", "North", "South", "West" }));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sort Region (ascending)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sort Region (descending)" })).ToBeVisibleAsync();
        Assert.That(RegionOrder(await PageText(page, 1)), Is.EqualTo(new[] { "West", "South", "North", "East" }));
    }

    private static string[] RegionOrder(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\b(East|North|South|West)\b").Select(m => m.Value).Distinct()];
}
