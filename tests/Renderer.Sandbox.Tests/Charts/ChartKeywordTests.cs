using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>Chart keywords (#PERCENT, #VALY, #SERIESNAME, ...) in data labels and legend text are replaced, never printed literally.</summary>
public class ChartKeywordTests
{
    private const string Label = "<ChartDataLabel><Visible>true</Visible></ChartDataLabel>";

    private static string WithLabel(string rdl, string label) =>
        rdl.Replace(Label, $"<ChartDataLabel><Visible>true</Visible><Label>{label}</Label></ChartDataLabel>", StringComparison.Ordinal);

    private static List<string> Texts(ChartRun run) => run.ChartItem("Sales").Shapes.OfType<ChartText>().Select(t => t.Text).ToList();

    [Test]
    public void Percent_with_a_format_shows_each_slice_share_of_the_total()
    {
        // East 35, North 70, West 25 of 130.
        var run = ChartRun.Render(WithLabel(ChartRdl.Modern("Shape", "Pie", seriesGroup: false), "#PERCENT{P0}"), ChartRdl.Columns, ChartRdl.Rows);

        var texts = Texts(run);
        Assert.That(texts, Is.SupersetOf(new[] { "27%", "54%", "19%" }));
        Assert.That(texts.Any(t => t.Contains('#', StringComparison.Ordinal)), Is.False, string.Join(" | ", texts));
    }

    [Test]
    public void Value_axis_label_index_total_and_series_name_keywords_are_replaced_in_labels()
    {
        var rdl = WithLabel(ChartRdl.Modern(seriesGroup: false), "#AXISLABEL #INDEX: #VALY{N2} of #TOTAL (#SERIESNAME, #PERCENT)");
        var run = ChartRun.Render(rdl, ChartRdl.Columns, ChartRdl.Rows);

        var labels = run.Charts.Single().Data.Series.Single().Points.Select(p => p.Label).ToList();
        Assert.That(labels, Is.EqualTo(new[]
        {
            "East 0: 35.00 of 130 (Amount, 26.92%)",
            "North 1: 70.00 of 130 (Amount, 53.85%)",
            "West 2: 25.00 of 130 (Amount, 19.23%)",
        }));
    }

    [Test]
    public void Series_legend_text_takes_keywords_per_series_instance()
    {
        var rdl = ChartRdl.Modern().Replace("<Type>Column</Type>", "<Type>Column</Type><LegendText>Year #SERIESNAME: #TOTAL{N0}</LegendText>", StringComparison.Ordinal);
        var run = ChartRun.Render(rdl, ChartRdl.Columns, ChartRdl.Rows);

        // 2023: East 15 + North 40; 2024: East 20 + North 30 + West 25.
        Assert.That(Texts(run), Is.SupersetOf(new[] { "Year 2023: 55", "Year 2024: 75" }));
    }

    [Test]
    public void A_pie_slice_legend_entry_uses_ChartItemInLegend_LegendText()
    {
        var rdl = ChartRdl.Modern("Shape", "Pie", seriesGroup: false)
            .Replace("<ChartMarker><Type>None</Type></ChartMarker></ChartDataPoint>", "<ChartMarker><Type>None</Type></ChartMarker><ChartItemInLegend><LegendText>#AXISLABEL (#PERCENT{P0})</LegendText></ChartItemInLegend></ChartDataPoint>", StringComparison.Ordinal);
        var run = ChartRun.Render(rdl, ChartRdl.Columns, ChartRdl.Rows);

        Assert.That(Texts(run), Is.SupersetOf(new[] { "East (27%)", "North (54%)", "West (19%)" }));
        Assert.That(run.Diagnostics.Where(d => d.Code == "RDL1100"), Is.Empty);
    }
}
