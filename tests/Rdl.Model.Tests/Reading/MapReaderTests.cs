using Rdl.Model.Definitions.Maps;
using Rdl.Model.Expressions;

namespace Rdl.Model.Tests.Reading;

/// <summary>A Map reads into its viewport, data regions (tablixes over their datasets), layers with their sources, bindings, templates and rules, legends and titles.</summary>
public class MapReaderTests
{
    private const string Map = """
        <Map Name="SalesMap">
          <MapViewport><MapCoordinateSystem>Geographic</MapCoordinateSystem><MapProjection>Equirectangular</MapProjection>
            <MapCustomView><CenterX>40</CenterX><CenterY>60</CenterY><Zoom>150</Zoom></MapCustomView></MapViewport>
          <MapDataRegions><MapDataRegion Name="ByState"><DataSetName>Sales</DataSetName>
            <MapMember><Group Name="State"><GroupExpressions><GroupExpression>=Fields!Amount.Value</GroupExpression></GroupExpressions></Group></MapMember></MapDataRegion></MapDataRegions>
          <MapLayers>
            <MapPolygonLayer Name="States"><MapDataRegionName>ByState</MapDataRegionName>
              <MapBindingFieldPairs><MapBindingFieldPair><FieldName>NAME</FieldName><BindingExpression>=Fields!Amount.Value</BindingExpression></MapBindingFieldPair></MapBindingFieldPairs>
              <MapPolygonRules><MapColorRangeRule><StartColor>Red</StartColor><EndColor>Green</EndColor><DataValue>=Sum(Fields!Amount.Value)</DataValue><DistributionType>Optimal</DistributionType><BucketCount>4</BucketCount><LegendName>Legend1</LegendName></MapColorRangeRule></MapPolygonRules>
              <MapPolygons><MapPolygon><VectorData>POLYGON ((0 0, 1 0, 1 1, 0 0))</VectorData><MapFields><MapField Name="NAME"><Value>Utah</Value></MapField></MapFields></MapPolygon></MapPolygons>
            </MapPolygonLayer>
            <MapTileLayer Name="Tiles"><TileStyle>Aerial</TileStyle></MapTileLayer>
          </MapLayers>
          <MapLegends><MapLegend Name="Legend1"><Position>BottomCenter</Position><DockOutsideViewport>true</DockOutsideViewport></MapLegend></MapLegends>
          <MapTitles><MapTitle Name="Title1"><Text>="Sales"</Text></MapTitle></MapTitles>
          <Height>3in</Height><Width>4in</Width>
        </Map>
        """;

    [Test]
    public void A_map_reads_without_warnings_into_its_model()
    {
        var result = TestRdl.Read(TestRdl.Minimal2016(Map));

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
        var map = result.Report!.Sections[0].Body.Items.OfType<MapDefinition>().Single();
        Assert.That((map.Viewport.Projection, map.Viewport.CenterX, map.Viewport.CenterY, map.Viewport.Zoom), Is.EqualTo(("Equirectangular", 40.0, 60.0, 150.0)));
        Assert.That(map.Layers.Select(l => l.Kind), Is.EqualTo(new[] { MapLayerKind.Polygon, MapLayerKind.Tile }));
        var states = map.Layers[0];
        Assert.That(states.Elements.Single().Fields["NAME"], Is.EqualTo("Utah"));
        Assert.That(states.Bindings.Single().FieldName, Is.EqualTo("NAME"));
        var rule = states.Rules.Single();
        Assert.That((rule.Kind, rule.DistributionType, rule.BucketCount, rule.LegendName), Is.EqualTo((MapRuleKind.Color, "Optimal", 4, "Legend1")));
        var region = map.DataRegions.Single();
        Assert.That((region.Name, region.DataSetName, region.RowHierarchy.Single().Group!.Name), Is.EqualTo(("ByState", "Sales", "State")));
        Assert.That(map.Titles.Single().Position, Is.EqualTo("TopCenter"), "the default position");
    }

    [Test]
    public void The_layer_data_expressions_are_collected_in_the_data_region_and_the_region_is_a_scope()
    {
        var report = TestRdl.Read(TestRdl.Minimal2016(Map)).Report!;

        var collected = ExpressionCollector.Collect(report).Select(e => e.Raw).ToList();
        Assert.That(collected, Is.SupersetOf(new[] { "=Fields!Amount.Value", "=Sum(Fields!Amount.Value)", "=\"Sales\"" }));
        var scopes = ReportScopes.Of(report);
        Assert.That(scopes.Contains("ByState") && scopes.Contains("State"), Is.True);
    }
}
