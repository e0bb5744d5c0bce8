using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>Series styling: point colors and border on lines, smooth and stepped lines, legend text, category formats, line breaks in the legend.</summary>
public class ChartSeriesStyleTests
{
    private const string Point = "<ChartMarker><Type>None</Type></ChartMarker></ChartDataPoint>";

    private static ChartItem Render(string rdl, object?[][]? rows = null) =>
        ChartRun.Render(rdl, ChartRdl.Columns, rows ?? ChartRdl.Rows).ChartItem("Sales");

    /// <summary>The plot's line series: polylines thicker than axes and grid lines.</summary>
    private static List<ChartPolyline> Lines(ChartItem chart) => chart.Shapes.OfType<ChartPolyline>().Where(l => l.Stroke.Width > 1).ToList();

    [Test]
    public void A_line_takes_the_data_point_color_and_border_width_and_style_and_the_legend_shows_that_color()
    {
        var rdl = ChartRdl.Modern("Line", seriesGroup: false)
            .Replace(Point, "<ChartMarker><Type>None</Type></ChartMarker><Style><Color>Red</Color><Border><Width>3pt</Width><Style>Dashed</Style></Border></Style></ChartDataPoint>", StringComparison.Ordinal);
        var chart = Render(rdl);

        var line = Lines(chart).Single();
        Assert.That(line.Stroke, Is.EqualTo(new BorderSide(BorderStyle.Dashed, new Rgba(255, 0, 0), 3)));
        var swatch = chart.Shapes.OfType<ChartRect>().Single(r => r.Rect.Width < 10 && r.Rect.Height < 10);
        Assert.That(swatch.Fill, Is.EqualTo(new Rgba(255, 0, 0)), "the legend swatch has the points' color");
    }

    [Test]
    public void A_smooth_line_is_a_curve_through_every_point()
    {
        var straight = Lines(Render(ChartRdl.Modern("Line", seriesGroup: false))).Single();
        var smooth = Lines(Render(ChartRdl.Modern("Line", "Smooth", seriesGroup: false))).Single();

        Assert.That(straight.Points, Has.Length.EqualTo(3));
        Assert.That(smooth.Points.Length, Is.GreaterThan(10));
        foreach (var p in straight.Points)
            Assert.That(smooth.Points.Any(q => Math.Abs(q.X - p.X) < 1e-6 && Math.Abs(q.Y - p.Y) < 1e-6), Is.True, $"the curve passes through ({p.X}, {p.Y})");
        // Between East (35) and North (70) the curve leaves the straight segment.
        var mid = smooth.Points[6];
        var a = straight.Points[0];
        var b = straight.Points[1];
        var onSegment = a.Y + (b.Y - a.Y) * (mid.X - a.X) / (b.X - a.X);
        Assert.That(Math.Abs(mid.Y - onSegment), Is.GreaterThan(0.5));
    }

    [Test]
    public void A_stepped_line_runs_level_to_the_next_category_then_steps()
    {
        var line = Lines(Render(ChartRdl.Modern("Line", "Stepped", seriesGroup: false))).Single();

        Assert.That(line.Points, Has.Length.EqualTo(5));
        for (int i = 1; i < line.Points.Length; i++)
        {
            var (a, b) = (line.Points[i - 1], line.Points[i]);
            Assert.That(Math.Abs(a.X - b.X) < 1e-9 || Math.Abs(a.Y - b.Y) < 1e-9, Is.True, $"segment {i} is level or upright");
        }
        Assert.That(line.Points[1].Y, Is.EqualTo(line.Points[0].Y).Within(1e-9));
    }

    [Test]
    public void A_date_category_axis_shows_its_labels_in_the_axis_format()
    {
        var rdl = ChartRdl.Modern(seriesGroup: false)
            .Replace("=Fields!Region.Value", "=Fields!Year.Value", StringComparison.Ordinal)
            .Replace("<ChartCategoryAxes><ChartAxis Name=\"Primary\">", "<ChartCategoryAxes><ChartAxis Name=\"Primary\"><Style><Format>MMM yyyy</Format></Style>", StringComparison.Ordinal);
        object?[][] rows = [["East", new DateTime(2023, 7, 9, 2, 23, 0), 10.0], ["East", new DateTime(2023, 8, 1), 20.0]];
        var texts = Render(rdl, rows).Shapes.OfType<ChartText>().Select(t => t.Text).ToList();

        Assert.That(texts, Is.SupersetOf(new[] { "Jul 2023", "Aug 2023" }));
        Assert.That(texts.Any(t => t.Contains("2:23", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void Line_breaks_in_legend_text_start_new_lines()
    {
        var rdl = ChartRdl.Modern(seriesGroup: false)
            .Replace("<Type>Column</Type>", "<Type>Column</Type><LegendText>Sales&#xD;&#xA;all years</LegendText>", StringComparison.Ordinal);
        var texts = Render(rdl).Shapes.OfType<ChartText>().ToList();

        var first = texts.Single(t => t.Text == "Sales");
        var second = texts.Single(t => t.Text == "all years");
        Assert.That(second.Baseline, Is.GreaterThan(first.Baseline));
        Assert.That(texts.Any(t => t.Text.Contains('\r', StringComparison.Ordinal) || t.Text.Contains('\n', StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void A_series_hidden_in_the_legend_has_no_entry()
    {
        var rdl = ChartRdl.Modern(seriesGroup: false)
            .Replace("<Type>Column</Type>", "<Type>Column</Type><LegendText>Shown?</LegendText><HideInLegend>true</HideInLegend>", StringComparison.Ordinal);
        var texts = Render(rdl).Shapes.OfType<ChartText>().Select(t => t.Text).ToList();

        Assert.That(texts, Does.Not.Contain("Shown?"));
    }
}
