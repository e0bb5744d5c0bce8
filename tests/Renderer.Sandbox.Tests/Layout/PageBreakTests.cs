using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>Explicit page breaks (PageBreak on groups, rectangles and data regions) placed as SSRS places them.</summary>
public sealed class PageBreakTests
{
    private static LayoutRun Grouped(string groupExtra, int[] counts, string before = "") =>
        LayoutRun.Render(Report(before + Table(before.Length == 0 ? 0 : 30, groupExtra)), Columns, Rows(counts));

    [Test]
    public void Break_between_group_instances_puts_each_group_on_its_own_page_with_the_header_repeated()
    {
        var run = Grouped(PageBreak("Between"), [2, 3, 1]);

        Assert.That(run.Pages, Has.Length.EqualTo(3));
        Assert.That(run.BodyTexts(1), Is.EqualTo(new[] { "Region", "Item", "A", "A1", "A", "A2" }));
        Assert.That(run.BodyTexts(2), Is.EqualTo(new[] { "Region", "Item", "B", "B1", "B", "B2", "B", "B3" }), "the RepeatOnNewPage header repeats after the explicit break");
        Assert.That(run.BodyTexts(3), Is.EqualTo(new[] { "Region", "Item", "C", "C1" }));
        Assert.That(run.Find("B1").Item.Bounds.Y, Is.EqualTo(BodyTop + RowHeight).Within(0.01), "B1 sits right below the repeated header");
        Assert.That(run.Pages.Select(p => p.StartsSection), Is.EqualTo(new[] { true, true, true }));
    }

    [TestCase("Start")]
    [TestCase("End")]
    [TestCase("StartAndEnd")]
    public void Break_on_every_group_instance_adds_no_blank_first_or_last_page(string location)
    {
        var run = Grouped(PageBreak(location), [2, 2, 2]);

        Assert.That(run.Pages, Has.Length.EqualTo(3));
        Assert.That(run.Pages.Select(p => run.BodyTexts(p.Number)[3]), Is.EqualTo(new[] { "A1", "B1", "C1" }));
    }

    [Test]
    public void Break_at_the_start_of_the_first_group_takes_the_table_header_along()
    {
        var run = Grouped(PageBreak("Start"), [1, 1], before: Textbox("Title", "Title"));

        Assert.That(run.Pages, Has.Length.EqualTo(3));
        Assert.That(run.BodyTexts(1), Is.EqualTo(new[] { "Title" }));
        Assert.That(run.BodyTexts(2), Is.EqualTo(new[] { "Region", "Item", "A", "A1" }));
        Assert.That(run.Find("A1").Item.Bounds.Y, Is.EqualTo(BodyTop + RowHeight).Within(0.01));
    }

    [TestCase("Start", new[] { "Before" }, new[] { "Rect", "After" })]
    [TestCase("End", new[] { "Before", "Rect" }, new[] { "After" })]
    [TestCase("StartAndEnd", new[] { "Before" }, new[] { "Rect" }, new[] { "After" })]
    public void Break_on_a_rectangle(string location, params string[][] expected)
    {
        var run = LayoutRun.Render(
            Report(Textbox("Before", "Before") + Rectangle("Rect", 30, 40, PageBreak(location)) + Textbox("After", "After", 80)),
            Columns);

        Assert.That(run.Pages.Select(p => run.BodyTexts(p.Number)), Is.EqualTo(expected));
        Assert.That(run.Find("Rect").Item.Bounds.Y, Is.EqualTo(location == "End" ? BodyTop + 30 : BodyTop).Within(0.01), "the rectangle's content moves to the top of its page");
    }

    [Test]
    public void Break_at_the_end_of_the_last_item_adds_no_page()
    {
        var run = LayoutRun.Render(Report(Textbox("Before", "Before") + Rectangle("Rect", 30, 40, PageBreak("End"))), Columns);

        Assert.That(run.Pages, Has.Length.EqualTo(1));
    }

    [TestCase("<Disabled>true</Disabled>")]
    [TestCase("<Disabled>=true</Disabled>")]
    public void Disabled_break_is_ignored(string disabled)
    {
        var rectangle = LayoutRun.Render(Report(Textbox("Before", "Before") + Rectangle("Rect", 30, 40, PageBreak("StartAndEnd", disabled)) + Textbox("After", "After", 80)), Columns);
        var group = Grouped(PageBreak("Between", disabled), [2, 2]);

        Assert.That(rectangle.Pages, Has.Length.EqualTo(1));
        Assert.That(group.Pages, Has.Length.EqualTo(1));
    }

    [Test]
    public void Break_on_a_data_region_and_the_2005_PageBreakAtStart_flag()
    {
        var tablix = LayoutRun.Render(Report(Textbox("Title", "Title") + Table(30, tablixExtra: PageBreak("Start"))), Columns, Rows([1]));
        var legacy = LayoutRun.Render(Report(Textbox("Title", "Title") + Rectangle("Rect", 30, 40, "<PageBreakAtStart>true</PageBreakAtStart>")), Columns);

        Assert.That(tablix.BodyTexts(1), Is.EqualTo(new[] { "Title" }));
        Assert.That(tablix.BodyTexts(2), Is.EqualTo(new[] { "Region", "Item", "A", "A1" }));
        Assert.That(legacy.Pages, Has.Length.EqualTo(2));
    }

    [Test]
    public void Soft_breaks_do_not_start_sections()
    {
        var run = Grouped(string.Empty, [30]);

        Assert.That(run.Pages.Length, Is.GreaterThan(1), "31 rows of 20pt overflow a 320pt body");
        Assert.That(run.Pages.Skip(1).Select(p => p.StartsSection), Is.All.False);
        Assert.That(run.SheetNames(), Has.Length.EqualTo(1), "soft page breaks make no new worksheet");
    }
}
