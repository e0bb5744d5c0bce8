using Renderer.Sandbox;
using Renderer.Sandbox.Pages;
using static Renderer.Host.Tests.Rendering.DrilldownReport;

namespace Renderer.Host.Tests.Rendering;

/// <summary>
/// Interactive sort (Textbox/UserSort) with the viewer's state: groups sorted by an aggregate, detail rows sorted by a
/// field, both directions, the latest sort of a button winning, and the state each sort button shows.
/// </summary>
public sealed class InteractiveSortTests
{
    private static readonly string[] AllOpen = ["RegionBox.Region-East", "CountryBox.Region-East.Country-US"];

    private static string[] TextsOf(List<TextItem> items, string name) => [.. items.Where(t => t.Name == name).Select(t => t.Text)];

    private static SortControl? SortOf(List<TextItem> items, string name) => items.Single(t => t.Name == name).Sort;

    [Test]
    public void Without_a_sort_the_buttons_show_none_and_groups_keep_their_own_order()
    {
        var items = Items();
        Assert.Multiple(() =>
        {
            Assert.That(SortOf(items, "AmountHeader"), Is.EqualTo(new SortControl("AmountHeader", SortState.None)));
            Assert.That(SortOf(items, "ProductHeader"), Is.EqualTo(new SortControl("ProductHeader", SortState.None)));
            Assert.That(SortOf(items, "NameHeader"), Is.Null);
            Assert.That(TextsOf(items, "RegionBox"), Is.EqualTo(new[] { "East", "North", "West" }));
        });
    }

    [Test]
    public void Sorting_regions_by_their_total_ascending_and_descending()
    {
        var ascending = Items(sorts: [new UserSortState("AmountHeader", false)]);
        var descending = Items(sorts: [new UserSortState("AmountHeader", true)]);
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(ascending, "RegionBox"), Is.EqualTo(new[] { "North", "East", "West" }));
            Assert.That(TextsOf(ascending, "RegionTotal"), Is.EqualTo(new[] { "R 1.00", "R 35.00", "R 37.00" }));
            Assert.That(SortOf(ascending, "AmountHeader")!.State, Is.EqualTo(SortState.Ascending));
            Assert.That(TextsOf(descending, "RegionBox"), Is.EqualTo(new[] { "West", "East", "North" }));
            Assert.That(SortOf(descending, "AmountHeader")!.State, Is.EqualTo(SortState.Descending));
            Assert.That(SortOf(descending, "ProductHeader")!.State, Is.EqualTo(SortState.None));
        });
    }

    [Test]
    public void Sorting_detail_rows_by_product_both_ways()
    {
        var ascending = Items(AllOpen, [new UserSortState("ProductHeader", false)]);
        var descending = Items(AllOpen, [new UserSortState("ProductHeader", true)]);
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(ascending, "ProductBox"), Is.EqualTo(new[] { "Apples", "Pears" }));
            Assert.That(TextsOf(descending, "ProductBox"), Is.EqualTo(new[] { "Pears", "Apples" }));
            Assert.That(TextsOf(descending, "AmountBox"), Is.EqualTo(new[] { "D 20.00", "D 10.00" }));
            Assert.That(TextsOf(descending, "RegionBox"), Is.EqualTo(new[] { "East", "North", "West" }), "a detail sort leaves the groups' order");
            Assert.That(SortOf(descending, "ProductHeader")!.State, Is.EqualTo(SortState.Descending));
        });
    }

    [Test]
    public void The_latest_click_of_a_button_decides_and_sorts_of_other_scopes_apply_together()
    {
        var items = Items(AllOpen, [new UserSortState("AmountHeader", false), new UserSortState("ProductHeader", true), new UserSortState("AmountHeader", true)]);
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(items, "RegionBox"), Is.EqualTo(new[] { "West", "East", "North" }));
            Assert.That(SortOf(items, "AmountHeader")!.State, Is.EqualTo(SortState.Descending));
            Assert.That(TextsOf(items, "ProductBox"), Is.EqualTo(new[] { "Pears", "Apples" }));
            Assert.That(SortOf(items, "ProductHeader")!.State, Is.EqualTo(SortState.Descending));
        });
    }

    [Test]
    public void Toggle_ids_follow_their_instance_when_a_sort_moves_it()
    {
        var items = Items(["RegionBox.Region-West"], [new UserSortState("AmountHeader", true)]);
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(items, "RegionBox"), Is.EqualTo(new[] { "West", "East", "North" }));
            Assert.That(TextsOf(items, "CountryBox"), Is.EqualTo(new[] { "MX", "US" }), "West, now first, is still the expanded one");
        });
    }
}
