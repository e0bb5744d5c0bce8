using Renderer.Sandbox.Pages;
using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>
/// A list row taller than a page (its rectangle holds a table of the group's rows) continues on the next pages, as SSRS
/// splits it: the nested table's rows paginate (repeating its RepeatOnNewPage header), the rectangle's box is drawn as
/// one fragment per page, and nothing past the first page's bottom is lost.
/// </summary>
public sealed class TallListRowTests
{
    private const double BodyBottom = BodyTop + BodyHeight;

    /// <summary>A list (one 220pt column) grouped by Region; its cell is a drawn rectangle with a title and the nested <see cref="PagingRdl.Table"/>.</summary>
    private static string List(string rectangleStyle = "<Style><Border><Style>Solid</Style></Border></Style>")
    {
        var frame = $"<Rectangle Name=\"Frame\"><ReportItems>{Textbox("RegionTitle", "=\"Region \" & Fields!Region.Value")}{Table(top: RowHeight)}</ReportItems>"
            + $"{rectangleStyle}<Top>0pt</Top><Left>0pt</Left><Height>{3 * RowHeight}pt</Height><Width>220pt</Width></Rectangle>";
        return "<Tablix Name=\"List\"><TablixBody><TablixColumns><TablixColumn><Width>220pt</Width></TablixColumn></TablixColumns>"
            + $"<TablixRows><TablixRow><Height>{3 * RowHeight}pt</Height><TablixCells><TablixCell><CellContents>{frame}</CellContents></TablixCell></TablixCells></TablixRow></TablixRows></TablixBody>"
            + "<TablixColumnHierarchy><TablixMembers><TablixMember /></TablixMembers></TablixColumnHierarchy>"
            + "<TablixRowHierarchy><TablixMembers><TablixMember><Group Name=\"ListGroup\"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Group></TablixMember></TablixMembers></TablixRowHierarchy>"
            + $"<DataSetName>Data</DataSetName><Top>0pt</Top><Left>0pt</Left><Height>{3 * RowHeight}pt</Height><Width>220pt</Width></Tablix>";
    }

    private static string[] Items(LayoutRun run) =>
        run.Pages.SelectMany(p => p.Items.OfType<TextItem>().Where(t => t.Name == "Item" && !(t.Cell?.IsRepeat ?? false)).OrderBy(t => t.Bounds.Y)).Select(t => t.Text).ToArray();

    [Test]
    public void A_list_row_with_a_nested_table_of_120_rows_spans_several_pages_with_every_row_once_in_order()
    {
        var run = LayoutRun.Render(Report(List(), bodyWidth: 240), Columns, Rows([120, 3]));

        var expected = Enumerable.Range(1, 120).Select(i => "A" + i).Concat(Enumerable.Range(1, 3).Select(i => "B" + i)).ToArray();
        Assert.That(Items(run), Is.EqualTo(expected), "every nested row once, in order, across the pages");
        Assert.That(run.Pages.Length, Is.GreaterThanOrEqualTo(120 * RowHeight / BodyHeight));
        Assert.Multiple(() =>
        {
            foreach (var page in run.Pages)
                foreach (var item in page.Items.Where(i => i.Region == PageRegion.Body))
                    Assert.That(item.Bounds.Bottom, Is.LessThanOrEqualTo(BodyBottom + 0.01), $"page {page.Number}: {item} stays inside the body");
            Assert.That(run.Find("Region A").Page, Is.EqualTo(1));
            Assert.That(run.Find("Region B").Page, Is.EqualTo(run.Find("A120").Page), "the next list row follows right after the tall one");
            Assert.That(run.Find("Region B").Item.Bounds.Y, Is.GreaterThan(run.Find("A120").Item.Bounds.Y));
            for (int p = 2; p <= run.Find("A120").Page; p++)
                Assert.That(run.Pages[p - 1].Items.OfType<TextItem>().Count(t => t.Text == "Item" && (t.Cell?.IsRepeat ?? false)), Is.EqualTo(1),
                    $"page {p}: the nested table's RepeatOnNewPage header repeats");
        });

        var frames = run.Pages.Select(p => p.Items.OfType<RectangleItem>().ToArray()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(frames.Take(run.Find("A120").Page).Select(f => f.Length), Is.All.GreaterThanOrEqualTo(1), "the frame is drawn on every page region A spans");
            var aFragments = frames.Take(run.Find("A120").Page).Select(f => f[0]).ToArray();
            Assert.That(aFragments.Count(f => f.Box.Top.IsVisible), Is.EqualTo(1), "one top border");
            Assert.That(aFragments[^1].Box.Bottom.IsVisible, Is.True, "the bottom border on the last fragment");
        });
    }

    [Test]
    public void A_list_row_with_a_short_nested_table_grows_to_hold_it_and_stays_on_one_page()
    {
        var run = LayoutRun.Render(Report(List(), bodyWidth: 240), Columns, Rows([4, 2]));

        Assert.That(run.Pages.Length, Is.EqualTo(1));
        Assert.That(Items(run), Is.EqualTo(new[] { "A1", "A2", "A3", "A4", "B1", "B2" }));
        var frames = run.Pages[0].Items.OfType<RectangleItem>().OrderBy(r => r.Bounds.Y).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(frames, Has.Length.EqualTo(2), "one frame per region");
            Assert.That(frames[0].Bounds.Height, Is.EqualTo(6 * RowHeight).Within(0.01), "title, table header and 4 rows");
            Assert.That(run.Find("Region B").Item.Bounds.Y, Is.EqualTo(frames[1].Bounds.Y).Within(0.01));
            Assert.That(frames[1].Bounds.Y, Is.EqualTo(frames[0].Bounds.Bottom).Within(0.01), "region B's row starts below region A's grown row");
            Assert.That(run.Find("A4").Item.Bounds.Bottom, Is.LessThanOrEqualTo(frames[0].Bounds.Bottom + 0.01));
        });
    }

    [Test]
    public void A_drawn_body_rectangle_that_a_nested_table_grows_past_a_page_continues_on_the_next_pages()
    {
        var frame = $"<Rectangle Name=\"Frame\"><ReportItems>{Table()}</ReportItems><Style><Border><Style>Solid</Style></Border></Style>"
            + $"<Top>0pt</Top><Left>0pt</Left><Height>{2 * RowHeight}pt</Height><Width>220pt</Width></Rectangle>";
        var run = LayoutRun.Render(Report(frame + Textbox("After", "After", top: 2 * RowHeight), bodyWidth: 240), Columns, Rows([40]));

        Assert.That(Items(run), Is.EqualTo(Enumerable.Range(1, 40).Select(i => "A" + i).ToArray()));
        var fragments = run.Pages.SelectMany(p => p.Items.OfType<RectangleItem>()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(run.Pages.Length, Is.GreaterThan(1));
            Assert.That(fragments.Count(f => f.Box.Top.IsVisible), Is.EqualTo(1), "one top border");
            Assert.That(fragments.Count(f => f.Box.Bottom.IsVisible), Is.EqualTo(1), "one bottom border");
            Assert.That(fragments.Sum(f => f.Bounds.Height), Is.EqualTo((41 + run.Pages.Length - 1) * RowHeight).Within(0.01),
                "the box holds the header, 40 rows and the header repeated on each page after the first");
            Assert.That(run.Find("After").Item.Bounds.Y, Is.EqualTo(fragments[^1].Bounds.Bottom).Within(0.01), "the item below follows the grown box");
            foreach (var page in run.Pages)
                foreach (var item in page.Items.Where(i => i.Region == PageRegion.Body))
                    Assert.That(item.Bounds.Bottom, Is.LessThanOrEqualTo(BodyBottom + 0.01), $"page {page.Number}: {item} stays inside the body");
        });
    }

    [Test]
    public void A_tall_list_row_in_a_frame_without_border_still_continues_on_the_next_pages()
    {
        var run = LayoutRun.Render(Report(List(rectangleStyle: ""), bodyWidth: 240), Columns, Rows([50]));

        Assert.That(Items(run), Is.EqualTo(Enumerable.Range(1, 50).Select(i => "A" + i).ToArray()));
        Assert.That(run.Pages.Length, Is.GreaterThan(1));
        foreach (var page in run.Pages)
            foreach (var item in page.Items.Where(i => i.Region == PageRegion.Body))
                Assert.That(item.Bounds.Bottom, Is.LessThanOrEqualTo(BodyBottom + 0.01), $"page {page.Number}: {item} stays inside the body");
    }
}
