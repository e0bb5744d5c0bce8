using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>KeepTogether on rectangles, data regions and groups; multi-column bodies (Page/Columns).</summary>
public sealed class KeepTogetherAndColumnsTests
{
    [TestCase(true, 2)]
    [TestCase(false, 1)]
    public void KeepTogether_moves_a_table_that_fits_on_a_page_to_the_next_page(bool keepTogether, int expectedPage)
    {
        // Title 200pt, then the table: header + 8 rows = 180pt; only 120pt are left on page 1.
        var extra = keepTogether ? "<KeepTogether>true</KeepTogether>" : string.Empty;
        var run = LayoutRun.Render(Report(Textbox("Title", "Title", 0, 200) + Table(200, tablixExtra: extra, grouped: false)), Columns, Rows([8]));

        var (page, header) = run.Find("Region");
        Assert.That(page, Is.EqualTo(expectedPage));
        Assert.That(header.Bounds.Y, Is.EqualTo(keepTogether ? BodyTop : BodyTop + 200).Within(0.01));
    }

    [Test]
    public void KeepTogether_table_taller_than_a_page_still_breaks()
    {
        var run = LayoutRun.Render(Report(Textbox("Title", "Title", 0, 200) + Table(200, tablixExtra: "<KeepTogether>true</KeepTogether>", grouped: false)), Columns, Rows([30]));

        Assert.That(run.Find("Region").Page, Is.EqualTo(1), "a table longer than a page starts right below the title");
        Assert.That(run.Find("A5").Page, Is.EqualTo(1));
        Assert.That(run.Find("A6").Page, Is.EqualTo(2));
    }

    [Test]
    public void KeepTogether_rectangle_moves_to_the_next_page()
    {
        var run = LayoutRun.Render(Report(Textbox("Title", "Title", 0, 250) + Rectangle("Rect", 250, 100, "<KeepTogether>true</KeepTogether>")), Columns);

        Assert.That(run.Find("Rect").Page, Is.EqualTo(2));
        Assert.That(run.Find("Rect").Item.Bounds.Y, Is.EqualTo(BodyTop).Within(0.01));
    }

    [TestCase(true, 2)]
    [TestCase(false, 1)]
    public void KeepTogether_group_instance_moves_whole_to_the_next_page(bool keepTogether, int expectedPage)
    {
        // Title 220pt + header 20pt + A (2 rows) = 300pt; B's 3 rows (60pt) do not fit in the 20pt left.
        var extra = keepTogether ? "<KeepTogether>true</KeepTogether>" : string.Empty;
        var run = LayoutRun.Render(Report(Textbox("Title", "Title", 0, 220) + Table(220, memberExtra: extra)), Columns, Rows([2, 3]));

        Assert.That(run.Find("B1").Page, Is.EqualTo(expectedPage));
        Assert.That(run.Find("B3").Page, Is.EqualTo(2));
    }

    [Test]
    public void Two_column_body_flows_down_the_first_column_then_the_second()
    {
        // Body 200pt wide, 10pt apart: the second column starts at 20 + 200 + 10 = 230pt (Item cells 100pt further right).
        // Header + 15 rows fill column 1.
        var run = LayoutRun.Render(
            Report(Table(grouped: false), pageExtra: "<Columns>2</Columns><ColumnSpacing>10pt</ColumnSpacing>", pageWidth: 500),
            Columns, Rows([20]));

        Assert.That(run.Pages, Has.Length.EqualTo(1));
        var (page, last) = run.Find("A15");
        Assert.That(last.Bounds.X, Is.EqualTo(LeftMargin + 100).Within(0.01));
        var (_, first) = run.Find("A16");
        Assert.That(first.Bounds.X, Is.EqualTo(LeftMargin + 210 + 100).Within(0.01), "first band of column 2 at the column offset");
        Assert.That(first.Bounds.Y, Is.EqualTo(BodyTop + RowHeight).Within(0.01), "below the repeated header");
        var headers = run.Pages[0].Items.OfType<Pages.TextItem>().Where(t => t.Text == "Region").Select(t => t.Bounds.X).ToArray();
        Assert.That(headers, Is.EqualTo(new[] { LeftMargin, LeftMargin + 210 }).Within(0.01));
        Assert.That(page, Is.EqualTo(1));
    }

    [Test]
    public void Two_column_body_starts_a_new_page_when_both_columns_are_full()
    {
        var run = LayoutRun.Render(
            Report(Table(grouped: false), pageExtra: "<Columns>2</Columns><ColumnSpacing>10pt</ColumnSpacing>", pageWidth: 500),
            Columns, Rows([40]));

        Assert.That(run.Find("A30").Page, Is.EqualTo(1));
        Assert.That(run.Find("A31").Page, Is.EqualTo(2));
        Assert.That(run.Find("A31").Item.Bounds.X, Is.EqualTo(LeftMargin + 100).Within(0.01));
    }

    [Test]
    public void Rectangle_holding_a_table_longer_than_a_page_breaks_inside_and_keeps_the_group_breaks()
    {
        // A borderless rectangle only groups its items: the table inside paginates like a body table.
        var inner = Table(groupExtra: PageBreak("Between"));
        var rectangle = $"<Rectangle Name=\"Box\"><ReportItems>{inner}</ReportItems><KeepTogether>true</KeepTogether>"
            + "<Top>30pt</Top><Left>10pt</Left><Height>60pt</Height><Width>250pt</Width></Rectangle>";
        var run = LayoutRun.Render(Report(Textbox("Title", "Title") + rectangle + Textbox("After", "After", 100)), Columns, Rows([1, 20]));

        Assert.That(run.Find("A1").Page, Is.EqualTo(1), "too tall to keep together: starts right below the title");
        Assert.That(run.Find("A1").Item.Bounds.X, Is.EqualTo(LeftMargin + 10 + 100).Within(0.01), "items keep the rectangle's offset");
        Assert.That(run.Find("B1").Page, Is.EqualTo(2), "the group break inside the rectangle applies");
        Assert.That(run.Find("B20").Page, Is.EqualTo(3));
        Assert.That(run.Find("After").Page, Is.EqualTo(3), "the item below the rectangle is pushed down by its growth");
    }

    [Test]
    public void Column_spacing_defaults_to_half_an_inch()
    {
        var run = LayoutRun.Render(Report(Table(grouped: false), pageExtra: "<Columns>2</Columns>", pageWidth: 500), Columns, Rows([20]));

        Assert.That(run.Find("A16").Item.Bounds.X, Is.EqualTo(LeftMargin + 200 + 36 + 100).Within(0.01));
    }
}
