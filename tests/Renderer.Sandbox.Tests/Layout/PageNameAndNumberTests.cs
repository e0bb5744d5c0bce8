using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>PageName / InitialPageName (Globals!PageName, XLSX sheet names) and ResetPageNumber (Globals!PageNumber, TotalPages).</summary>
public sealed class PageNameAndNumberTests
{
    private const string Numbers = "=Globals!PageNumber & \"/\" & Globals!TotalPages & \" \" & Globals!OverallPageNumber & \"/\" & Globals!OverallTotalPages";

    [Test]
    public void ResetPageNumber_restarts_PageNumber_and_TotalPages_counts_the_section()
    {
        // B spans two pages (1 header + 20 rows = 420pt > 320pt).
        var run = LayoutRun.Render(
            Report(Table(groupExtra: PageBreak("Between", "<ResetPageNumber>true</ResetPageNumber>")), footer: Textbox("Numbers", Numbers)),
            Columns, Rows([2, 20, 1]));

        Assert.That(run.TextsOf("Numbers"), Is.EqualTo(new[] { "1/1 1/4", "1/2 2/4", "2/2 3/4", "1/1 4/4" }));
    }

    [Test]
    public void Without_ResetPageNumber_page_numbers_run_through_the_report()
    {
        var run = LayoutRun.Render(Report(Table(groupExtra: PageBreak("Between")), footer: Textbox("Numbers", Numbers)), Columns, Rows([2, 2]));

        Assert.That(run.TextsOf("Numbers"), Is.EqualTo(new[] { "1/2 1/2", "2/2 2/2" }));
    }

    [Test]
    public void ResetPageNumber_as_an_expression()
    {
        var run = LayoutRun.Render(
            Report(Table(groupExtra: PageBreak("Between", "<ResetPageNumber>=true</ResetPageNumber>")), footer: Textbox("Numbers", Numbers)),
            Columns, Rows([1, 1]));

        Assert.That(run.TextsOf("Numbers"), Is.EqualTo(new[] { "1/1 1/2", "1/1 2/2" }));
    }

    [Test]
    public void Group_PageName_names_its_pages_in_the_header_and_the_page_model()
    {
        // B spans two pages: its continuation page keeps the name.
        var run = LayoutRun.Render(
            Report(Table(groupExtra: PageBreak("Between") + "<PageName>=\"Region \" &amp; Fields!Region.Value</PageName>"), header: Textbox("Name", "=Globals!PageName")),
            Columns, Rows([1, 20]));

        Assert.That(run.TextsOf("Name"), Is.EqualTo(new[] { "Region A", "Region B", "Region B" }));
        Assert.That(run.Pages.Select(p => p.Name), Is.EqualTo(new[] { "Region A", "Region B", "Region B" }));
    }

    [Test]
    public void InitialPageName_names_the_first_page_and_XLSX_makes_one_sheet_per_explicit_break()
    {
        var run = LayoutRun.Render(
            Report(Textbox("Title", "Title") + Table(30, groupExtra: PageBreak("Start") + "<PageName>=Fields!Region.Value</PageName>"),
                header: Textbox("Name", "=Globals!PageName"), reportExtra: "<InitialPageName>Overview</InitialPageName>"),
            Columns, Rows([1, 1, 1, 1], ["N/A: none", "Q1/Q2", "Q1_Q2", "South"]));

        Assert.That(run.TextsOf("Name"), Is.EqualTo(new[] { "Overview", "N/A: none", "Q1/Q2", "Q1_Q2", "South" }));
        Assert.That(run.SheetNames(), Is.EqualTo(new[] { "Overview", "N_A_ none", "Q1_Q2", "Q1_Q2 (2)", "South" }), "valid, unique sheet names");
    }

    [Test]
    public void Rectangle_and_data_region_PageName()
    {
        var run = LayoutRun.Render(
            Report(Rectangle("Rect", 0, 40, PageBreak("End") + "<PageName>Cover</PageName>") + Table(50, tablixExtra: "<PageName>Data</PageName>"),
                header: Textbox("Name", "=Globals!PageName")),
            Columns, Rows([1]));

        Assert.That(run.TextsOf("Name"), Is.EqualTo(new[] { "Cover", "Data" }));
        Assert.That(run.SheetNames(), Is.EqualTo(new[] { "Cover", "Data" }));
    }
}
