using Renderer.Sandbox.Pages;
using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>
/// Horizontal pages (PDF) over a body with an empty stretch far wider than a page: the stretch is one page, not one per
/// page width (fuzz mutants with a column, header or item position of 99,999,999in ran for minutes cutting empty pages).
/// </summary>
public sealed class HorizontalGapTests
{
    [Test]
    public void An_empty_stretch_crossed_only_by_a_rectangle_takes_one_horizontal_page()
    {
        const double far = 1_000_000;
        var wide = $"<Rectangle Name=\"Wide\"><Style><Border><Style>Solid</Style></Border></Style><Top>0pt</Top><Left>0pt</Left><Height>20pt</Height><Width>{far + 100}pt</Width></Rectangle>";
        var body = wide + Textbox("Near", "Near", top: 30) + Textbox("Far", "Far", top: 30, left: far);
        var run = LayoutRun.RenderWide(Report(body, bodyWidth: far + 100, pageWidth: 300), Columns);

        Assert.That(run.Pages, Has.Length.EqualTo(3), "the near items, the empty stretch, the far items");
        Assert.That(run.Find("Near").Page, Is.EqualTo(1));
        Assert.That(run.Find("Far").Page, Is.EqualTo(3));
        Assert.That(run.Find("Far").Item.Bounds.X, Is.EqualTo(LeftMargin).Within(0.5), "the far item starts its page");
        Assert.That(run.Pages[1].Items.OfType<RectangleItem>().Count(), Is.EqualTo(1), "the stretch shows the rectangle crossing it");
    }
}
