using Microsoft.Playwright;

namespace Renderer.Host.Tests.Viewer;

public sealed partial class ViewerBrowserTests
{
    [Test]
    public async Task The_parameter_pane_has_a_field_of_the_right_kind_for_each_parameter()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath));
        await using var _ = context;
        await PageText(page, 1);
        var pane = page.GetByRole(AriaRole.Complementary, new() { Name = "Parameters" });

        Assert.That(await pane.GetByLabel("Year").GetAttributeAsync("type"), Is.EqualTo("number"));
        Assert.That(await pane.GetByLabel("As of").GetAttributeAsync("type"), Is.EqualTo("date"));
        Assert.That(await pane.GetByLabel("As of").InputValueAsync(), Is.EqualTo("2024-12-31"));
        Assert.That(await pane.GetByLabel("Show notes").EvaluateAsync<string>("e => e.tagName"), Is.EqualTo("SELECT"));
        var regions = pane.GetByRole(AriaRole.Group, new() { Name = "Regions" });
        Assert.That(await regions.GetByRole(AriaRole.Checkbox).CountAsync(), Is.EqualTo(5), "Select All and the four regions");
        Assert.That(await regions.GetByLabel("(Select All)").IsVisibleAsync(), Is.True);
        Assert.That(await pane.GetByLabel("Category").EvaluateAsync<string[]>("e => [...e.options].map(o => o.text)"),
            Is.EqualTo(new[] { "<Select a value>", "Accessories", "Bikes", "Clothing" }));
    }

    [Test]
    public async Task The_parameter_pane_follows_the_reports_ReportParametersLayout_grid()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath));
        await using var _ = context;
        await PageText(page, 1);

        var year = (await page.Locator("[data-param=\"Year\"]").BoundingBoxAsync())!;
        var category = (await page.Locator("[data-param=\"Category\"]").BoundingBoxAsync())!;
        var asOf = (await page.Locator("[data-param=\"AsOf\"]").BoundingBoxAsync())!;
        var regions = (await page.Locator("[data-param=\"Regions\"]").BoundingBoxAsync())!;
        Assert.That(category.Y, Is.EqualTo(year.Y).Within(1), "Year and Category share the grid's first row");
        Assert.That(asOf.X, Is.GreaterThan(category.X), "As of is in the third column");
        Assert.That(regions.X, Is.EqualTo(year.X).Within(1), "Regions is under Year, in the first column");
        Assert.That(regions.Y, Is.GreaterThan(year.Y + year.Height - 1), "of the second row");
    }

    [Test]
    public async Task Changing_a_parameter_refreshes_the_parameters_that_depend_on_it()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath));
        await using var _ = context;
        await PageText(page, 1);
        var pane = page.GetByRole(AriaRole.Complementary, new() { Name = "Parameters" });
        var products = pane.GetByRole(AriaRole.Group, new() { Name = "Products" });
        Assert.That(await products.GetByRole(AriaRole.Checkbox).AllInnerTextsAsync(), Is.Not.Null);
        await Assertions.Expect(products.GetByLabel("Road-550")).ToBeVisibleAsync();

        await pane.GetByLabel("Category").SelectOptionAsync("Clothing");

        await Assertions.Expect(pane.GetByRole(AriaRole.Group, new() { Name = "Products" }).GetByLabel("Jersey")).ToBeVisibleAsync();
        Assert.That(await pane.GetByRole(AriaRole.Group, new() { Name = "Products" }).GetByLabel("Road-550").CountAsync(), Is.Zero, "the bikes are gone");
        await pane.GetByRole(AriaRole.Group, new() { Name = "Products" }).GetByLabel("(Select All)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "View report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".page-frame[data-page=\"1\"]")).ToContainTextAsync("Jersey");
    }

    [Test]
    public async Task A_missing_value_and_a_value_the_server_refuses_get_a_message_beside_their_field()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath));
        await using var _ = context;
        await PageText(page, 1);
        var pane = page.GetByRole(AriaRole.Complementary, new() { Name = "Parameters" });

        await pane.GetByLabel("Year").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "View report" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-param=\"Year\"] .param-error")).ToHaveTextAsync("Enter a value for Year.");
        Assert.That(await pane.GetByLabel("Year").GetAttributeAsync("aria-invalid"), Is.EqualTo("true"));

        var (context2, page2) = await SignedIn("analyst", Viewer(TourPath, "&AsOf=not-a-date"));
        await using var __ = context2;
        await Assertions.Expect(page2.Locator("[data-param=\"AsOf\"] .param-error")).ToContainTextAsync("not-a-date");
    }
}
