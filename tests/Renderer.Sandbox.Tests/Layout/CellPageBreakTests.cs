using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>
/// Page breaks on items inside tablix body cells (the SSRS "one list item per page" pattern): they apply to the cell's
/// row instance, in list-like tablixes only, never making a blank page.
/// </summary>
public sealed class CellPageBreakTests
{
    private const double CardHeight = 40;

    /// <summary>A rectangle showing Fields!Item.Value; <paramref name="extra"/> goes inside it (PageBreak, PageName).</summary>
    private static string Card(string extra = "", string name = "Card", string? inner = null) =>
        $"<Rectangle Name=\"{name}\"><ReportItems>{inner ?? Textbox(name + "Text", "=Fields!Item.Value")}</ReportItems>{extra}"
        + $"<Top>0pt</Top><Left>0pt</Left><Height>{CardHeight}pt</Height><Width>150pt</Width></Rectangle>";

    private static string Cell(string contents) => $"<TablixCell><CellContents>{contents}</CellContents></TablixCell>";

    private static string Row(params string[] cells) => $"<TablixRow><Height>{CardHeight}pt</Height><TablixCells>{string.Concat(cells.Select(Cell))}</TablixCells></TablixRow>";

    private const string Details = "<TablixMember><Group Name=\"Details\" /></TablixMember>";

    private static string ByRegion(string groupExtra = "", string children = Details) =>
        $"<TablixMember><Group Name=\"RegionGroup\"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions>{groupExtra}</Group>"
        + (children.Length == 0 ? "" : $"<TablixMembers>{children}</TablixMembers>") + "</TablixMember>";

    /// <summary>A tablix over Data with the given body rows, one body column per entry of <paramref name="columns"/> (static).</summary>
    private static string Tablix(string rows, string rowMembers, int columns = 1, double top = 0, string name = "List", string extra = "")
    {
        var widths = string.Concat(Enumerable.Repeat("<TablixColumn><Width>150pt</Width></TablixColumn>", columns));
        var columnMembers = string.Concat(Enumerable.Repeat("<TablixMember />", columns));
        return $"<Tablix Name=\"{name}\"><TablixBody><TablixColumns>{widths}</TablixColumns><TablixRows>{rows}</TablixRows></TablixBody>"
            + $"<TablixColumnHierarchy><TablixMembers>{columnMembers}</TablixMembers></TablixColumnHierarchy>"
            + $"<TablixRowHierarchy><TablixMembers>{rowMembers}</TablixMembers></TablixRowHierarchy>"
            + $"<DataSetName>Data</DataSetName>{extra}<Top>{top}pt</Top><Left>0pt</Left><Height>{CardHeight}pt</Height><Width>{150 * columns}pt</Width></Tablix>";
    }

    /// <summary>A list (one body column, one details row) whose cell holds <paramref name="contents"/>.</summary>
    private static string List(string contents, double top = 0, string? rowMember = null) => Tablix(Row(contents), rowMember ?? Details, top: top);

    private static string[][] PagesOf(LayoutRun run) => run.Pages.Select(p => run.BodyTexts(p.Number)).ToArray();

    [TestCase("Start")]
    [TestCase("End")]
    [TestCase("StartAndEnd")]
    [TestCase("Between")]
    public void Rectangle_with_a_break_in_a_list_puts_each_list_item_on_its_own_page(string location)
    {
        var run = LayoutRun.Render(Report(List(Card(PageBreak(location)))), Columns, Rows([3]));

        Assert.That(PagesOf(run), Is.EqualTo(new[] { new[] { "A1" }, ["A2"], ["A3"] }), "no blank first or last page");
        Assert.That(run.Find("A2").Item.Bounds.Y, Is.EqualTo(BodyTop).Within(0.01), "each item starts at the top of its page");
        Assert.That(run.Pages.Select(p => p.StartsSection), Is.All.True, "explicit breaks (one worksheet each in XLSX)");
        Assert.That(run.SheetNames(), Has.Length.EqualTo(3));
    }

    [TestCase("Start", new[] { "Title" }, new[] { "A1" }, new[] { "A2" }, new[] { "A3", "After" })]
    [TestCase("End", new[] { "Title", "A1" }, new[] { "A2" }, new[] { "A3" }, new[] { "After" })]
    [TestCase("StartAndEnd", new[] { "Title" }, new[] { "A1" }, new[] { "A2" }, new[] { "A3" }, new[] { "After" })]
    [TestCase("Between", new[] { "Title", "A1" }, new[] { "A2" }, new[] { "A3", "After" })]
    public void Break_location_decides_where_the_items_around_the_list_go(string location, params string[][] expected)
    {
        var run = LayoutRun.Render(
            Report(Textbox("Title", "Title") + List(Card(PageBreak(location)), top: 30) + Textbox("After", "After", top: 30 + CardHeight + 10)),
            Columns, Rows([3]));

        Assert.That(PagesOf(run), Is.EqualTo(expected));
    }

    [Test]
    public void Disabled_expression_suppresses_the_break_of_that_instance_only()
    {
        var run = LayoutRun.Render(Report(List(Card(PageBreak("End", "<Disabled>=Fields!Item.Value = \"A2\"</Disabled>")))), Columns, Rows([4]));

        Assert.That(PagesOf(run), Is.EqualTo(new[] { new[] { "A1" }, ["A2", "A3"], ["A4"] }));
    }

    [Test]
    public void Disabled_between_instance_keeps_that_instance_on_the_previous_page()
    {
        var run = LayoutRun.Render(Report(List(Card(PageBreak("Between", "<Disabled>=Fields!Item.Value = \"A2\"</Disabled>")))), Columns, Rows([3]));

        Assert.That(PagesOf(run), Is.EqualTo(new[] { new[] { "A1", "A2" }, ["A3"] }));
    }

    [Test]
    public void Rectangle_PageName_names_the_pages_and_the_worksheets()
    {
        var run = LayoutRun.Render(
            Report(List(Card(PageBreak("End") + "<PageName>=\"Item \" &amp; Fields!Item.Value</PageName>")), header: Textbox("Name", "=Globals!PageName")),
            Columns, Rows([3]));

        Assert.That(run.TextsOf("Name"), Is.EqualTo(new[] { "Item A1", "Item A2", "Item A3" }), "Globals!PageName");
        Assert.That(run.Pages.Select(p => p.Name), Is.EqualTo(new[] { "Item A1", "Item A2", "Item A3" }));
        Assert.That(run.SheetNames(), Is.EqualTo(new[] { "Item A1", "Item A2", "Item A3" }));
    }

    [Test]
    public void Tablix_PageName_names_the_pages_when_the_rectangle_has_none()
    {
        var list = Tablix(Row(Card(PageBreak("End"))), Details, extra: "<PageName>Letters</PageName>");
        var run = LayoutRun.Render(Report(list), Columns, Rows([2]));

        Assert.That(run.SheetNames(), Is.EqualTo(new[] { "Letters", "Letters (2)" }));
    }

    [Test]
    public void ResetPageNumber_restarts_the_page_number_at_each_item()
    {
        var run = LayoutRun.Render(
            Report(List(Card(PageBreak("Start", "<ResetPageNumber>true</ResetPageNumber>"))), footer: Textbox("Numbers", "=Globals!PageNumber & \"/\" & Globals!OverallPageNumber")),
            Columns, Rows([3]));

        Assert.That(run.TextsOf("Numbers"), Is.EqualTo(new[] { "1/1", "1/2", "1/3" }));
    }

    [Test]
    public void Rectangle_nested_in_the_cell_rectangle_breaks_its_row_too()
    {
        var run = LayoutRun.Render(Report(List(Card(inner: Card(PageBreak("End"), name: "Inner"), name: "Outer"))), Columns, Rows([3]));

        Assert.That(PagesOf(run), Is.EqualTo(new[] { new[] { "A1" }, ["A2"], ["A3"] }));
    }

    [Test]
    public void Data_region_in_the_cell_with_its_own_break_breaks_at_its_row_instance()
    {
        // A list of regions; each region's cell holds the region's name and, below it, a small table with PageBreak End.
        var table = Tablix(Row(Textbox("Static", "Table")), "<TablixMember />", name: "Inner", top: 20, extra: PageBreak("End"));
        var cell = Card(name: "Region", inner: Textbox("RegionText", "=Fields!Region.Value") + table);
        var run = LayoutRun.Render(Report(List(cell, rowMember: ByRegion(children: ""))), Columns, Rows([2, 1, 3]));

        Assert.That(PagesOf(run), Is.EqualTo(new[] { new[] { "A", "Table" }, ["B", "Table"], ["C", "Table"] }));
    }

    [Test]
    public void Break_in_a_tablix_with_two_body_columns_is_ignored()
    {
        var table = Tablix(Row(Card(PageBreak("End")), Textbox("Other", "=Fields!Region.Value")), Details, columns: 2);
        var run = LayoutRun.Render(Report(table, bodyWidth: 300, pageWidth: 400), Columns, Rows([3]));

        Assert.That(run.Pages, Has.Length.EqualTo(1), "SSRS ignores cell page breaks in a tablix that is not list-like");
        Assert.That(run.BodyTexts(1), Is.EqualTo(new[] { "A1", "A", "A2", "A", "A3", "A" }));
    }

    [Test]
    public void Break_in_a_header_row_outside_every_group_is_ignored()
    {
        var rows = Row(Card(PageBreak("End"), name: "Header", inner: Textbox("HeaderText", "Header"))) + Row(Textbox("ItemText", "=Fields!Item.Value"));
        var run = LayoutRun.Render(Report(Tablix(rows, "<TablixMember />" + Details)), Columns, Rows([3]));

        Assert.That(PagesOf(run), Is.EqualTo(new[] { new[] { "Header", "A1", "A2", "A3" } }));
    }

    [Test]
    public void Break_next_to_a_group_break_makes_one_break()
    {
        var end = LayoutRun.Render(Report(List(Card(PageBreak("End")), rowMember: ByRegion(PageBreak("End")))), Columns, Rows([1, 1, 1]));
        var between = LayoutRun.Render(Report(List(Card(PageBreak("End")), rowMember: ByRegion(PageBreak("Between")))), Columns, Rows([2, 1]));
        var start = LayoutRun.Render(Report(List(Card(PageBreak("Start")), rowMember: ByRegion(PageBreak("StartAndEnd")))), Columns, Rows([1, 2]));

        Assert.That(PagesOf(end), Is.EqualTo(new[] { new[] { "A1" }, ["B1"], ["C1"] }));
        Assert.That(PagesOf(between), Is.EqualTo(new[] { new[] { "A1" }, ["A2"], ["B1"] }));
        Assert.That(PagesOf(start), Is.EqualTo(new[] { new[] { "A1" }, ["B1"], ["B2"] }));
    }

    [Test]
    public void Group_PageName_still_names_pages_and_the_rectangle_name_wins_inside_it()
    {
        var grouped = List(Card(PageBreak("End")), rowMember: ByRegion("<PageName>=\"Region \" &amp; Fields!Region.Value</PageName>"));
        var named = List(Card(PageBreak("End") + "<PageName>=Fields!Item.Value</PageName>"), rowMember: ByRegion("<PageName>=\"Region \" &amp; Fields!Region.Value</PageName>"));

        Assert.That(LayoutRun.Render(Report(grouped), Columns, Rows([2, 1])).SheetNames(), Is.EqualTo(new[] { "Region A", "Region A (2)", "Region B" }));
        Assert.That(LayoutRun.Render(Report(named), Columns, Rows([2, 1])).SheetNames(), Is.EqualTo(new[] { "A1", "A2", "B1" }));
    }
}
