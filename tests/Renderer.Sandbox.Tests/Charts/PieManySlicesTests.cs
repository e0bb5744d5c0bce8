using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>
/// Pies with many slices (issue 20: a pie grouped by a misspelt expression, a slice per row, never finished rendering):
/// outside labels are placed in one pass and left out when they no longer fit, and CollectedStyle collects small slices
/// into one "Other" slice as SSRS does.
/// </summary>
public sealed class PieManySlicesTests
{
    [Test]
    public void A_pie_with_a_slice_per_row_draws_every_wedge_and_only_labels_that_fit_without_overlapping()
    {
        object?[][] rows = [.. Enumerable.Range(1, 400).Select(i => new object?[] { $"Customer {i:D4}", 2024, 1000.0 + i })];
        var run = ChartRun.Render(ChartRdl.Modern("Shape", "Pie", seriesGroup: false), ChartRdl.Columns, rows);
        var chart = run.ChartItem("Sales");
        var wedges = chart.Shapes.OfType<ChartWedge>().ToList();

        Assert.That(wedges, Has.Count.EqualTo(400));
        Assert.That(wedges.Sum(w => w.SweepAngle), Is.EqualTo(360).Within(1e-6));
        var labels = chart.Shapes.OfType<ChartText>().Where(t => t.Style.FontSize == 7).ToList();
        Assert.That(labels, Is.Not.Empty, "the labels that fit are drawn");
        Assert.That(labels, Has.Count.LessThan(400), "a 250pt chart has no room for 400 labels");
        foreach (var label in labels)
        {
            Assert.That(label.Baseline, Is.InRange(0, chart.Bounds.Height), $"label {label.Text} stays inside the chart");
            var left = label.Anchor switch { ChartTextAnchor.End => label.X - label.Width, ChartTextAnchor.Middle => label.X - label.Width / 2, _ => label.X };
            Assert.That(left, Is.InRange(-0.01, chart.Bounds.Width), $"label {label.Text} starts inside the chart");
        }
        var center = wedges[0].CenterX;
        foreach (var side in labels.GroupBy(l => l.X >= center))
        {
            var baselines = side.Select(l => l.Baseline).Order().ToList();
            for (var i = 1; i < baselines.Count; i++)
                Assert.That(baselines[i] - baselines[i - 1], Is.GreaterThan(7), "labels on one side of the pie never overlap");
        }
    }

    [Test]
    public void CollectedStyle_SingleSlice_collects_slices_under_the_threshold_into_Other()
    {
        var collected = "<CustomProperties>"
            + "<CustomProperty><Name>CollectedStyle</Name><Value>SingleSlice</Value></CustomProperty>"
            + "<CustomProperty><Name>CollectedThreshold</Name><Value>5</Value></CustomProperty>"
            + "<CustomProperty><Name>CollectedColor</Name><Value>Gray</Value></CustomProperty>"
            + "</CustomProperties><Type>Shape</Type>";
        var rdl = ChartRdl.Modern("Shape", "Pie", seriesGroup: false).Replace("<Type>Shape</Type>", collected, StringComparison.Ordinal);
        object?[][] rows = [["East", 2024, 1000.0], ["North", 2024, 30.0], ["West", 2024, 20.0], ["South", 2024, 10.0], ["Central", 2024, 200.0]];

        var run = ChartRun.Render(rdl, ChartRdl.Columns, rows);
        var chart = run.ChartItem("Sales");
        var wedges = chart.Shapes.OfType<ChartWedge>().ToList();
        var texts = chart.Shapes.OfType<ChartText>().Select(t => t.Text).ToList();

        // 5% of 1260 is 63: North, West and South (60 together) become one slice, after Central and East.
        Assert.That(wedges, Has.Count.EqualTo(3));
        Assert.That(wedges[^1].SweepAngle, Is.EqualTo(60.0 / 1260 * 360).Within(1e-9));
        Assert.That(wedges[^1].Fill, Is.EqualTo(new Rgba(0x80, 0x80, 0x80)));
        Assert.That(texts, Does.Contain("Other").And.Contain("East").And.Contain("Central"));
        Assert.That(texts, Has.None.EqualTo("North").And.None.EqualTo("South"));
    }

    [Test]
    public void Without_CollectedStyle_no_slice_is_collected()
    {
        object?[][] rows = [["East", 2024, 1000.0], ["North", 2024, 30.0], ["West", 2024, 20.0]];
        var run = ChartRun.Render(ChartRdl.Modern("Shape", "Pie", seriesGroup: false), ChartRdl.Columns, rows);

        Assert.That(run.ChartItem("Sales").Shapes.OfType<ChartWedge>().ToList(), Has.Count.EqualTo(3));
    }
}
