using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>Tree maps and sunbursts are drawn as such; chart types and subtypes not drawn yet warn instead of falling back silently.</summary>
public class HierarchyChartTests
{
    [Test]
    public void A_tree_map_gives_each_category_a_rectangle_in_proportion_to_its_value()
    {
        var run = ChartRun.Render(ChartRdl.Modern("Shape", "TreeMap", seriesGroup: false), ChartRdl.Columns, ChartRdl.Rows);
        var chart = run.ChartItem("Sales");

        Assert.That(run.Diagnostics.Where(d => d.Code == "RDL1102"), Is.Empty);
        Assert.That(chart.Shapes.OfType<ChartWedge>(), Is.Empty, "not a pie");
        // East 35, North 70, West 25: three large rectangles (legend swatches are small).
        var cells = chart.Shapes.OfType<ChartRect>().Where(r => r.Rect.Width > 10 && r.Rect.Height > 10).ToList();
        Assert.That(cells, Has.Count.EqualTo(3));
        var areas = cells.Select(c => c.Rect.Width * c.Rect.Height).OrderBy(a => a).ToList();
        Assert.That(areas[1] / areas[0], Is.EqualTo(35.0 / 25).Within(0.01));
        Assert.That(areas[2] / areas[0], Is.EqualTo(70.0 / 25).Within(0.01));
    }

    [Test]
    public void A_sunburst_draws_rings_of_wedges()
    {
        var run = ChartRun.Render(ChartRdl.Modern("Shape", "Sunburst", seriesGroup: false), ChartRdl.Columns, ChartRdl.Rows);
        var wedges = run.ChartItem("Sales").Shapes.OfType<ChartWedge>().ToList();

        // One ring for the (single-level) categories and one for their leaves.
        Assert.That(wedges, Has.Count.EqualTo(6));
        Assert.That(wedges.All(w => w.InnerRadius > 0), Is.True);
        Assert.That(wedges.Where(w => w.InnerRadius == wedges.Min(x => x.InnerRadius)).Sum(w => w.SweepAngle), Is.EqualTo(360).Within(1e-6));
    }

    [TestCase("Shape", "Funnel")]
    [TestCase("Range", "Plain")]
    [TestCase("Column", "Cylinder")]
    public void A_chart_type_or_subtype_not_drawn_yet_warns(string type, string subtype)
    {
        var run = ChartRun.Render(ChartRdl.Modern(type, subtype, seriesGroup: false), ChartRdl.Columns, ChartRdl.Rows);

        var warning = run.Diagnostics.Single(d => d.Code == "RDL1102");
        Assert.That(warning.Message, Does.Contain(subtype == "Plain" ? type : subtype));
        Assert.That(warning.Message, Does.Contain("drawn as"));
    }
}
