using Microsoft.Playwright;

namespace Renderer.Host.Tests.Viewer;

public sealed partial class ViewerBrowserTests
{
    [Test]
    public async Task The_catalog_shows_only_what_the_user_may_see_and_searches_it()
    {
        var (context, page) = await SignedIn("analyst", "/viewer");
        await using var _ = context;

        await Assertions.Expect(page.Locator("#catalog-items a")).ToHaveTextAsync(["Sales"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sales", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Viewer Tour" })).ToBeVisibleAsync();
        await page.GetByLabel("Search reports").FillAsync("Tour");
        await page.GetByLabel("Search reports").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#catalog-items a.report")).ToHaveTextAsync(["Viewer Tour"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Viewer Tour" }).ClickAsync();
        Assert.That(await PageText(page, 1), Does.Contain("Viewer tour 2024"));
    }

    [Test]
    public async Task SSRS_URL_access_renders_a_format_or_opens_the_viewer_with_its_settings()
    {
        var (context, page) = await SignedIn("analyst", $"/ReportServer?{Uri.EscapeDataString(TourPath)}&rs:Command=Render&rc:Toolbar=false&rc:Parameters=false&rc:Section=2&Regions=North&Regions=West");
        await using var _ = context;

        Assert.That(await PageText(page, 2), Does.Contain("Total West"), "rc:Section=2 opens page 2; the regions come from the URL");
        Assert.That(await page.Locator("#toolbar").IsHiddenAsync(), Is.True, "rc:Toolbar=false");
        Assert.That(await page.Locator("#params").IsHiddenAsync(), Is.True, "rc:Parameters=false");

        await page.GotoAsync($"{_host.BaseUrl}/ReportServer?{Uri.EscapeDataString(TourPath)}&rc:Zoom=200&rc:FindString=Total%20South&rc:Parameters=Collapsed");
        Assert.That(await PageText(page, 3), Does.Contain("Total South"), "rc:FindString goes to the first match");
        await Assertions.Expect(page.Locator("mark.find.current")).ToHaveTextAsync("Total South");
        Assert.That(await page.Locator(".page-frame").GetAttributeAsync("data-scale"), Is.EqualTo("2.000"), "rc:Zoom=200");
        Assert.That(await page.Locator("#param-form").IsHiddenAsync(), Is.True, "rc:Parameters=Collapsed folds the pane");
        await page.GetByRole(AriaRole.Button, new() { Name = "Parameters" }).ClickAsync();
        Assert.That(await page.Locator("#param-form").IsVisibleAsync(), Is.True, "and the user can open it");

        var pdf = await page.APIRequest.GetAsync($"{_host.BaseUrl}/ReportServer?{Uri.EscapeDataString(TourPath)}&rs:Command=Render&rs:Format=PDF&Regions=South");
        Assert.That(pdf.Status, Is.EqualTo(200));
        Assert.That(pdf.Headers["content-type"], Is.EqualTo("application/pdf"));
        Assert.That(System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]), Is.EqualTo("%PDF-"));
    }

    [Test]
    public async Task At_phone_width_the_toolbar_collapses_into_a_menu_and_the_page_fits_the_screen()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath), new ViewportSize { Width = 390, Height = 844 });
        await using var _ = context;
        await PageText(page, 1);

        Assert.That(await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).IsVisibleAsync(), Is.False, "the toolbar's buttons are folded away");
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        Assert.That(await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).IsVisibleAsync(), Is.True);
        var frame = await page.Locator(".page-frame").BoundingBoxAsync();
        Assert.That(frame!.Width, Is.LessThanOrEqualTo(390), "the page scales down to the screen");
    }

    [Test]
    public async Task An_axe_core_scan_finds_no_serious_or_critical_violation()
    {
        var axe = Path.Combine(EndToEnd.ErrorHandlingTests.ProjectRoot(), ".tools", "npm", "node_modules", "axe-core", "axe.min.js");
        Security.SecurityPrerequisite.Require(File.Exists(axe), "axe-core is needed for the accessibility scan (.ci/setup-machine installs it)");
        var (context, page) = await SignedIn("analyst", Viewer(TourPath), bypassCsp: true);
        await using var _ = context;
        await PageText(page, 1);
        await FinalPageCount(page);

        await page.AddScriptTagAsync(new() { Content = await File.ReadAllTextAsync(axe) });
        var violations = await page.EvaluateAsync<AxeViolation[]>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))");

        Assert.That(violations.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes)}"), Is.Empty);
    }

    public sealed record AxeViolation(string Id, string Impact, string Help, string[] Nodes);
}
