using Rdl.Model.Definitions.Charts;
using Rdl.Model.Diagnostics;

namespace Renderer.Sandbox.Tests.Charts;

public class ChartProcessingTests
{
    [Test]
    public void Each_point_is_the_sum_of_its_category_and_series_rows()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);

        var data = run.Charts.Single().Data;
        Assert.That(data.Categories, Is.EqualTo(new[] { "East", "North", "West" }));
        Assert.That(data.Series.Select(s => s.Name), Is.EqualTo(new[] { "2023", "2024" }));
        Assert.That(data.Series[0].Points.Select(p => p.Y), Is.EqualTo(new double?[] { 15, 40, null }));
        Assert.That(data.Series[1].Points.Select(p => p.Y), Is.EqualTo(new double?[] { 20, 30, 25 }));
    }

    [Test]
    public void Titles_axes_labels_and_palette_are_evaluated()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);

        var data = run.Charts.Single().Data;
        Assert.That(data.Titles.Select(t => t.Text), Is.EqualTo(new[] { "Sales by region" }));
        Assert.That(data.CategoryAxis.Title, Is.EqualTo("Region"));
        Assert.That(data.ValueAxis.Title, Is.EqualTo("Amount"));
        Assert.That(data.ValueAxis.Format, Is.EqualTo("#,0"));
        Assert.That(data.Legend.Position, Is.EqualTo("BottomCenter"));
        Assert.That(data.Series[1].Points[0].Label, Is.EqualTo("20"));
        Assert.That(data.Series.Select(s => s.Color.ToHex()), Is.EqualTo(new[] { "418CF0", "FCB441" }));
        Assert.That(run.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info), Is.Empty, () => string.Join("\n", run.Diagnostics));
    }

    [Test]
    public void A_legacy_chart_groups_and_sums_the_same_way()
    {
        var run = ChartRun.Render(ChartRdl.Legacy(), ChartRdl.Columns, ChartRdl.Rows);

        var data = run.Charts.Single().Data;
        Assert.That(data.Categories, Is.EqualTo(new[] { "East", "North", "West" }));
        // Years sorted descending; the static member "Sales" is the inner level of the series names.
        Assert.That(data.Series.Select(s => s.Name), Is.EqualTo(new[] { "2024 - Sales", "2023 - Sales" }));
        Assert.That(data.Series[0].Points.Select(p => p.Y), Is.EqualTo(new double?[] { 20, 30, 25 }));
        Assert.That(data.Series[1].Points.Select(p => p.Y), Is.EqualTo(new double?[] { 15, 40, null }));
        Assert.That(data.Series[0].Type, Is.EqualTo(ChartSeriesType.Column));
        Assert.That(data.Titles.Single().Text, Is.EqualTo("Legacy sales"));
        Assert.That(data.ValueAxis.Format, Is.EqualTo("C"));
    }

    [Test]
    public void A_chart_without_rows_shows_its_no_data_message()
    {
        var rdl = ChartRdl.Modern(extra: "<ChartNoDataMessage Name=\"NoData\"><Caption>Nothing to show</Caption></ChartNoDataMessage>");
        var run = ChartRun.Render(rdl, ChartRdl.Columns);

        Assert.That(run.Charts.Single().Data.NoDataMessage, Is.EqualTo("Nothing to show"));
        Assert.That(run.ChartItem("Sales").Shapes.OfType<Pages.ChartText>().Select(t => t.Text), Does.Contain("Nothing to show"));
    }

    [Test]
    public void A_chart_in_a_tablix_cell_charts_the_rows_of_its_group_instance()
    {
        var run = ChartRun.Render(ChartRdl.InTablix(), ChartRdl.Columns, ChartRdl.Rows);

        var charts = run.Document.Pages.SelectMany(p => p.Items).OfType<Pages.ChartItem>().ToList();
        Assert.That(charts, Has.Count.EqualTo(3));
        // East: 2023 = 15, 2024 = 20; North: 40, 30; West: only 2024 = 25.
        var labels = charts.Select(c => string.Join(",", c.Shapes.OfType<Pages.ChartText>().Select(t => t.Text).Where(t => t is "2023" or "2024"))).ToList();
        Assert.That(labels, Is.EqualTo(new[] { "2023,2024", "2023,2024", "2024" }));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void A_chart_in_a_rectangle_of_a_list_cell_charts_only_its_regions_rows(bool chartNamesTheDataSet)
    {
        var run = ChartRun.Render(ChartRdl.InList(chartNamesTheDataSet), ChartRdl.Columns, ChartRdl.Rows);

        // Per region (sorted), Sum(Amount) by Year computed from the rows.
        var expected = ChartRdl.Rows.GroupBy(r => (string)r[0]!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.GroupBy(r => (int)r[1]!).OrderBy(y => y.Key).ToList()).ToList();
        var charts = run.AllCharts;
        Assert.That(charts, Has.Length.EqualTo(3), "one chart per region");
        for (int i = 0; i < charts.Length; i++)
        {
            var data = charts[i].Data;
            Assert.That(data.Categories, Is.EqualTo(expected[i].Select(y => y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.That(data.Series.Single().Points.Select(p => p.Y), Is.EqualTo(expected[i].Select(y => (double?)y.Sum(r => (double)r[2]!))));
        }
        Assert.That(run.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info), Is.Empty, () => string.Join("\n", run.Diagnostics));
    }

    [Test]
    public void Chart_filters_drop_rows_before_grouping()
    {
        var rdl = ChartRdl.Modern(extra: "<Filters><Filter><FilterExpression>=Fields!Region.Value</FilterExpression><Operator>NotEqual</Operator><FilterValues><FilterValue>West</FilterValue></FilterValues></Filter></Filters>");
        var run = ChartRun.Render(rdl, ChartRdl.Columns, ChartRdl.Rows);

        Assert.That(run.Charts.Single().Data.Categories, Is.EqualTo(new[] { "East", "North" }));
    }
}
