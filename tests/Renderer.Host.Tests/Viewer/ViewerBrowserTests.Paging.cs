using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Viewer;

public sealed partial class ViewerBrowserTests
{
    [Test]
    public async Task A_report_whose_parameters_all_have_defaults_runs_at_once_and_pages_forward_and_back()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath));
        await using var _ = context;

        Assert.That(await PageText(page, 1), Does.Contain("Viewer tour 2024").And.Contain("East").And.Contain("Total East"));
        Assert.That(await FinalPageCount(page), Is.EqualTo(4), "one page per region");
        Assert.That(await PageText(page, 1), Does.Contain("Page 1 of 4"), "the footer's TotalPages");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        Assert.That(await PageText(page, 2), Does.Contain("Total North"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Last page" }).ClickAsync();
        Assert.That(await PageText(page, 4), Does.Contain("Total West"));
        Assert.That(await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).IsDisabledAsync(), Is.True);
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        Assert.That(await PageText(page, 3), Does.Contain("Total South"));
        await page.GetByLabel("Page", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("Page", new() { Exact = true }).PressAsync("Enter");
        Assert.That(await PageText(page, 2), Does.Contain("Total North"));
        await page.GetByRole(AriaRole.Button, new() { Name = "First page" }).ClickAsync();
        Assert.That(await PageText(page, 1), Does.Contain("Total East"));
    }

    [Test]
    public async Task Find_goes_to_the_page_with_the_text_and_highlights_it()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath));
        await using var _ = context;
        await PageText(page, 1);

        await page.GetByLabel("Find").FillAsync("Total South");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();

        Assert.That(await PageText(page, 3), Does.Contain("Total South"));
        await Assertions.Expect(page.Locator("mark.find.current")).ToHaveTextAsync("Total South");
        await page.GetByLabel("Find").FillAsync("Total");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        Assert.That(await PageText(page, 4), Does.Contain("Total West"), "the next match after page 3's is on page 4");
    }

    [Test]
    public async Task Zoom_scales_the_page_and_page_width_fits_the_window()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath));
        await using var _ = context;
        await PageText(page, 1);

        await page.GetByLabel("Zoom").SelectOptionAsync("200");
        Assert.That(await page.Locator(".page-frame").GetAttributeAsync("data-scale"), Is.EqualTo("2.000"));
        await page.GetByLabel("Zoom").SelectOptionAsync("page-width");
        var frame = await page.Locator(".page-frame").BoundingBoxAsync();
        var host = await page.Locator("#page-host").BoundingBoxAsync();
        Assert.That(frame!.Width, Is.EqualTo(host!.Width - 16).Within(2), "page width fills the report area");
        await page.GetByLabel("Zoom").SelectOptionAsync("50");
        Assert.That(await page.Locator(".page-frame").GetAttributeAsync("data-scale"), Is.EqualTo("0.500"));
    }

    [Test]
    public async Task The_document_map_and_bookmark_links_go_to_their_page()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath));
        await using var _ = context;
        await PageText(page, 1);
        await FinalPageCount(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Document map" }).ClickAsync();
        var map = page.GetByRole(AriaRole.Navigation, new() { Name = "Document map" });
        Assert.That(await map.GetByRole(AriaRole.Link).AllTextContentsAsync(), Is.EqualTo(new[] { "East", "North", "South", "West" }));
        await map.GetByRole(AriaRole.Link, new() { Name = "South" }).ClickAsync();
        Assert.That(await PageText(page, 3), Does.Contain("Total South"));

        await page.GetByRole(AriaRole.Button, new() { Name = "First page" }).ClickAsync();
        await PageText(page, 1);
        await page.Locator(".page-frame a[data-bookmark]").First.ClickAsync();
        Assert.That(await PageText(page, 4), Does.Contain("Total West"), "the title's bookmark link points at West's group");
    }

    [Test]
    public async Task Drillthrough_opens_the_target_report_in_the_viewer_with_a_breadcrumb_back()
    {
        var (context, page) = await SignedIn("admin", Viewer(TourPath));
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        Assert.That(await PageText(page, 2), Does.Contain("Total North"));

        await page.Locator(".page-frame a[data-drillthrough]").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("RegionOrders", StringComparison.Ordinal));
        Assert.That(await PageText(page, 1), Does.Contain("Total North"), "RegionOrders runs for the clicked region");
        Assert.That(await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).InnerTextAsync(), Does.Contain("Viewer Tour").And.Contain("RegionOrders"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Back to parent report" }).ClickAsync();
        Assert.That(await PageText(page, 2), Does.Contain("Viewer tour 2024").Or.Contain("Total North"), "back returns to the page the user left");
    }

    [Test]
    public async Task Export_downloads_what_the_viewer_shows_as_PDF()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath, "&Regions=North&Regions=South"));
        await using var _ = context;
        Assert.That(await FinalPageCount(page), Is.EqualTo(2));

        await page.GetByLabel("Export").SelectOptionAsync("pdf");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export", Exact = true }).ClickAsync());
        var file = Path.Combine(_host.DataFolder, "viewer-export.pdf");
        await download.SaveAsAsync(file);
        Assert.That(download.SuggestedFilename, Is.EqualTo("Viewer Tour.pdf"));
        using var pdf = PdfDocument.Open(file);
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.That(pdf.NumberOfPages, Is.EqualTo(2));
        Assert.That(text, Does.Contain("Total North").And.Contain("Total South").And.Not.Contain("Total West"));
    }
}
