using Rdl.Model.Definitions.Charts;
using Rdl.Model.Diagnostics;

namespace Rdl.Model.Tests.Reading;

public class ChartMarkerReaderTests
{
    private static string Modern(string seriesMarker, string pointMarker) => $"""
                  <Chart Name="Lines">
                    <ChartCategoryHierarchy><ChartMembers><ChartMember><Group Name="Lines_Category"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Group></ChartMember></ChartMembers></ChartCategoryHierarchy>
                    <ChartSeriesHierarchy><ChartMembers><ChartMember><Label>Amount</Label></ChartMember></ChartMembers></ChartSeriesHierarchy>
                    <ChartData><ChartSeriesCollection><ChartSeries Name="Amount">
                      <ChartDataPoints><ChartDataPoint>
                        <ChartDataPointValues><Y>=Sum(Fields!Amount.Value)</Y></ChartDataPointValues>
                        {pointMarker}
                      </ChartDataPoint></ChartDataPoints>
                      <Type>Line</Type>{seriesMarker}
                    </ChartSeries></ChartSeriesCollection></ChartData>
                    <ChartAreas><ChartArea Name="Default" /></ChartAreas>
                    <DataSetName>Sales</DataSetName>
                    <Height>3in</Height><Width>5in</Width>
                  </Chart>
        """;

    private static string Legacy(string marker) => TestRdl.Minimal2005($"""
                  <Chart Name="Legacy">
                    <Type>Line</Type><Subtype>Plain</Subtype>
                    <CategoryGroupings><CategoryGrouping><DynamicCategories><Grouping Name="Legacy_CategoryGroup1"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Grouping></DynamicCategories></CategoryGrouping></CategoryGroupings>
                    <ChartData><ChartSeries><DataPoints><DataPoint><DataValues><DataValue><Value>=Sum(Fields!Amount.Value)</Value></DataValue></DataValues>{marker}</DataPoint></DataPoints></ChartSeries></ChartData>
                    <DataSetName>Sales</DataSetName>
                    <Height>3in</Height><Width>5in</Width>
                  </Chart>
        """);

    private static (ChartSeriesDefinition Series, IReadOnlyList<RdlDiagnostic> Diagnostics) Read(string xml)
    {
        var result = TestRdl.Read(xml);
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        var chart = (ChartDefinition)result.Report!.Sections[0].Body.Items.Single();
        return (chart.Content.Series.Single(), result.Diagnostics);
    }

    [Test]
    public void A_2008_series_marker_has_its_type_size_and_style_and_a_point_marker_overrides_it()
    {
        var (series, diagnostics) = Read(TestRdl.Minimal2016(Modern(
            "<ChartMarker><Type>Square</Type><Size>8pt</Size><Style><BackgroundColor>Red</BackgroundColor><Border><Color>Black</Color></Border></Style></ChartMarker>",
            "<ChartMarker><Type>Star5</Type></ChartMarker>")));

        Assert.That(diagnostics, Is.Empty, string.Join("\n", diagnostics));
        var marker = series.Marker!;
        Assert.That((marker.Type, marker.Size!.Value.Points), Is.EqualTo((ChartMarkerType.Square, 8.0)));
        Assert.That(marker.Style["BackgroundColor"]!.Raw, Is.EqualTo("Red"));
        Assert.That(marker.Style["Border.Color"]!.Raw, Is.EqualTo("Black"));
        var point = series.DataPoints.Single().Marker!;
        Assert.That((point.Type, point.Size), Is.EqualTo((ChartMarkerType.Star5, (Rdl.Model.Definitions.Styling.ReportSize?)null)));
    }

    [Test]
    public void A_marker_without_a_type_leaves_it_unset_and_an_unknown_type_is_a_warning()
    {
        var (plain, _) = Read(TestRdl.Minimal2016(Modern("", "<ChartMarker><Style /></ChartMarker>")));
        Assert.That(plain.Marker, Is.Null);
        Assert.That(plain.DataPoints.Single().Marker!.Type, Is.Null);

        var (odd, diagnostics) = Read(TestRdl.Minimal2016(Modern("<ChartMarker><Type>Hexagon</Type><Size>=Fields!S.Value</Size></ChartMarker>", "")));
        Assert.That((odd.Marker!.Type, odd.Marker.Size), Is.EqualTo(((ChartMarkerType?)null, (Rdl.Model.Definitions.Styling.ReportSize?)null)));
        Assert.That(diagnostics.Select(d => d.Severity), Has.All.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(diagnostics.Select(d => d.Code), Is.EquivalentTo(new[] { "RDL1004", "RDL1102" }));
    }

    [Test]
    public void A_2005_data_point_marker_is_read_into_the_same_model()
    {
        var (series, diagnostics) = Read(Legacy("<Marker><Type>Triangle</Type><Size>5pt</Size><Style><BackgroundColor>Green</BackgroundColor></Style></Marker>"));

        Assert.That(diagnostics, Is.Empty, string.Join("\n", diagnostics));
        var marker = series.DataPoints.Single().Marker!;
        Assert.That((marker.Type, marker.Size!.Value.Points), Is.EqualTo((ChartMarkerType.Triangle, 5.0)));
        Assert.That(marker.Style["BackgroundColor"]!.Raw, Is.EqualTo("Green"));

        var (empty, _) = Read(Legacy("<Marker><Size>6pt</Size></Marker>"));
        Assert.That(empty.DataPoints.Single().Marker!.Type, Is.Null, "no Type: the chart type decides");
    }
}
