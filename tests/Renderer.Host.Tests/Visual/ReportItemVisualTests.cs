using System.Globalization;
using System.Net;
using System.Text;
using Renderer.Host.Tests.EndToEnd;

namespace Renderer.Host.Tests.Visual;

/// <summary>
/// Visual checks of the RDL 2016 report items and chart features of issue 17: each report in <c>Visual/Items/*.rdl</c>
/// carries its rows inline (an XML data source with <c>&lt;XmlData&gt;</c>), is uploaded to the real host, rendered to
/// PDF, its first page rasterised with <c>pdftoppm -r 72</c> and compared with the reviewed image
/// <c>Visual/References/Items/&lt;report&gt;-1.png</c> as <see cref="VisualReferenceTests"/> does (same tolerances,
/// <c>UPDATE_VISUAL_REFERENCES=1</c> rewrites the images). The render must not report any item as not supported
/// (RDL1101) and must also succeed as XLSX and DOCX.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReportItemVisualTests : ServerTest
{
    private const int Dpi = 72;

    private static string Folder => Path.Combine(ErrorHandlingTests.ProjectRoot(), "tests", "Renderer.Host.Tests", "Visual");

    private static string WorkFolder => Path.Combine(AppContext.BaseDirectory, "VisualFailures");

    private static IEnumerable<TestCaseData> Reports() =>
        Directory.GetFiles(Path.Combine(Folder, "Items"), "*.rdl").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileNameWithoutExtension(path)).SetName($"Item report ({Path.GetFileNameWithoutExtension(path)})"));

    [TestCaseSource(nameof(Reports))]
    public async Task First_page_looks_like_the_reviewed_reference(string report)
    {
        Directory.CreateDirectory(WorkFolder);
        var rdl = await File.ReadAllTextAsync(Path.Combine(Folder, "Items", report + ".rdl"));
        var upload = await Client.PostAsync($"/api/reports?name=Item{report}", new StringContent(rdl, Encoding.UTF8, "application/xml"));
        var uploaded = await upload.Content.ReadAsStringAsync();
        Assert.That(upload.IsSuccessStatusCode, Is.True, uploaded);
        Assert.That(uploaded, Does.Not.Contain("RDL1101"), "no report item is left out as not supported");

        var response = await Client.GetAsync($"/api/reports/Item{report}/render?format=pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => Encoding.UTF8.GetString(bytes));
        var diagnostics = response.Headers.TryGetValues("X-Render-Diagnostics", out var values) ? string.Join("", values) : "";
        Assert.That(diagnostics, Does.Not.Contain("RDL1101"));

        var pdf = Path.Combine(WorkFolder, $"Item{report}.pdf");
        await File.WriteAllBytesAsync(pdf, bytes);
        var (checkExit, checkOutput) = PdfTools.Check(pdf);
        Assert.That(checkExit, Is.EqualTo(0), () => $"qpdf --check {pdf}:\n{checkOutput}");

        var actual = Path.Combine(WorkFolder, $"{report}-1.actual.png");
        PdfTools.RenderPage(pdf, 1, Dpi, actual);
        var reference = Path.Combine(Folder, "References", "Items", $"{report}-1.png");
        if (Environment.GetEnvironmentVariable("UPDATE_VISUAL_REFERENCES") == "1")
        {
            File.Copy(actual, reference, overwrite: true);
            TestContext.Out.WriteLine($"Wrote reference {reference}");
        }
        else
        {
            Assert.That(File.Exists(reference), Is.True, $"no reference image at {reference}; actual image: {actual}");
            using var actualImage = PngComparison.Decode(actual);
            using var expected = PngComparison.Decode(reference);
            var diff = Path.Combine(WorkFolder, $"{report}-1.diff.png");
            var result = PngComparison.Compare(actualImage, expected, diff);
            Assert.That(result.SizesMatch, Is.True, $"page size differs from the reference; actual: {actual}");
            Assert.That(result.DifferentFraction, Is.LessThanOrEqualTo(PngComparison.MaxDifferentFraction),
                () => $"{result.DifferentFraction.ToString("P2", CultureInfo.InvariantCulture)} of the pixels differ; actual: {actual}, diff: {diff}");
        }

        foreach (var format in new[] { "xlsx", "docx" })
        {
            var other = await Client.GetAsync($"/api/reports/Item{report}/render?format={format}");
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => $"{format}: {other.Content.ReadAsStringAsync().Result}");
        }
    }
}
