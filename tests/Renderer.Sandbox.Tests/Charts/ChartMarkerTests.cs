using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Charts;
using Renderer.Sandbox.Writers.Pdf;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Renderer.Sandbox.Tests.Charts;

public class ChartMarkerTests
{
    private const string NoMarker = "<ChartMarker><Type>None</Type></ChartMarker>";

    private static string LineChart(string marker) => ChartRdl.Modern("Line").Replace(NoMarker, marker, StringComparison.Ordinal);

    private static ChartItem Render(string rdl) => ChartRun.Render(rdl, ChartRdl.Columns, ChartRdl.Rows).ChartItem("Sales");

    private static List<ChartMarker> Markers(ChartItem chart) => [.. chart.Shapes.OfType<ChartMarker>()];

    [Test]
    public void Line_markers_sit_on_the_data_points_with_the_written_shape_and_size()
    {
        var chart = Render(LineChart("<ChartMarker><Type>Square</Type><Size>8pt</Size></ChartMarker>"));

        // 2023: East 15, North 40 (West empty); 2024: East 20, North 30, West 25.
        var lines = chart.Shapes.OfType<ChartPolyline>().Where(l => l.Stroke.Width == 1.5).ToList();
        var points = lines.SelectMany(l => l.Points).ToList();
        var markers = Markers(chart);
        Assert.That(points, Has.Count.EqualTo(5));
        Assert.That(markers.Select(m => m.Center), Is.EquivalentTo(points));
        Assert.That(markers.Select(m => (m.Shape, m.Size)), Has.All.EqualTo((ChartMarkerShape.Square, 8.0)));
        foreach (var line in lines)
        {
            Assert.That(markers.Where(m => line.Points.Contains(m.Center)).Select(m => m.Fill), Has.All.EqualTo(line.Stroke.Color), "markers take their series color");
        }
        var lastLine = chart.Shapes.ToList().FindLastIndex(s => s is ChartPolyline { Stroke.Width: 1.5 });
        Assert.That(chart.Shapes.ToList().FindIndex(s => s is ChartMarker), Is.GreaterThan(lastLine), "markers are drawn on top of the lines");
    }

    [Test]
    public void A_line_series_without_a_marker_type_draws_none_and_a_scatter_series_defaults_to_circles()
    {
        Assert.That(Markers(Render(ChartRdl.Modern("Line"))), Is.Empty);
        Assert.That(Markers(Render(LineChart("<ChartMarker><Style /></ChartMarker>"))), Is.Empty);

        var scatter = Markers(Render(ChartRdl.Modern("Scatter", seriesGroup: false).Replace(NoMarker, "", StringComparison.Ordinal)));
        Assert.That(scatter, Has.Count.EqualTo(3));
        Assert.That(scatter.Select(m => (m.Shape, m.Size)), Has.All.EqualTo((ChartMarkerShape.Circle, 6.0)));
    }

    [Test]
    public void Marker_style_gives_the_fill_and_border()
    {
        var chart = Render(LineChart(
            "<ChartMarker><Type>Diamond</Type><Style><BackgroundColor>#FF0000</BackgroundColor><Border><Color>Black</Color><Width>2pt</Width></Border></Style></ChartMarker>"));

        var markers = Markers(chart);
        Assert.That(markers, Has.Count.EqualTo(5));
        Assert.That(markers.Select(m => (m.Fill, m.Size)), Has.All.EqualTo((new Rgba(0xFF, 0, 0), 6.0)), "6pt when no Size is written");
        Assert.That(markers.Select(m => m.Stroke), Has.All.EqualTo(new BorderSide(BorderStyle.Solid, Rgba.Black, 2)));
    }

    [Test]
    public void Every_marker_shape_fits_its_box_and_is_drawn()
    {
        foreach (var shape in Enum.GetValues<ChartMarkerShape>())
        {
            var marker = new ChartMarker(new ChartPoint(20, 30), shape, 10, Rgba.Black, BorderSide.None);
            using var path = ChartMarkerPath.Create(marker);
            var bounds = path.Bounds;
            Assert.That(bounds.Left, Is.GreaterThanOrEqualTo(15 - 0.01), shape.ToString());
            Assert.That(bounds.Right, Is.LessThanOrEqualTo(25 + 0.01), shape.ToString());
            Assert.That(bounds.Top, Is.EqualTo(25).Within(0.01), shape + " reaches the top of its box");
            Assert.That(bounds.Bottom, Is.LessThanOrEqualTo(35 + 0.01), shape.ToString());
            Assert.That(path.Contains(20, 30), Is.True, shape + " covers its center");
        }
        if (Environment.GetEnvironmentVariable("CHART_PNG_DIR") is { Length: > 0 } dir)
        {
            var shapes = Enum.GetValues<ChartMarkerShape>()
                .Select(ChartShape (s, i) => new ChartMarker(new ChartPoint(15 + i * 25, 15), s, 16, new Rgba(0x41, 0x8C, 0xF0), new BorderSide(BorderStyle.Solid, Rgba.Black, 1)));
            var item = new ChartItem(new Bounds(0, 0, 240, 30), PageRegion.Body, "Markers", [.. shapes]);
            File.WriteAllBytes(Path.Combine(dir, "markers.png"), ChartRasterizer.ToPng(item, 4)!);
        }
    }

    [Test]
    public void Pdf_draws_one_filled_vector_per_marker_and_the_picture_shows_them()
    {
        var plain = ChartRun.Render(ChartRdl.Modern("Line"), ChartRdl.Columns, ChartRdl.Rows);
        var run = ChartRun.Render(LineChart("<ChartMarker><Type>Triangle</Type><Size>10pt</Size><Style><BackgroundColor>#FF0000</BackgroundColor></Style></ChartMarker>"), ChartRdl.Columns, ChartRdl.Rows);
        var marked = run.ChartItem("Sales");

        Assert.That(FilledPaths(run.Document) - FilledPaths(plain.Document), Is.EqualTo(5), "five data points, five filled markers");

        using var bitmap = SKBitmap.Decode(ChartRasterizer.ToPng(marked));
        foreach (var marker in Markers(marked))
        {
            // Just inside the triangle's base, below the line, the marker's red shows.
            var pixel = bitmap.GetPixel((int)Math.Round(marker.Center.X * 2), (int)Math.Round((marker.Center.Y + 3.5) * 2));
            Assert.That((pixel.Red, pixel.Green, pixel.Blue), Is.EqualTo(((byte)255, (byte)0, (byte)0)));
        }
    }

    private static int FilledPaths(PaginatedDocument document)
    {
        using var output = new MemoryStream();
        new PdfDocumentWriter().Write(document, output);
        using var pdf = PdfDocument.Open(output.ToArray());
        return pdf.GetPage(1).Paths.Count(p => p.IsFilled);
    }
}
