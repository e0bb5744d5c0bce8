using Renderer.Sandbox.Layout.Charts;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Tests.Charts;

public class ChartLayoutTests
{
    private static readonly Rgba First = new(0x41, 0x8C, 0xF0);
    private static readonly Rgba Second = new(0xFC, 0xB4, 0x41);

    [Test]
    public void Column_heights_are_proportional_to_the_values()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);
        var chart = run.ChartItem("Sales");

        // Series 2024 (second palette color): East 20, North 30, West 25, left to right. Legend swatches are small squares.
        var bars = chart.Shapes.OfType<ChartRect>().Where(r => r.Fill == Second && r.Rect.Width > 8).OrderBy(r => r.Rect.X).ToList();
        Assert.That(bars, Has.Count.EqualTo(3));
        Assert.That(bars[1].Rect.Height / bars[0].Rect.Height, Is.EqualTo(30.0 / 20).Within(0.01));
        Assert.That(bars[2].Rect.Height / bars[0].Rect.Height, Is.EqualTo(25.0 / 20).Within(0.01));
        // Bars stand on one baseline.
        Assert.That(bars.Select(b => Math.Round(b.Rect.Bottom, 3)).Distinct().Count(), Is.EqualTo(1));
        var first = chart.Shapes.OfType<ChartRect>().Where(r => r.Fill == First && r.Rect.Width > 8).OrderBy(r => r.Rect.X).ToList();
        Assert.That(first[1].Rect.Height / bars[0].Rect.Height, Is.EqualTo(40.0 / 20).Within(0.01));
    }

    [Test]
    public void Axis_labels_titles_and_legend_entries_are_text_shapes()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);
        var texts = run.ChartItem("Sales").Shapes.OfType<ChartText>().Select(t => t.Text).ToList();

        Assert.That(texts, Is.SupersetOf(new[] { "Sales by region", "East", "North", "West", "Region", "Amount", "2023", "2024", "0", "40" }));
    }

    [Test]
    public void Bar_charts_run_horizontally()
    {
        var run = ChartRun.Render(ChartRdl.Modern("Bar", seriesGroup: false), ChartRdl.Columns, ChartRdl.Rows);
        var bars = run.ChartItem("Sales").Shapes.OfType<ChartRect>().Where(r => r.Fill == First && r.Rect.Height > 8).OrderBy(r => r.Rect.Y).ToList();

        Assert.That(bars, Has.Count.EqualTo(3));
        Assert.That(bars[1].Rect.Width / bars[0].Rect.Width, Is.EqualTo(70.0 / 35).Within(0.01));
        Assert.That(bars.Select(b => Math.Round(b.Rect.X, 3)).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Stacked_columns_pile_up_per_category()
    {
        var run = ChartRun.Render(ChartRdl.Modern(subtype: "Stacked"), ChartRdl.Columns, ChartRdl.Rows);
        var chart = run.ChartItem("Sales");
        var east = chart.Shapes.OfType<ChartRect>().Where(r => (r.Fill == First || r.Fill == Second) && r.Rect.Width > 8)
            .GroupBy(r => Math.Round(r.Rect.X, 3)).OrderBy(g => g.Key).First().OrderByDescending(r => r.Rect.Bottom).ToList();

        Assert.That(east, Has.Count.EqualTo(2));
        Assert.That(east[1].Rect.Bottom, Is.EqualTo(east[0].Rect.Y).Within(0.01));
        Assert.That(east[1].Rect.Height / east[0].Rect.Height, Is.EqualTo(20.0 / 15).Within(0.01));
    }

    [Test]
    public void Pie_wedges_cover_the_full_circle_in_proportion()
    {
        var run = ChartRun.Render(ChartRdl.Modern("Shape", "Pie", seriesGroup: false), ChartRdl.Columns, ChartRdl.Rows);
        var wedges = run.ChartItem("Sales").Shapes.OfType<ChartWedge>().ToList();

        Assert.That(wedges, Has.Count.EqualTo(3));
        Assert.That(wedges.Sum(w => w.SweepAngle), Is.EqualTo(360).Within(1e-9));
        Assert.That(wedges[0].SweepAngle, Is.EqualTo(35.0 / 130 * 360).Within(1e-9));
        Assert.That(wedges.All(w => w.InnerRadius == 0), Is.True);
        var texts = run.ChartItem("Sales").Shapes.OfType<ChartText>().Select(t => t.Text).ToList();
        Assert.That(texts, Is.SupersetOf(new[] { "East", "North", "West" }), "the legend lists the categories");
    }

    [Test]
    public void A_pie_label_too_wide_for_its_thin_wedge_goes_outside_with_a_callout_and_labels_never_overlap()
    {
        // East 1,000,000, North 30, West 20: two slivers whose labels cannot sit inside their wedges.
        object?[][] rows = [["East", 2024, 1_000_000], ["North", 2024, 30], ["West", 2024, 20]];
        var run = ChartRun.Render(ChartRdl.Modern("Shape", "Pie", seriesGroup: false), ChartRdl.Columns, rows);
        var shapes = run.ChartItem("Sales").Shapes;
        var wedge = shapes.OfType<ChartWedge>().First();
        static string Digits(string text) => new([.. text.Where(char.IsDigit)]);
        var labels = shapes.OfType<ChartText>().Where(t => Digits(t.Text) is "1000000" or "30" or "20" && t.Text.Length == Digits(t.Text).Length + t.Text.Count(c => c is ',' or '.'))
            .Select(t => t with { Text = Digits(t.Text) }).ToList();

        Assert.That(labels.Select(t => t.Text), Is.EquivalentTo(new[] { "1000000", "30", "20" }), "every wedge keeps its label");
        foreach (var sliver in labels.Where(t => t.Text is "30" or "20"))
        {
            var distance = Math.Sqrt(Math.Pow(sliver.X - wedge.CenterX, 2) + Math.Pow(sliver.Baseline - wedge.CenterY, 2));
            Assert.That(distance, Is.GreaterThan(wedge.Radius), $"{sliver.Text} sits outside the pie");
        }
        Assert.That(shapes.OfType<ChartPolyline>().Count(), Is.GreaterThanOrEqualTo(2), "callout lines lead to the outside labels");
        var big = labels.Single(t => t.Text == "1000000");
        Assert.That(Math.Sqrt(Math.Pow(big.X - wedge.CenterX, 2) + Math.Pow(big.Baseline - wedge.CenterY, 2)), Is.LessThan(wedge.Radius), "a wide wedge keeps its label inside");
        var outside = labels.Where(t => t.Text != "1000000").OrderBy(t => t.Baseline).ToList();
        Assert.That(Math.Abs(outside[1].Baseline - outside[0].Baseline), Is.GreaterThan(5), "outside labels do not overlap");
    }

    [Test]
    public void Doughnuts_have_a_hole_and_lines_a_polyline_per_series()
    {
        var doughnut = ChartRun.Render(ChartRdl.Modern("Shape", "Doughnut", seriesGroup: false), ChartRdl.Columns, ChartRdl.Rows);
        Assert.That(doughnut.ChartItem("Sales").Shapes.OfType<ChartWedge>().All(w => w.InnerRadius > 0), Is.True);

        var line = ChartRun.Render(ChartRdl.Modern("Line"), ChartRdl.Columns, ChartRdl.Rows);
        var lines = line.ChartItem("Sales").Shapes.OfType<ChartPolyline>().Where(p => p.Stroke.Color == Second).ToList();
        Assert.That(lines.Single().Points, Has.Length.EqualTo(3));
    }

    [Test]
    public void Nice_scales_step_by_1_2_or_5()
    {
        var scale = ChartScale.Create(0, 43, null, null, includeZero: true);
        Assert.That((scale.Minimum, scale.Maximum, scale.Step), Is.EqualTo((0.0, 50.0, 10.0)));
        Assert.That(ChartScale.Create(-3, 7, null, null, true).Ticks(), Is.EqualTo(new[] { -4.0, -2, 0, 2, 4, 6, 8 }));
        Assert.That(ChartScale.Create(0, 43, 0, 100, true).Maximum, Is.EqualTo(100));
    }
}
