using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Gauges;
using Renderer.Sandbox.Tests.Charts;

namespace Renderer.Sandbox.Tests.Gauges;

/// <summary>Gauge panels: read (no RDL1101), evaluated over their rows, indicators' states chosen, drawn as vector shapes.</summary>
public class GaugeTests
{
    private static string State(string name, double start, double end, string color, string style) =>
        $"<IndicatorState Name=\"{name}\"><StartValue><Value>{start}</Value></StartValue><EndValue><Value>{end}</Value></EndValue><Color>{color}</Color><IndicatorStyle>{style}</IndicatorStyle></IndicatorState>";

    private static string Report(string panelContent) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Report xmlns=\"http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition\">"
        + "<DataSources><DataSource Name=\"Db\"><DataSourceReference>Db</DataSourceReference></DataSource></DataSources>"
        + "<DataSets><DataSet Name=\"Data\"><Query><DataSourceName>Db</DataSourceName><CommandText>q</CommandText></Query><Fields>"
        + "<Field Name=\"Region\"><DataField>Region</DataField></Field><Field Name=\"Year\"><DataField>Year</DataField></Field><Field Name=\"Amount\"><DataField>Amount</DataField></Field></Fields></DataSet></DataSets>"
        + $"<ReportSections><ReportSection><Body><ReportItems><GaugePanel Name=\"Panel\">{panelContent}<DataSetName>Data</DataSetName><Top>0pt</Top><Left>0pt</Left><Height>100pt</Height><Width>200pt</Width></GaugePanel></ReportItems><Height>120pt</Height></Body><Width>300pt</Width>"
        + "<Page><PageHeight>400pt</PageHeight><PageWidth>400pt</PageWidth></Page></ReportSection></ReportSections><Language>en-US</Language></Report>";

    private static string Indicator(string states, string min = "0", string max = "200", string transformation = "Percentage") =>
        "<StateIndicators><StateIndicator Name=\"I\"><GaugeInputValue><Value>=Sum(Fields!Amount.Value)</Value><Multiplier>1</Multiplier></GaugeInputValue>"
        + $"<TransformationType>{transformation}</TransformationType><MinimumValue><Value>{min}</Value></MinimumValue><MaximumValue><Value>{max}</Value></MaximumValue>"
        + $"<IndicatorStates>{states}</IndicatorStates><rd:Whatever xmlns:rd=\"urn:x\" /></StateIndicator></StateIndicators>";

    [Test]
    public void An_indicator_takes_the_state_holding_its_percentage_and_the_first_matching_state_wins()
    {
        // Sum(Amount) = 130 of 0..200: 65 %.
        var states = State("Low", 0, 40, "Red", "ArrowDown") + State("Mid", 40, 70, "Gold", "ArrowSide") + State("AlsoMid", 40, 100, "Blue", "Circle") + State("High", 70, 100, "Green", "ArrowUp");
        var run = ChartRun.Render(Report(Indicator(states)), ChartRdl.Columns, ChartRdl.Rows);

        Assert.That(run.Diagnostics.Where(d => d.Code is "RDL1101" or "RDL1100"), Is.Empty, string.Join("\n", run.Diagnostics));
        var item = run.Document.Pages.SelectMany(p => p.Items).OfType<ChartItem>().Single(c => c.Name == "Panel");
        var arrow = item.Shapes.OfType<ChartPolygon>().Single();
        Assert.That(arrow.Fill, Is.EqualTo(new Rgba(0xFF, 0xD7, 0x00)), "Gold: the Mid state, listed before AlsoMid");
        // ArrowSide points right: its tip is its rightmost point, level with its middle.
        var tip = arrow.Points.MaxBy(p => p.X);
        Assert.That(tip.Y, Is.EqualTo(arrow.Points.Average(p => p.Y)).Within(1));
    }

    [Test]
    public void Without_a_transformation_the_value_itself_is_compared()
    {
        var states = State("Small", 0, 100, "Red", "Circle") + State("Large", 100, 1000, "Green", "Circle");
        var run = ChartRun.Render(Report(Indicator(states, transformation: "None")), ChartRdl.Columns, ChartRdl.Rows);

        var marker = run.Document.Pages.SelectMany(p => p.Items).OfType<ChartItem>().Single().Shapes.OfType<ChartMarker>().Single();
        Assert.That(marker.Fill, Is.EqualTo(new Rgba(0, 0x80, 0)), "130 is in 100..1000");
    }

    [Test]
    public void A_radial_gauge_needle_points_at_its_value_on_the_scale()
    {
        var gauge = "<RadialGauges><RadialGauge Name=\"G\"><GaugeScales><RadialScale Name=\"S\"><GaugePointers><RadialPointer Name=\"P\"><Type>Needle</Type>"
            + "<GaugeInputValue><Value>=Sum(Fields!Amount.Value)</Value></GaugeInputValue></RadialPointer></GaugePointers>"
            + "<MinimumValue><Value>0</Value></MinimumValue><MaximumValue><Value>260</Value></MaximumValue><StartAngle>90</StartAngle><SweepAngle>180</SweepAngle></RadialScale></GaugeScales></RadialGauge></RadialGauges>";
        var run = ChartRun.Render(Report(gauge), ChartRdl.Columns, ChartRdl.Rows);

        var panel = run.AllCharts.Length == 0 ? null : run.AllCharts[0];
        Assert.That(panel, Is.Null, "a gauge is not a chart");
        var item = run.Document.Pages.SelectMany(p => p.Items).OfType<ChartItem>().Single();
        var needle = item.Shapes.OfType<ChartPolygon>().Single();
        // 130 of 0..260 over 180 degrees starting at nine o'clock (90 from six o'clock): straight up.
        var tip = needle.Points[0];
        Assert.That(tip.X, Is.EqualTo(100).Within(0.5));
        Assert.That(tip.Y, Is.LessThan(50));
        Assert.That(item.Shapes.OfType<ChartText>().Select(t => t.Text), Is.SupersetOf(new[] { "0", "100", "200" }), "scale labels");
    }

    [Test]
    public void A_linear_bar_pointer_runs_from_the_scale_start_to_its_value()
    {
        var gauge = "<LinearGauges><LinearGauge Name=\"G\"><GaugeScales><LinearScale Name=\"S\"><GaugePointers><LinearPointer Name=\"P\"><Type>Bar</Type><Style><BackgroundColor>Blue</BackgroundColor></Style>"
            + "<GaugeInputValue><Value>=Sum(Fields!Amount.Value)</Value></GaugeInputValue></LinearPointer></GaugePointers>"
            + "<MinimumValue><Value>0</Value></MinimumValue><MaximumValue><Value>260</Value></MaximumValue><StartMargin>0</StartMargin><EndMargin>0</EndMargin></LinearScale></GaugeScales><Orientation>Horizontal</Orientation></LinearGauge></LinearGauges>";
        var run = ChartRun.Render(Report(gauge), ChartRdl.Columns, ChartRdl.Rows);

        var bar = run.Document.Pages.SelectMany(p => p.Items).OfType<ChartItem>().Single().Shapes.OfType<ChartRect>().Single(r => r.Fill == new Rgba(0, 0, 0xFF));
        Assert.That(bar.Rect.X, Is.EqualTo(0).Within(0.01));
        Assert.That(bar.Rect.Width, Is.EqualTo(100).Within(0.01), "130 of 260 is half of the 200pt gauge");
    }
}
