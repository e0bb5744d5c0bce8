using Renderer.Host.Tests.Visual;

namespace Renderer.Host.Tests.Viewer;

/// <summary>
/// Page 1 of three reports as the viewer shows it at 100 % in Chromium, compared with reviewed reference images in
/// <c>Viewer/References/&lt;name&gt;.png</c> (same tolerance as the PDF references). Regenerate after an intended change
/// with <c>UPDATE_VISUAL_REFERENCES=1 dotnet test tests/Renderer.Host.Tests --filter FullyQualifiedName~Viewer_page_matches</c>
/// and look at each image before committing it.
/// </summary>
public sealed partial class ViewerBrowserTests
{
    private static string ViewerReferences => Path.Combine(EndToEnd.ErrorHandlingTests.ProjectRoot(), "tests", "Renderer.Host.Tests", "Viewer", "References");

    [TestCase("/Sales/Viewer Tour", "", "viewer-tour")]
    [TestCase("/Samples/SalesChart", "&Year=2024", "sales-chart")]
    [TestCase("/Samples/SalesDrilldown", "", "sales-drilldown")]
    public async Task Viewer_page_matches_its_reference_image(string path, string query, string name)
    {
        var (context, page) = await SignedIn("admin", Viewer(path, query + "&rc:Parameters=false"));
        await using var _ = context;
        await PageText(page, 1);
        await FinalPageCount(page);
        await page.EvaluateAsync("() => document.fonts.ready");

        var actual = Path.Combine(AppContext.BaseDirectory, "VisualFailures", $"{name}.actual.png");
        Directory.CreateDirectory(Path.GetDirectoryName(actual)!);
        await page.Locator(".page-frame").ScreenshotAsync(new() { Path = actual });
        var reference = Path.Combine(ViewerReferences, $"{name}.png");
        if (Environment.GetEnvironmentVariable("UPDATE_VISUAL_REFERENCES") == "1")
        {
            Directory.CreateDirectory(ViewerReferences);
            File.Copy(actual, reference, overwrite: true);
            Assert.Pass($"Reference written: {reference}");
        }
        Assert.That(File.Exists(reference), Is.True, $"No reference image {reference}; actual: {actual}");
        using var shot = PngComparison.Decode(actual);
        using var expected = PngComparison.Decode(reference);
        var diff = Path.ChangeExtension(actual, null).Replace(".actual", ".diff", StringComparison.Ordinal) + ".png";
        var result = PngComparison.Compare(shot, expected, diff);
        Assert.That(result.SizesMatch, Is.True, $"{shot.Width}x{shot.Height}, reference {expected.Width}x{expected.Height}; actual: {actual}");
        Assert.That(result.DifferentFraction, Is.LessThanOrEqualTo(PngComparison.MaxDifferentFraction), $"{result.DifferentPixels} pixels differ; actual: {actual}, diff: {diff}");
    }
}
