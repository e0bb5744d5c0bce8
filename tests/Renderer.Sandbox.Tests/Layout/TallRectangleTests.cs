using System.Globalization;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Pdf;
using UglyToad.PdfPig;
using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>
/// A drawn rectangle (border, background) taller than a page continues on the next pages, as SSRS splits it: its items
/// paginate like body items and its box is drawn as one fragment per page, the top border on the first, the bottom on the last.
/// </summary>
public sealed class TallRectangleTests
{
    private const double BodyBottom = BodyTop + BodyHeight;
    private static readonly string[] Names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"];

    private static string Pt(double value) => value.ToString(CultureInfo.InvariantCulture) + "pt";

    /// <summary>A rectangle with a solid border and a background holding <paramref name="items"/>.</summary>
    private static string DrawnRectangle(string name, double top, double height, string items, string extra = "") =>
        $"<Rectangle Name=\"{name}\"><ReportItems>{items}</ReportItems>{extra}"
        + "<Style><Border><Style>Solid</Style></Border><BackgroundColor>LightYellow</BackgroundColor></Style>"
        + $"<Top>{Pt(top)}</Top><Left>10pt</Left><Height>{Pt(height)}</Height><Width>150pt</Width></Rectangle>";

    /// <summary>Textboxes named after the first <paramref name="count"/> <see cref="Names"/>, 150pt apart from the rectangle's top.</summary>
    private static string SpreadTextboxes(int count = 7) => string.Concat(Names.Take(count).Select((n, i) => Textbox(n, n, top: 150 * i)));

    private static RectangleItem[] Boxes(LayoutRun run) =>
        run.Pages.SelectMany(p => p.Items.OfType<RectangleItem>()).ToArray();

    [Test]
    public void A_drawn_rectangle_three_pages_tall_continues_on_the_next_pages_with_its_box_in_fragments()
    {
        double height = 3 * BodyHeight;
        var run = LayoutRun.Render(Report(DrawnRectangle("Box", 0, height, SpreadTextboxes())), Columns);

        Assert.That(run.Pages.Length, Is.EqualTo(3));
        foreach (var page in run.Pages)
            foreach (var item in page.Items.Where(i => i.Region == PageRegion.Body))
                Assert.That(item.Bounds.Bottom, Is.LessThanOrEqualTo(BodyBottom + 0.01), $"page {page.Number}: {item} stays inside the body");
        for (int i = 0; i < Names.Length; i++)
        {
            double top = 150 * i;
            int expectedPage = (int)(top / BodyHeight) + 1;
            Assert.That(run.TextsOf(Names[i]), Is.EqualTo(new[] { Names[i] }), "every textbox once");
            var (page, item) = run.Find(Names[i]);
            Assert.That(page, Is.EqualTo(expectedPage), $"{Names[i]} at {top}pt is on page {expectedPage}");
            Assert.That(item.Bounds.Y, Is.EqualTo(BodyTop + top - (expectedPage - 1) * BodyHeight).Within(0.01), $"{Names[i]} keeps its place in the rectangle");
            Assert.That(item.Bounds.X, Is.EqualTo(LeftMargin + 10).Within(0.01));
        }

        var fragments = run.Pages.Select(p => p.Items.OfType<RectangleItem>().Single()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(fragments[0].Box.Top.IsVisible && !fragments[0].Box.Bottom.IsVisible, Is.True, "first: top border, no bottom border");
            Assert.That(!fragments[1].Box.Top.IsVisible && !fragments[1].Box.Bottom.IsVisible, Is.True, "middle: neither");
            Assert.That(!fragments[2].Box.Top.IsVisible && fragments[2].Box.Bottom.IsVisible, Is.True, "last: bottom border, no top border");
            foreach (var fragment in fragments)
            {
                Assert.That(fragment.Box.Background.IsTransparent, Is.False, "background on every fragment");
                Assert.That(fragment.Box.Left.IsVisible && fragment.Box.Right.IsVisible, Is.True, "side borders on every fragment");
                Assert.That(fragment.Bounds.X, Is.EqualTo(LeftMargin + 10).Within(0.01));
                Assert.That(fragment.Bounds.Width, Is.EqualTo(150).Within(0.01));
            }
            Assert.That(fragments[0].Bounds.Y, Is.EqualTo(BodyTop).Within(0.01));
            Assert.That(fragments.Skip(1).Select(f => f.Bounds.Y), Is.All.EqualTo(BodyTop).Within(0.01), "continuations start at the body top");
            Assert.That(fragments.Sum(f => f.Bounds.Height), Is.EqualTo(height).Within(0.01), "the fragments tile the rectangle's height");
        });
    }

    [Test]
    public void A_textbox_across_a_page_boundary_in_a_tall_rectangle_moves_to_the_next_page_and_the_fragments_still_tile()
    {
        double height = 2 * BodyHeight;
        var items = Textbox("Before", "Before", top: 0) + Textbox("Across", "Across", top: BodyHeight - 10) + Textbox("Later", "Later", top: BodyHeight + 100);
        var run = LayoutRun.Render(Report(DrawnRectangle("Box", 0, height, items)), Columns);

        var (acrossPage, across) = run.Find("Across");
        var (laterPage, later) = run.Find("Later");
        Assert.Multiple(() =>
        {
            Assert.That(acrossPage, Is.EqualTo(2));
            Assert.That(across.Bounds.Y, Is.EqualTo(BodyTop).Within(0.01), "the textbox that did not fit starts the next page");
            Assert.That(laterPage, Is.EqualTo(2));
            Assert.That(later.Bounds.Y - across.Bounds.Y, Is.EqualTo(110).Within(0.01), "items keep their distance");
            Assert.That(Boxes(run).Sum(f => f.Bounds.Height), Is.EqualTo(height).Within(0.01), "the fragments tile the rectangle's height");
            Assert.That(Boxes(run).Count(f => f.Box.Top.IsVisible), Is.EqualTo(1));
            Assert.That(Boxes(run).Count(f => f.Box.Bottom.IsVisible), Is.EqualTo(1));
            foreach (var page in run.Pages)
                foreach (var item in page.Items.Where(i => i.Region == PageRegion.Body))
                    Assert.That(item.Bounds.Bottom, Is.LessThanOrEqualTo(BodyBottom + 0.01), $"page {page.Number}: {item} stays inside the body");
        });
    }

    [Test]
    public void A_drawn_rectangle_that_fits_on_a_page_stays_one_box_with_all_borders()
    {
        var run = LayoutRun.Render(Report(DrawnRectangle("Box", 0, 200, Textbox("Inside", "Inside", top: 50))), Columns);

        Assert.That(run.Pages.Length, Is.EqualTo(1));
        var box = Boxes(run).Single();
        Assert.Multiple(() =>
        {
            Assert.That(box.Bounds, Is.EqualTo(new Bounds(LeftMargin + 10, BodyTop, 150, 200)));
            Assert.That(new[] { box.Box.Left, box.Box.Top, box.Box.Right, box.Box.Bottom }.All(b => b.IsVisible), Is.True, "all four borders");
            Assert.That(run.Find("Inside").Item.Bounds.Y, Is.EqualTo(BodyTop + 50).Within(0.01));
        });
    }

    [Test]
    public void Content_after_a_tall_rectangle_continues_right_below_its_last_fragment()
    {
        double height = 2.5 * BodyHeight;
        var body = DrawnRectangle("Box", 0, height, SpreadTextboxes(6)) + Textbox("After", "After the box", top: height);
        var run = LayoutRun.Render(Report(body), Columns);

        var last = Boxes(run)[^1];
        var (afterPage, after) = run.Find("After the box");
        Assert.Multiple(() =>
        {
            Assert.That(last.Box.Bottom.IsVisible, Is.True);
            Assert.That(afterPage, Is.EqualTo(run.Pages.Length));
            Assert.That(run.Pages[afterPage - 1].Items.OfType<RectangleItem>().Single(), Is.EqualTo(last), "the last fragment is on the same page");
            Assert.That(after.Bounds.Y, Is.EqualTo(last.Bounds.Bottom).Within(0.01), "right below the last fragment");
            Assert.That(Boxes(run).Sum(f => f.Bounds.Height), Is.EqualTo(height).Within(0.01));
        });
    }

    [Test]
    public void A_page_break_after_a_tall_rectangle_comes_after_its_last_fragment()
    {
        double height = 1.5 * BodyHeight;
        var body = DrawnRectangle("Box", 0, height, SpreadTextboxes(2), PageBreak("End")) + Textbox("After", "After the box", top: height);
        var run = LayoutRun.Render(Report(body), Columns);

        Assert.That(run.Pages.Length, Is.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(Boxes(run).Sum(f => f.Bounds.Height), Is.EqualTo(height).Within(0.01), "the whole box is drawn before the break");
            Assert.That(run.Pages[1].Items.OfType<RectangleItem>().Single().Box.Bottom.IsVisible, Is.True);
            Assert.That(run.Find("After the box").Page, Is.EqualTo(3));
            Assert.That(run.Pages[2].Items.OfType<RectangleItem>(), Is.Empty);
        });
    }

    [Test]
    public void A_tall_rectangle_in_pdf_shows_every_textbox_once()
    {
        var run = LayoutRun.Render(Report(DrawnRectangle("Box", 0, 3 * BodyHeight, SpreadTextboxes())), Columns);
        using var output = new MemoryStream();
        new PdfDocumentWriter().Write(run.Document, output);

        using var pdf = PdfDocument.Open(output.ToArray());
        Assert.That(pdf.NumberOfPages, Is.EqualTo(3));
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        foreach (var name in Names)
            Assert.That(words.Count(w => w == name), Is.EqualTo(1), $"'{name}' once in the PDF");
    }
}
