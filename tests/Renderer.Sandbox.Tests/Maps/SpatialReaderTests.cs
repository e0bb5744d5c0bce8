using Renderer.Sandbox.Processing.Maps;

namespace Renderer.Sandbox.Tests.Maps;

/// <summary>Spatial values: WKT and WKB (bytes, base64, hex) read alike; other values are refused saying why; buckets split as SSRS's distribution types say.</summary>
public class SpatialReaderTests
{
    [Test]
    public void WKT_multi_geometries_and_collections_are_flattened()
    {
        Assert.That(SpatialReader.TryRead("GEOMETRYCOLLECTION (POINT Z (1 2 3), LINESTRING (0 0, 1 1), MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5))))", out var geometry, out var problem), Is.True, problem);
        Assert.That((geometry.Points.Length, geometry.Lines.Length, geometry.Polygons.Length), Is.EqualTo((1, 1, 2)));
        Assert.That(geometry.Points[0], Is.EqualTo(new GeoPoint(1, 2)));
    }

    [Test]
    public void WKB_reads_from_bytes_hex_and_base64()
    {
        // POINT (10 20), big-endian.
        var hex = "00000000014024000000000000" + "4034000000000000";
        Assert.That(SpatialReader.TryRead(hex, out var fromHex, out _), Is.True);
        Assert.That(fromHex.Points.Single(), Is.EqualTo(new GeoPoint(10, 20)));
        Assert.That(SpatialReader.TryRead(Convert.ToBase64String(Convert.FromHexString(hex)), out var fromBase64, out _), Is.True);
        Assert.That(fromBase64.Points.Single(), Is.EqualTo(new GeoPoint(10, 20)));
        Assert.That(SpatialReader.TryRead(Convert.FromHexString(hex), out var fromBytes, out _), Is.True);
        Assert.That(fromBytes.Points.Single(), Is.EqualTo(new GeoPoint(10, 20)));
    }

    [Test]
    public void Broken_values_are_refused_with_the_reason()
    {
        Assert.That(SpatialReader.TryRead("POLYGON ((0 0, 1 0", out _, out var truncated), Is.False);
        Assert.That(truncated, Does.StartWith("WKT: expected"));
        Assert.That(SpatialReader.TryRead(new byte[] { 1, 3, 0, 0, 0, 255, 255, 255, 255 }, out _, out var huge), Is.False);
        Assert.That(huge, Does.Contain("runs past the end"));
        Assert.That(SpatialReader.TryRead(42, out _, out var number), Is.False);
        Assert.That(number, Does.Contain("neither WKT text nor WKB bytes"));
    }

    [Test]
    public void Buckets_follow_the_distribution_type()
    {
        double[] values = [1, 2, 3, 10, 11, 12, 50, 51];
        Assert.That(MapBuckets.Create("Optimal", 3, values, null, null, [])!.Bounds, Is.EqualTo(new double[] { 1, 3, 12, 51 }), "natural breaks");
        Assert.That(MapBuckets.Create("EqualInterval", 2, values, null, null, [])!.Bounds, Is.EqualTo(new double[] { 1, 26, 51 }));
        Assert.That(MapBuckets.Create("EqualDistribution", 4, values, null, null, [])!.Bounds, Is.EqualTo(new double[] { 1, 2, 10, 12, 51 }));
        Assert.That(MapBuckets.Create("Custom", 5, values, null, null, [(0, 5), (5, 100)])!.Bounds, Is.EqualTo(new double[] { 0, 5, 100 }));
    }
}
