using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Expressions;

namespace Rdl.Model.Tests.Reading;

public class ChartReaderTests
{
    private const string Modern = """
                  <Chart Name="SalesChart">
                    <ChartCategoryHierarchy><ChartMembers><ChartMember>
                      <Group Name="SalesChart_CategoryGroup"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Group>
                      <SortExpressions><SortExpression><Value>=Fields!Region.Value</Value><Direction>Descending</Direction></SortExpression></SortExpressions>
                      <Label>=Fields!Region.Value</Label>
                    </ChartMember></ChartMembers></ChartCategoryHierarchy>
                    <ChartSeriesHierarchy><ChartMembers><ChartMember><Label>Amount</Label></ChartMember></ChartMembers></ChartSeriesHierarchy>
                    <ChartData><ChartSeriesCollection><ChartSeries Name="Amount">
                      <ChartDataPoints><ChartDataPoint>
                        <ChartDataPointValues><Y>=Sum(Fields!Amount.Value)</Y></ChartDataPointValues>
                        <ChartDataLabel><Visible>true</Visible><Style><Format>N0</Format></Style></ChartDataLabel>
                        <ToolTip>=Fields!Region.Value</ToolTip><ChartMarker><Style /></ChartMarker>
                      </ChartDataPoint></ChartDataPoints>
                      <Type>Shape</Type><Subtype>ExplodedDoughnut</Subtype><ChartSmartLabel><CalloutLineColor>Black</CalloutLineColor></ChartSmartLabel>
                    </ChartSeries></ChartSeriesCollection></ChartData>
                    <ChartAreas><ChartArea Name="Default">
                      <ChartCategoryAxes><ChartAxis Name="Primary"><ChartAxisTitle><Caption>Region</Caption></ChartAxisTitle><Minimum>NaN</Minimum></ChartAxis></ChartCategoryAxes>
                      <ChartValueAxes><ChartAxis Name="Primary"><Visible>False</Visible><Style><Format>C0</Format></Style><Minimum>0</Minimum><Maximum>500</Maximum>
                        <ChartMajorGridLines><Enabled>False</Enabled></ChartMajorGridLines></ChartAxis></ChartValueAxes>
                    </ChartArea></ChartAreas>
                    <ChartLegends><ChartLegend Name="Default"><Position>BottomCenter</Position><Hidden>true</Hidden></ChartLegend></ChartLegends>
                    <ChartTitles><ChartTitle Name="Default"><Caption>="Sales " &amp; Parameters!Year.Value</Caption><Position>TopLeft</Position></ChartTitle></ChartTitles>
                    <Palette>Custom</Palette>
                    <ChartCustomPaletteColors><ChartCustomPaletteColor>Red</ChartCustomPaletteColor><ChartCustomPaletteColor>#00ff00</ChartCustomPaletteColor></ChartCustomPaletteColors>
                    <ChartSparkle>yes</ChartSparkle>
                    <DataSetName>Sales</DataSetName>
                    <Top>0.5in</Top><Left>0in</Left><Height>3in</Height><Width>5in</Width>
                  </Chart>
        """;

    [Test]
    public void A_2008_chart_is_read_with_its_hierarchies_series_axes_legend_and_titles()
    {
        var result = TestRdl.Read(TestRdl.Minimal2016(Modern));

        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        var chart = (ChartDefinition)result.Report!.Sections[0].Body.Items.Single();
        Assert.That(chart.DataSetName, Is.EqualTo("Sales"));
        Assert.That(chart.Bounds.Height.Points, Is.EqualTo(216));
        var category = chart.CategoryHierarchy.Single();
        Assert.That(category.Group!.Name, Is.EqualTo("SalesChart_CategoryGroup"));
        Assert.That(category.SortExpressions.Single().Descending, Is.True);
        Assert.That(((Textbox)category.Header!.Cell.Contents!).SingleValue!.Raw, Is.EqualTo("=Fields!Region.Value"));
        Assert.That(chart.SeriesHierarchy.Single().IsStatic, Is.True);

        var content = chart.Content;
        var series = content.Series.Single();
        Assert.That((series.Name, series.Type), Is.EqualTo(("Amount", ChartSeriesType.Doughnut)));
        var point = series.DataPoints.Single();
        Assert.That(point.Y!.Raw, Is.EqualTo("=Sum(Fields!Amount.Value)"));
        Assert.That(point.Label!.Visible, Is.True);
        Assert.That(point.Label.Style["Format"]!.Raw, Is.EqualTo("N0"));
        Assert.That(content.CategoryAxis.Title!.Raw, Is.EqualTo("Region"));
        Assert.That(content.CategoryAxis.Minimum, Is.Null);
        Assert.That((content.ValueAxis.Visible, content.ValueAxis.Minimum, content.ValueAxis.Maximum, content.ValueAxis.MajorGridLines), Is.EqualTo((false, 0.0, 500.0, false)));
        Assert.That(content.ValueAxis.Style["Format"]!.Raw, Is.EqualTo("C0"));
        Assert.That((content.Legend.Hidden, content.Legend.Position), Is.EqualTo((true, "BottomCenter")));
        Assert.That(content.Titles.Single().Position, Is.EqualTo("TopLeft"));
        Assert.That(content.CustomPalette.Select(c => c.Raw), Is.EqualTo(new[] { "Red", "#00ff00" }));

        // Known but unmodelled chart elements are skipped quietly; an unknown one is a warning, not an error.
        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo("RDL1100"));
        Assert.That(warning.Message, Does.Contain("ChartSparkle"));
    }

    [Test]
    public void Chart_expressions_are_collected_and_its_groups_are_scopes()
    {
        var report = TestRdl.Read(TestRdl.Minimal2016(Modern)).Report!;

        var raw = ExpressionCollector.Collect(report).Select(e => e.Raw).ToList();
        Assert.That(raw, Is.SupersetOf(new[]
        {
            "=Fields!Region.Value", "=Sum(Fields!Amount.Value)", "=\"Sales \" & Parameters!Year.Value",
        }));
        var scopes = ReportScopes.Of(report);
        Assert.That(scopes.Contains("SalesChart"), Is.True);
        Assert.That(scopes.Groups["SalesChart_CategoryGroup"].DataRegion.Name, Is.EqualTo("SalesChart"));
    }

    [Test]
    public void A_2005_chart_maps_groupings_and_data_values_to_the_same_model()
    {
        var xml = TestRdl.Minimal2005("""
                  <Chart Name="Legacy">
                    <Type>Scatter</Type><Subtype>Plain</Subtype><Palette>Excel</Palette>
                    <Legend><Visible>true</Visible><Position>RightCenter</Position></Legend>
                    <Title><Caption>Points</Caption><Style><FontSize>16pt</FontSize></Style></Title>
                    <ThreeDProperties><Rotation>30</Rotation></ThreeDProperties>
                    <CategoryGroupings>
                      <CategoryGrouping><DynamicCategories><Grouping Name="Legacy_CategoryGroup1"><GroupExpressions><GroupExpression>=Fields!Amount.Value</GroupExpression></GroupExpressions></Grouping>
                        <Sorting><SortBy><SortExpression>=Fields!Amount.Value</SortExpression><Direction>Descending</Direction></SortBy></Sorting><Label>=Fields!Amount.Value</Label></DynamicCategories></CategoryGrouping>
                    </CategoryGroupings>
                    <SeriesGroupings>
                      <SeriesGrouping><StaticSeries><StaticMember><Label>First</Label></StaticMember><StaticMember><Label>Second</Label></StaticMember></StaticSeries></SeriesGrouping>
                    </SeriesGroupings>
                    <ChartData>
                      <ChartSeries><DataPoints><DataPoint><DataValues><DataValue><Value>=Fields!Amount.Value</Value></DataValue><DataValue><Value>=Sum(Fields!Amount.Value)</Value></DataValue></DataValues>
                        <DataLabel><Visible>true</Visible></DataLabel><Marker /></DataPoint></DataPoints></ChartSeries>
                      <ChartSeries><DataPoints><DataPoint><DataValues><DataValue><Value>1</Value></DataValue><DataValue><Value>2</Value></DataValue></DataValues></DataPoint></DataPoints></ChartSeries>
                    </ChartData>
                    <CategoryAxis><Axis><Title><Caption>Amount</Caption></Title><Visible>true</Visible><Margin>true</Margin></Axis></CategoryAxis>
                    <ValueAxis><Axis><Style><Format>C</Format></Style><MajorGridLines><ShowGridLines>true</ShowGridLines></MajorGridLines><Min>10</Min><Visible>true</Visible></Axis></ValueAxis>
                    <DataSetName>Sales</DataSetName>
                    <Height>3in</Height><Width>5in</Width>
                  </Chart>
        """);

        var result = TestRdl.Read(xml);

        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        var chart = (ChartDefinition)result.Report!.Sections[0].Body.Items.Single();
        var category = chart.CategoryHierarchy.Single();
        Assert.That(category.Group!.Name, Is.EqualTo("Legacy_CategoryGroup1"));
        Assert.That(category.SortExpressions.Single().Descending, Is.True);
        Assert.That(chart.SeriesHierarchy.Select(m => ((Textbox)m.Header!.Cell.Contents!).SingleValue!.Raw), Is.EqualTo(new[] { "First", "Second" }));
        var content = chart.Content;
        Assert.That(content.Series.Select(s => s.Type), Is.EqualTo(new[] { ChartSeriesType.Scatter, ChartSeriesType.Scatter }));
        var point = content.Series[0].DataPoints.Single();
        Assert.That((point.X!.Raw, point.Y!.Raw), Is.EqualTo(("=Fields!Amount.Value", "=Sum(Fields!Amount.Value)")));
        Assert.That(point.Label!.Visible, Is.True);
        Assert.That(content.Palette, Is.EqualTo("Excel"));
        Assert.That(content.Legend.Hidden, Is.False);
        Assert.That(content.Titles.Single().Caption.Raw, Is.EqualTo("Points"));
        Assert.That(content.CategoryAxis.Title!.Raw, Is.EqualTo("Amount"));
        Assert.That((content.ValueAxis.Minimum, content.ValueAxis.MajorGridLines), Is.EqualTo((10.0, true)));
    }

    [Test]
    public void Every_corpus_chart_is_read_as_a_chart()
    {
        var folder = "/work/shared/rdl-corpus";
        if (!Directory.Exists(folder)) Assert.Ignore("The RDL corpus is not available.");
        var files = Directory.EnumerateFiles(folder, "*.rdl*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains("<Chart ", StringComparison.Ordinal)).ToList();
        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            var result = Rdl.Model.Reading.RdlReader.Read(File.ReadAllBytes(file), Path.GetFileName(file));
            Assert.That(result.Diagnostics.Where(d => d.Code == "RDL1101" && d.Message.Contains("'Chart'", StringComparison.Ordinal)), Is.Empty, file);
            Assert.That(result.Diagnostics.Where(d => d.Severity == Rdl.Model.Diagnostics.DiagnosticSeverity.Error), Is.Empty, file);
        }
    }
}
