using Renderer.Sandbox;
using Renderer.Sandbox.Pages;
using UglyToad.PdfPig;
using static Renderer.Host.Tests.Rendering.DrilldownReport;

namespace Renderer.Host.Tests.Rendering;

/// <summary>
/// Drilldown toggles (Visibility/ToggleItem) with the viewer's state: the initial render, toggled region and country
/// instances, a toggled report item, ids that stay the same between renders, and a PDF and XLSX export of a toggled state.
/// </summary>
public sealed class DrilldownTests
{
    private static string[] TextsOf(List<TextItem> items, string name) => [.. items.Where(t => t.Name == name).Select(t => t.Text)];

    private static TextItem Named(List<TextItem> items, string name, string text) => items.Single(t => t.Name == name && t.Text == text);

    [Test]
    public void Initial_render_shows_regions_collapsed_with_their_totals_and_hides_countries_products_and_the_note()
    {
        var items = Items();
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(items, "RegionBox"), Is.EqualTo(new[] { "East", "North", "West" }));
            Assert.That(TextsOf(items, "RegionTotal"), Is.EqualTo(new[] { "R 35.00", "R 1.00", "R 37.00" }));
            Assert.That(TextsOf(items, "CountryBox"), Is.Empty, "countries start hidden");
            Assert.That(TextsOf(items, "ProductBox"), Is.Empty, "products start hidden");
            Assert.That(TextsOf(items, "GrandTotal"), Is.EqualTo(new[] { "73.00" }));
            Assert.That(TextsOf(items, "NoteText"), Is.Empty, "the note starts hidden");
            Assert.That(items.Where(t => t.Name == "RegionBox").Select(t => t.Toggle),
                Is.EqualTo(new[] { new ToggleControl("RegionBox.Region-East", false), new ToggleControl("RegionBox.Region-North", false), new ToggleControl("RegionBox.Region-West", false) }));
            Assert.That(Named(items, "ShowNote", "About these figures").Toggle, Is.EqualTo(new ToggleControl("ShowNote", false)));
            Assert.That(Named(items, "NameHeader", "Name").Toggle, Is.Null, "a textbox no item names has no toggle");
        });
    }

    [Test]
    public void Toggling_a_region_shows_that_regions_countries_and_expands_its_toggle_only()
    {
        var items = Items(["RegionBox.Region-East"]);
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(items, "CountryBox"), Is.EqualTo(new[] { "CA", "US" }), "East's countries, in their sort order");
            Assert.That(TextsOf(items, "CountryTotal"), Is.EqualTo(new[] { "C 5.00", "C 30.00" }));
            Assert.That(TextsOf(items, "ProductBox"), Is.Empty, "products stay hidden");
            Assert.That(Named(items, "RegionBox", "East").Toggle, Is.EqualTo(new ToggleControl("RegionBox.Region-East", true)));
            Assert.That(Named(items, "RegionBox", "West").Toggle, Is.EqualTo(new ToggleControl("RegionBox.Region-West", false)));
            Assert.That(items.Where(t => t.Name == "CountryBox").Select(t => t.Toggle),
                Is.EqualTo(new[] { new ToggleControl("CountryBox.Region-East.Country-CA", false), new ToggleControl("CountryBox.Region-East.Country-US", false) }));
            var east = Named(items, "RegionBox", "East").Bounds.Y;
            var north = Named(items, "RegionBox", "North").Bounds.Y;
            Assert.That(items.Where(t => t.Name == "CountryBox").Select(t => t.Bounds.Y), Has.All.InRange(east, north), "the countries sit under East, above North");
        });
    }

    [Test]
    public void A_nested_toggle_shows_the_products_of_one_country_of_one_region()
    {
        var items = Items(["RegionBox.Region-East", "CountryBox.Region-East.Country-US"]);
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(items, "ProductBox"), Is.EqualTo(new[] { "Apples", "Pears" }));
            Assert.That(TextsOf(items, "AmountBox"), Is.EqualTo(new[] { "D 10.00", "D 20.00" }));
            Assert.That(Named(items, "CountryBox", "US").Toggle!.Expanded, Is.True);
            Assert.That(Named(items, "CountryBox", "CA").Toggle!.Expanded, Is.False);
        });
        Assert.That(TextsOf(Items(["CountryBox.Region-East.Country-US"]), "ProductBox"), Is.Empty, "a country toggled inside a collapsed region stays out of view");
    }

    [Test]
    public void Toggle_ids_are_the_same_in_two_renders_and_unknown_ids_change_nothing()
    {
        static string[] Ids(List<TextItem> items) => [.. items.Select(t => t.Toggle?.Id).OfType<string>()];
        var first = Items(["RegionBox.Region-East", "RegionBox.Region-West"]);
        var second = Items(["RegionBox.Region-East", "RegionBox.Region-West"]);
        Assert.Multiple(() =>
        {
            Assert.That(Ids(first), Is.EqualTo(Ids(second)));
            Assert.That(Ids(first), Does.Contain("CountryBox.Region-West.Country-MX"));
            Assert.That(Ids(first).All(id => id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')), Is.True, string.Join(", ", Ids(first)));
            Assert.That(TextsOf(Items(["RegionBox.Region-Nowhere", "Nothing"]), "CountryBox"), Is.Empty);
        });
    }

    [Test]
    public void Toggling_a_report_item_shows_it_and_expands_its_toggle()
    {
        var items = Items(["ShowNote"]);
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(items, "NoteText"), Is.EqualTo(new[] { "Amounts are in thousands." }));
            Assert.That(Named(items, "ShowNote", "About these figures").Toggle, Is.EqualTo(new ToggleControl("ShowNote", true)));
            Assert.That(TextsOf(items, "CountryBox"), Is.Empty, "the table keeps its own state");
        });
    }

    [Test]
    public void A_toggle_in_a_detail_row_shows_the_hidden_cell_of_that_row_only()
    {
        var closed = Items(["RegionBox.Region-East", "CountryBox.Region-East.Country-US"]);
        var apples = closed.Single(t => t.Name == "ProductBox" && t.Text == "Apples").Toggle!;
        var open = Items(["RegionBox.Region-East", "CountryBox.Region-East.Country-US", apples.Id]);
        Assert.Multiple(() =>
        {
            Assert.That(apples, Is.EqualTo(new ToggleControl("ProductBox.Region-East.Country-US.Details-1", false)), "a detail row is named by its row in the dataset");
            Assert.That(TextsOf(closed, "DetailNote"), Is.Empty);
            Assert.That(TextsOf(open, "DetailNote"), Is.EqualTo(new[] { "note Apples" }));
            Assert.That(TextsOf(open, "ProductBox"), Is.EqualTo(new[] { "Apples", "Pears" }), "the rest of the row stays");
            Assert.That(Named(open, "ProductBox", "Apples").Toggle!.Expanded, Is.True);
        });
    }

    [Test]
    public void ToggleImage_InitialState_sets_the_toggles_initial_look()
    {
        var items = Items(regionToggleImage: "<ToggleImage><InitialState>true</InitialState></ToggleImage>");
        Assert.Multiple(() =>
        {
            Assert.That(Named(items, "RegionBox", "East").Toggle, Is.EqualTo(new ToggleControl("RegionBox.Region-East", true)));
            Assert.That(TextsOf(items, "CountryBox"), Is.Empty, "InitialState changes the toggle's look, not the items' Hidden");
        });
        Assert.That(Named(Items(["RegionBox.Region-East"], regionToggleImage: "<ToggleImage><InitialState>true</InitialState></ToggleImage>"), "RegionBox", "East").Toggle!.Expanded, Is.False);
    }

    [Test]
    public async Task Pdf_export_of_a_toggled_state_shows_the_detail_figures()
    {
        static async Task<string> PdfText(string[] toggled)
        {
            var output = await RenderAsync("pdf", toggled);
            Assert.That(output.Content, Is.Not.Empty, () => string.Join("\n", output.Diagnostics));
            using var pdf = PdfDocument.Open(output.Content);
            return string.Join("\n", pdf.GetPages().Select(p => p.Text));
        }
        var collapsed = await PdfText([]);
        var expanded = await PdfText(["RegionBox.Region-East", "CountryBox.Region-East.Country-US"]);
        Assert.Multiple(() =>
        {
            Assert.That(collapsed, Does.Contain("R 35.00").And.Not.Contain("D 10.00"));
            Assert.That(expanded, Does.Contain("Apples").And.Contain("D 10.00").And.Contain("D 20.00").And.Contain("C 30.00"));
            Assert.That(expanded, Does.Not.Contain("Plums"), "Canada stays collapsed");
        });
    }

    [Test]
    public async Task Xlsx_export_of_a_toggled_state_shows_the_toggled_detail_rows_and_hides_the_others()
    {
        static async Task<(string Shown, string Hidden)> SheetText(string[] toggled)
        {
            var output = await RenderAsync("xlsx", toggled);
            Assert.That(output.Content, Is.Not.Empty, () => string.Join("\n", output.Diagnostics));
            var (rows, _) = XlsxDrilldownOutlineTests.Read(output.Content);
            static string Text(IEnumerable<XlsxDrilldownOutlineTests.SheetRow> rows) => string.Join(" ", rows.SelectMany(r => r.Values));
            return (Text(rows.Where(r => !r.Hidden)), Text(rows.Where(r => r.Hidden)));
        }
        var collapsed = await SheetText([]);
        var expanded = await SheetText(["RegionBox.Region-West", "CountryBox.Region-West.Country-US"]);
        Assert.Multiple(() =>
        {
            Assert.That(collapsed.Shown, Does.Contain("R 37.00").And.Not.Contain("Grapes"));
            Assert.That(collapsed.Hidden, Does.Contain("Grapes"), "collapsed rows are in the sheet, hidden (SSRS's Excel outline)");
            Assert.That(expanded.Shown, Does.Contain("Grapes").And.Contain("D 30.00").And.Contain("MX").And.Not.Contain("Kiwis"));
            Assert.That(expanded.Hidden, Does.Contain("Kiwis"));
        });
    }
}
