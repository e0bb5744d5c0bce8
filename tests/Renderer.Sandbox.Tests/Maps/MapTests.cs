using DocumentFormat.OpenXml.Packaging;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Tests.Charts;
using Renderer.Sandbox.Tests.Writers;
using Renderer.Sandbox.Writers.Docx;
using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Tests.Maps;

/// <summary>Maps: read (no RDL1101), spatial data from the RDL or a dataset, rules by bound analytical data, tile layers warned about, pictures in XLSX and DOCX.</summary>
public class MapTests
{
    private static readonly string[] Columns = ["Name", "Shape", "Sales"];

    // Three squares side by side (A, B, C) and a square with a hole (D); D has no analytical data.
    private static readonly object?[][] Rows =
    [
        ["A", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", 10.0],
        ["B", "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))", 10.0],
        ["C", "POLYGON ((20 0, 30 0, 30 10, 20 10, 20 0))", 90.0],
    ];

    private static string Report(string layers, string extra = "") =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Report xmlns=\"http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition\">"
        + "<DataSources><DataSource Name=\"Db\"><DataSourceReference>Db</DataSourceReference></DataSource></DataSources>"
        + "<DataSets><DataSet Name=\"Data\"><Query><DataSourceName>Db</DataSourceName><CommandText>q</CommandText></Query><Fields>"
        + "<Field Name=\"Name\"><DataField>Name</DataField></Field><Field Name=\"Shape\"><DataField>Shape</DataField></Field><Field Name=\"Sales\"><DataField>Sales</DataField></Field></Fields></DataSet></DataSets>"
        + "<ReportSections><ReportSection><Body><ReportItems><Map Name=\"Map\"><MapViewport><MapCoordinateSystem>Planar</MapCoordinateSystem></MapViewport>"
        + "<MapDataRegions><MapDataRegion Name=\"Region\"><DataSetName>Data</DataSetName><MapMember><Group Name=\"ByName\"><GroupExpressions><GroupExpression>=Fields!Name.Value</GroupExpression></GroupExpressions></Group></MapMember></MapDataRegion></MapDataRegions>"
        + $"<MapLayers>{layers}</MapLayers>{extra}<Top>0pt</Top><Left>0pt</Left><Height>200pt</Height><Width>300pt</Width></Map></ReportItems><Height>220pt</Height></Body><Width>300pt</Width>"
        + "<Page><PageHeight>400pt</PageHeight><PageWidth>400pt</PageWidth></Page></ReportSection></ReportSections><Language>en-US</Language></Report>";

    private static string Embedded(string name, string vectorData) =>
        $"<MapPolygon><VectorData>{vectorData}</VectorData><MapFields><MapField Name=\"Name\"><Value>{name}</Value></MapField></MapFields></MapPolygon>";

    private const string ColorRule =
        "<MapPolygonRules><MapColorRangeRule><StartColor>Yellow</StartColor><EndColor>Red</EndColor><DataValue>=Sum(Fields!Sales.Value)</DataValue>"
        + "<DistributionType>EqualInterval</DistributionType><BucketCount>2</BucketCount><LegendName>Legend1</LegendName></MapColorRangeRule></MapPolygonRules>";

    private const string Binding = "<MapDataRegionName>Region</MapDataRegionName><MapBindingFieldPairs><MapBindingFieldPair><FieldName>Name</FieldName><BindingExpression>=Fields!Name.Value</BindingExpression></MapBindingFieldPair></MapBindingFieldPairs>";

    private const string Template = "<MapPolygonTemplate><Style><BackgroundColor>Blue</BackgroundColor><Border><Color>Black</Color><Style>Solid</Style></Border></Style></MapPolygonTemplate>";

    /// <summary>"POLYGON ((0 20, 10 20, 10 30, 0 30, 0 20))" as little-endian WKB in base64.</summary>
    private static string WkbSquare()
    {
        var bytes = new List<byte> { 1 };
        bytes.AddRange(BitConverter.GetBytes(3u));
        bytes.AddRange(BitConverter.GetBytes(1u));
        bytes.AddRange(BitConverter.GetBytes(5u));
        foreach (var (x, y) in new[] { (0.0, 20.0), (10.0, 20.0), (10.0, 30.0), (0.0, 30.0), (0.0, 20.0) })
        {
            bytes.AddRange(BitConverter.GetBytes(x));
            bytes.AddRange(BitConverter.GetBytes(y));
        }
        return Convert.ToBase64String([.. bytes]);
    }

    private static IEnumerable<ChartPolygon> Polygons(ChartRun run) => run.ChartItem("Map").Shapes.OfType<ChartPolygon>().Where(p => p.Points.Length >= 4);

    [Test]
    public void Embedded_polygons_take_the_color_of_their_bucket_through_the_binding_and_unbound_ones_keep_the_template()
    {
        var polygons = Embedded("A", Rows[0][1]!.ToString()!) + Embedded("B", Rows[1][1]!.ToString()!) + Embedded("C", Rows[2][1]!.ToString()!) + Embedded("D", WkbSquare());
        var legend = "<MapLegends><MapLegend Name=\"Legend1\"><Position>RightTop</Position><DockOutsideViewport>true</DockOutsideViewport></MapLegend></MapLegends>";
        var run = ChartRun.Render(Report($"<MapPolygonLayer Name=\"Areas\">{Binding}{Template}{ColorRule}<MapPolygons>{polygons}</MapPolygons></MapPolygonLayer>", legend), Columns, Rows);

        Assert.That(run.Diagnostics.Where(d => d.Code is "RDL1101" or "RDL1100" || d.Code.StartsWith("PRC", StringComparison.Ordinal)), Is.Empty, string.Join("\n", run.Diagnostics));
        var drawn = Polygons(run).ToList();
        Assert.That(drawn, Has.Count.EqualTo(4));
        // Left to right: A and B (10) in the first bucket (yellow), C (90) in the second (red); D, above A, has no data.
        var byX = drawn.OrderBy(p => p.Points.Min(q => q.X)).ThenByDescending(p => p.Points.Min(q => q.Y)).ToList();
        Assert.That(byX.Select(p => p.Fill), Is.EqualTo(new[] { new Rgba(0xFF, 0xFF, 0), new Rgba(0, 0, 0xFF), new Rgba(0xFF, 0xFF, 0), new Rgba(0xFF, 0, 0) }));
        var texts = run.ChartItem("Map").Shapes.OfType<ChartText>().Select(t => t.Text).ToList();
        Assert.That(texts, Is.SupersetOf(new[] { "10 - 50", "50 - 90" }), "legend entries from #FROMVALUE{N0} - #TOVALUE{N0}");
    }

    [Test]
    public void Polygons_from_a_WKT_field_of_the_dataset_are_drawn_with_their_holes()
    {
        var rows = Rows.Append(["D", "POLYGON ((0 20, 30 20, 30 40, 0 40, 0 20), (10 25, 20 25, 20 35, 10 35, 10 25))", 50.0]).ToArray();
        var spatial = "<MapSpatialDataSet><DataSetName>Data</DataSetName><SpatialField>Shape</SpatialField><MapFieldNames><MapFieldName>Name</MapFieldName></MapFieldNames></MapSpatialDataSet>";
        var run = ChartRun.Render(Report($"<MapPolygonLayer Name=\"Areas\">{Binding}{spatial}{Template}{ColorRule}</MapPolygonLayer>"), Columns, rows);

        var drawn = Polygons(run).ToList();
        Assert.That(drawn, Has.Count.EqualTo(4));
        var holed = drawn.Single(p => !p.Holes.IsEmpty);
        Assert.That(holed.Holes.Single(), Has.Length.EqualTo(4), "the hole's four corners (the closing point is implied)");
        Assert.That(drawn.Select(p => p.Fill).Distinct().Count(), Is.EqualTo(2), "10, 10 and 50 in one bucket, 90 in the other");
    }

    [Test]
    public void A_tile_layer_warns_with_its_location_and_the_map_is_drawn_without_it()
    {
        var spatial = "<MapSpatialDataSet><DataSetName>Data</DataSetName><SpatialField>Shape</SpatialField></MapSpatialDataSet>";
        var layers = "<MapTileLayer Name=\"Bing\"><TileStyle>Road</TileStyle></MapTileLayer>" + $"<MapPolygonLayer Name=\"Areas\">{spatial}{Template}</MapPolygonLayer>";
        var rdl = Report(layers);
        var run = ChartRun.Render(rdl, Columns, Rows);

        var warning = run.Diagnostics.Single(d => d.Code == "PRC4080");
        Assert.That(warning.Message, Does.Contain("Tile layer 'Bing'").And.Contain("internet"));
        var line = rdl.Split('\n')[1];
        Assert.That((warning.Location.Line, warning.Location.Column), Is.EqualTo((2, line.IndexOf("<MapTileLayer", StringComparison.Ordinal) + 2)), "at the tile layer's element");
        Assert.That(Polygons(run).Count(), Is.EqualTo(3));
    }

    [Test]
    public void SQL_Server_spatial_binary_is_left_out_with_a_warning_naming_it()
    {
        // SRID 4326, version 1, a point: SQL Server's own serialization, not WKB.
        byte[] sqlServer = [0xE6, 0x10, 0, 0, 1, 0x0C, 0, 0, 0, 0, 0, 0, 0x24, 0x40, 0, 0, 0, 0, 0, 0, 0x34, 0x40];
        var rows = new[] { new object?[] { "A", sqlServer, 1.0 }, Rows[2] };
        var spatial = "<MapSpatialDataSet><DataSetName>Data</DataSetName><SpatialField>Shape</SpatialField></MapSpatialDataSet>";
        var run = ChartRun.Render(Report($"<MapPolygonLayer Name=\"Areas\">{spatial}{Template}</MapPolygonLayer>"), Columns, rows);

        var warning = run.Diagnostics.Single(d => d.Code == "PRC4081");
        Assert.That(warning.Message, Does.Contain("1 spatial value(s) of layer 'Areas'").And.Contain("SQL Server"));
        Assert.That(Polygons(run).Count(), Is.EqualTo(1), "the WKT row is still drawn");
    }

    [Test]
    public void Lines_get_their_width_from_a_width_rule_and_points_their_marker_from_a_marker_rule()
    {
        var rows = new[]
        {
            new object?[] { "Thin", "LINESTRING (0 0, 10 10)", 1.0 },
            new object?[] { "Thick", "LINESTRING (0 10, 10 0)", 100.0 },
        };
        var lines = $"<MapLineLayer Name=\"Roads\"><MapDataRegionName>Region</MapDataRegionName><MapSpatialDataRegion><VectorData>=Fields!Shape.Value</VectorData></MapSpatialDataRegion>"
            + "<MapLineRules><MapWidthRule><StartWidth>1pt</StartWidth><EndWidth>5pt</EndWidth><DataValue>=Sum(Fields!Sales.Value)</DataValue><DistributionType>EqualInterval</DistributionType><BucketCount>2</BucketCount></MapWidthRule></MapLineRules></MapLineLayer>";
        var points = "<MapPointLayer Name=\"Sites\"><MapPoints><MapPoint><VectorData>POINT (5 5)</VectorData><MapFields><MapField Name=\"Rank\"><Value>1</Value></MapField></MapFields></MapPoint>"
            + "<MapPoint><VectorData>POINT (6 6)</VectorData><MapFields><MapField Name=\"Rank\"><Value>9</Value></MapField></MapFields></MapPoint></MapPoints>"
            + "<MapPointRules><MapMarkerRule><MapMarkers><MapMarker><MapMarkerStyle>Star</MapMarkerStyle></MapMarker><MapMarker><MapMarkerStyle>Diamond</MapMarkerStyle></MapMarker></MapMarkers>"
            + "<DataValue>#Rank</DataValue><DistributionType>EqualInterval</DistributionType><BucketCount>2</BucketCount></MapMarkerRule></MapPointRules></MapPointLayer>";
        var run = ChartRun.Render(Report(lines + points), Columns, rows);

        var item = run.ChartItem("Map");
        var widths = item.Shapes.OfType<ChartPolyline>().Where(l => l.Stroke.Width >= 1).Select(l => l.Stroke.Width).ToList();
        Assert.That(widths, Is.EqualTo(new[] { 1.0, 5.0 }));
        Assert.That(item.Shapes.OfType<ChartMarker>().Select(m => m.Shape), Is.EqualTo(new[] { ChartMarkerShape.Star5, ChartMarkerShape.Diamond }));
    }

    [Test]
    public void Points_with_infinite_coordinates_are_left_out_and_the_others_drawn()
    {
        var points = "<MapPointLayer Name=\"Sites\"><MapPoints><MapPoint><VectorData>POINT (1e400 5)</VectorData></MapPoint><MapPoint><VectorData>POINT (5 -1e400)</VectorData></MapPoint>"
            + "<MapPoint><VectorData>POINT (5 5)</VectorData></MapPoint><MapPoint><VectorData>POINT (6 7)</VectorData></MapPoint></MapPoints></MapPointLayer>";
        var run = ChartRun.Render(Report(points), Columns, Rows);

        var markers = run.ChartItem("Map").Shapes.OfType<ChartMarker>().ToList();
        Assert.That(markers, Has.Count.EqualTo(2));
        Assert.That(markers.All(m => double.IsFinite(m.Center.X) && double.IsFinite(m.Center.Y)), Is.True);
    }

    [Test]
    public void XLSX_and_DOCX_hold_the_map_as_a_picture()
    {
        var spatial = "<MapSpatialDataSet><DataSetName>Data</DataSetName><SpatialField>Shape</SpatialField></MapSpatialDataSet>";
        var run = ChartRun.Render(Report($"<MapPolygonLayer Name=\"Areas\">{spatial}{Template}</MapPolygonLayer>"), Columns, Rows);

        using var xlsx = new MemoryStream(OfficeOutput.Xlsx(run.Document));
        using (var book = SpreadsheetDocument.Open(xlsx, false))
        {
            var image = book.WorkbookPart!.WorksheetParts.Single().DrawingsPart!.ImageParts.Single();
            Assert.That(image.ContentType, Is.EqualTo("image/png"));
            using var bitmap = SkiaSharp.SKBitmap.Decode(image.GetStream());
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((600, 400)), "300 x 200 points at two pixels per point");
            Assert.That(bitmap.GetPixel(300, 200), Is.EqualTo(new SkiaSharp.SKColor(0, 0, 0xFF)), "the middle square, blue");
        }

        using var docx = new MemoryStream(OfficeOutput.Docx(run.Document));
        using var word = WordprocessingDocument.Open(docx, false);
        Assert.That(word.MainDocumentPart!.ImageParts.Single().ContentType, Is.EqualTo("image/png"));
    }
}
