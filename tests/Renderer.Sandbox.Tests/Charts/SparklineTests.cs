using Renderer.Sandbox.Pages;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>
/// Sparklines in tablix cells (as Report Builder writes them: hidden axes that still carry "Axis Title" captions, no
/// ChartLegends, category Margin False) fill their cell with the line alone.
/// </summary>
public class SparklineTests
{
    private const string HiddenAxis = "<ChartAxis Name=\"Primary\"><Visible>False</Visible><ChartAxisTitle><Caption>Axis Title</Caption></ChartAxisTitle><Margin>False</Margin></ChartAxis>";

    private static string Sparkline() => ChartRdl.InTablix()
        .Replace("<Type>Column</Type>", "<Type>Line</Type>", StringComparison.Ordinal)
        .Replace("<ChartLegends><ChartLegend Name=\"L\"><Hidden>true</Hidden></ChartLegend></ChartLegends>",
            $"<ChartAreas><ChartArea Name=\"Default\"><ChartCategoryAxes>{HiddenAxis}</ChartCategoryAxes><ChartValueAxes>{HiddenAxis}</ChartValueAxes></ChartArea></ChartAreas>",
            StringComparison.Ordinal);

    [Test]
    public void A_sparkline_has_no_axis_titles_labels_or_legend_and_its_line_spans_the_cell()
    {
        var run = ChartRun.Render(Sparkline(), ChartRdl.Columns, ChartRdl.Rows);
        var charts = run.Document.Pages.SelectMany(p => p.Items).OfType<ChartItem>().ToList();

        Assert.That(charts, Has.Count.EqualTo(3), "one sparkline per region");
        foreach (var chart in charts)
        {
            Assert.That(chart.Shapes.OfType<ChartText>().Select(t => t.Text), Is.Empty, "no axis title, label or legend text");
            var line = chart.Shapes.OfType<ChartPolyline>().Where(l => l.Stroke.Width > 1).ToList();
            if (line.Count == 0) continue; // West has one year: a dot
            var xs = line.SelectMany(l => l.Points).Select(p => p.X).ToList();
            Assert.That(xs.Min(), Is.LessThan(3), "the line starts at the cell's left edge");
            Assert.That(xs.Max(), Is.GreaterThan(chart.Bounds.Width - 3), "and ends at its right edge");
            var ys = line.SelectMany(l => l.Points).Select(p => p.Y).ToList();
            Assert.That(ys.Min(), Is.LessThan(chart.Bounds.Height * 0.35), "the highest point is near the top: no room is kept for titles or labels");
        }
    }

    [Test]
    public void A_sparkline_in_xlsx_is_a_native_line_chart_without_axes_titles_or_legend()
    {
        var run = ChartRun.Render(Sparkline(), ChartRdl.Columns, ChartRdl.Rows);

        using var book = ChartXlsxTests.Write(run.Document);

        var charts = ChartXlsxTests.ChartSheet(book).DrawingsPart!.ChartParts.Select(p => p.ChartSpace!).ToList();
        Assert.That(charts, Has.Count.EqualTo(3), "one sparkline per region");
        foreach (var chart in charts)
        {
            Assert.That(chart.Descendants<C.LineChart>().Count(), Is.EqualTo(1));
            Assert.That(chart.Descendants<C.Delete>().Select(d => d.Val!.Value), Is.EqualTo(new[] { true, true }), "both axes are deleted");
            Assert.That(chart.Descendants<C.Legend>(), Is.Empty);
            Assert.That(chart.Descendants<C.Title>(), Is.Empty);
            Assert.That(chart.Descendants<C.MajorGridlines>(), Is.Empty);
        }
    }
}
