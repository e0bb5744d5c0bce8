using System.Globalization;
using System.Net;
using System.Text;
using Renderer.Host.Tests.EndToEnd;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Visual;

/// <summary>
/// Visual checks: sample reports rendered to PDF through the real host (HTTP API, sandbox, broker, sample database),
/// their first pages rasterised with <c>pdftoppm -r 60 -png</c> and compared pixel by pixel with the reviewed
/// reference images in <c>tests/Renderer.Host.Tests/Visual/References/&lt;report&gt;-&lt;page&gt;.png</c>.
/// A pixel differs when a channel differs by more than <see cref="PngComparison.ChannelTolerance"/>; a page fails when
/// its size differs or more than <see cref="PngComparison.MaxDifferentFraction"/> of its pixels differ. On failure the
/// actual image and a diff (differing pixels in red over the faded reference) are written next to the test binaries,
/// under <c>VisualFailures/</c>, and their paths printed. Each PDF must also pass <c>qpdf --check</c>.
/// <para>
/// Inputs are fixed: report parameters are given in the request, the sample database is generated from a fixed seed, the
/// fonts ship with the project, and no sample here uses Globals!ExecutionTime or other run-dependent globals.
/// </para>
/// <para>
/// Regenerate the references after an intended rendering change with
/// <c>UPDATE_VISUAL_REFERENCES=1 dotnet test tests/Renderer.Host.Tests --filter FullyQualifiedName~VisualReferenceTests</c>:
/// the test then writes the images into the source tree instead of comparing. Look at every changed image before
/// committing it (see References/README.md).
/// </para>
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class VisualReferenceTests : ServerTest
{
    private const int Dpi = 60;

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_VISUAL_REFERENCES") == "1";

    private static string ReferenceFolder => Path.Combine(ErrorHandlingTests.ProjectRoot(), "tests", "Renderer.Host.Tests", "Visual", "References");

    private static string WorkFolder => Path.Combine(AppContext.BaseDirectory, "VisualFailures");

    [OneTimeSetUp]
    public void CreateWorkFolder() => Directory.CreateDirectory(WorkFolder);

    /// <summary>(report in samples/rdl, query parameters, pages compared).</summary>
    private static IEnumerable<TestCaseData> Reports()
    {
        yield return new TestCaseData("Sales", "Year=2024", 2).SetName("Grouped table (Sales)");
        yield return new TestCaseData("SalesMatrix", "", 1).SetName("Matrix (SalesMatrix)");
        yield return new TestCaseData("SalesChart", "Year=2024", 1).SetName("Charts (SalesChart)");
        yield return new TestCaseData("SalesWithSubreport", "Year=2024&Month=3", 1).SetName("Subreport (SalesWithSubreport)");
        yield return new TestCaseData("RegionLabels", "Year=2024", 2).SetName("Three-column labels (RegionLabels)");
    }

    /// <summary>
    /// (test report in Visual/Reports, exact page count, pages compared): reports written for one defect each, with their
    /// data inline, uploaded and rendered through the same API.
    /// </summary>
    private static IEnumerable<TestCaseData> TestReports()
    {
        yield return new TestCaseData("OmittedMargins", 1, 1).SetName("Omitted margins are 0 (issue 17, item 1)");
        yield return new TestCaseData("GrowInCellRectangle", 1, 1).SetName("CanGrow textbox in a cell rectangle grows (issue 17, item 9)");
        yield return new TestCaseData("WideMatrix", 2, 2).SetName("Wide matrix on horizontal pages (issue 17, item 2)");
        yield return new TestCaseData("WideFixedColumns", 2, 2).SetName("FixedData columns repeat on horizontal pages (issue 17, item 2)");
        yield return new TestCaseData("HtmlPlaceholders", 1, 1).SetName("HTML placeholders show their text (issue 17, item 11)");
    }

    [TestCaseSource(nameof(Reports))]
    public async Task Pdf_pages_look_like_the_reviewed_references(string report, string query, int pages)
    {
        var bytes = await RenderPdf(report, query);
        using (var document = PdfDocument.Open(bytes))
            Assert.That(document.NumberOfPages, Is.GreaterThanOrEqualTo(pages), $"{report} has at least {pages} page(s)");
        await CompareWithReferences(report, bytes, pages);
    }

    [TestCaseSource(nameof(TestReports))]
    public async Task Test_report_pages_look_like_the_reviewed_references(string report, int pageCount, int pages)
    {
        var rdl = await File.ReadAllTextAsync(Path.Combine(ReportFolder, report + ".rdl"));
        var bytes = await UploadAndRenderAsync("Visual" + report, rdl, "pdf");
        using (var document = PdfDocument.Open(bytes))
            Assert.That(document.NumberOfPages, Is.EqualTo(pageCount), $"{report} has {pageCount} page(s)");
        await CompareWithReferences(report, bytes, pages);
    }

    private static string ReportFolder => Path.Combine(ErrorHandlingTests.ProjectRoot(), "tests", "Renderer.Host.Tests", "Visual", "Reports");

    private static async Task CompareWithReferences(string report, byte[] bytes, int pages)
    {
        var pdf = Path.Combine(WorkFolder, report + ".pdf");
        await File.WriteAllBytesAsync(pdf, bytes);

        var (checkExit, checkOutput) = PdfTools.Check(pdf);
        Assert.That(checkExit, Is.EqualTo(0), () => $"qpdf --check {pdf}:\n{checkOutput}");

        var failures = new List<string>();
        for (int page = 1; page <= pages; page++)
        {
            var name = $"{report}-{page}.png";
            var actual = Path.Combine(WorkFolder, $"{report}-{page}.actual.png");
            PdfTools.RenderPage(pdf, page, Dpi, actual);
            var reference = Path.Combine(ReferenceFolder, name);
            if (Updating)
            {
                Directory.CreateDirectory(ReferenceFolder);
                File.Copy(actual, reference, overwrite: true);
                TestContext.Out.WriteLine($"Wrote reference {reference}");
                continue;
            }
            if (!File.Exists(reference))
            {
                failures.Add($"{name}: no reference image at {reference}; actual image: {actual}. Create it with UPDATE_VISUAL_REFERENCES=1 and review it.");
                continue;
            }
            var failure = CompareWithReference(name, actual, reference);
            if (failure is not null) failures.Add(failure);
            else File.Delete(actual);
        }
        Assert.That(failures, Is.Empty, () => string.Join("\n", failures));
    }

    private static string? CompareWithReference(string name, string actualPath, string referencePath)
    {
        var diffPath = Path.ChangeExtension(actualPath, null).Replace(".actual", ".diff", StringComparison.Ordinal) + ".png";
        using var actual = PngComparison.Decode(actualPath);
        using var expected = PngComparison.Decode(referencePath);
        var result = PngComparison.Compare(actual, expected, diffPath);
        if (!result.SizesMatch)
            return $"{name}: the page image is {actual.Width}x{actual.Height} pixels, the reference {expected.Width}x{expected.Height}. Actual: {actualPath}";
        if (result.DifferentFraction <= PngComparison.MaxDifferentFraction)
        {
            File.Delete(diffPath);
            return null;
        }
        var percent = result.DifferentFraction.ToString("P2", CultureInfo.InvariantCulture);
        var allowed = PngComparison.MaxDifferentFraction.ToString("P2", CultureInfo.InvariantCulture);
        return $"{name}: {result.DifferentPixels} of {result.TotalPixels} pixels ({percent}, allowed {allowed}) differ by more than {PngComparison.ChannelTolerance} in a channel. Actual: {actualPath}  Diff: {diffPath}";
    }

    private async Task<byte[]> RenderPdf(string report, string query)
    {
        var url = $"/api/reports/{report}/render?format=pdf" + (query.Length > 0 ? "&" + query : "");
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => Encoding.UTF8.GetString(body));
        return body;
    }
}
