using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// The sample reports' DOCX and XLSX exports printed as a user prints them: converted to PDF by LibreOffice headless
/// (installed by .ci/setup-machine; one batch, a private profile) and read back with pdftotext. DOCX pages match our PDF's,
/// page 2 says "Page 2 of", the label sheet keeps its three columns side by side; each workbook prints one page wide and
/// every sheet's printed pages start with the table's header row. Every file written passes the OpenXml validator.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class OfficePrintTests : ServerTest
{
    private static readonly string[] Reports = ["BenchSales", "RegionLabels", "SalesByRegionPages", "Sales"];
    private string _folder = string.Empty;

    [OneTimeSetUp]
    public async Task RenderAndPrintAll()
    {
        _folder = Directory.CreateTempSubdirectory("office-print-").FullName;
        foreach (var report in Reports)
        {
            foreach (var format in new[] { "pdf", "docx", "xlsx" })
            {
                var response = await Client.GetAsync($"/api/reports/{report}/render?format={format}");
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.That(response.IsSuccessStatusCode, Is.True, $"{report}.{format}: {System.Text.Encoding.UTF8.GetString(bytes)}");
                await File.WriteAllBytesAsync(Path.Combine(_folder, Export(report, format)), bytes);
            }
        }

        // LibreOffice starts slowly: one run converts every file; a private profile keeps runs apart.
        var files = Reports.SelectMany(r => new[] { Export(r, "docx"), Export(r, "xlsx") }).ToArray();
        var printed = Path.Combine(_folder, "printed");
        var arguments = new List<string> { $"-env:UserInstallation=file://{Path.Combine(_folder, "profile")}", "--headless", "--convert-to", "pdf", "--outdir", printed };
        arguments.AddRange(files.Select(f => Path.Combine(_folder, f)));
        var (exit, output) = Run("soffice", TimeSpan.FromMinutes(5), arguments);
        Assert.That(exit, Is.Zero, output);
    }

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [TestCaseSource(nameof(Reports))]
    public void Docx_and_xlsx_have_no_validator_errors(string report)
    {
        using (var word = WordprocessingDocument.Open(Path.Combine(_folder, Export(report, "docx")), false))
        {
            var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
        }

        using var book = SpreadsheetDocument.Open(Path.Combine(_folder, Export(report, "xlsx")), false);
        var bookErrors = new OpenXmlValidator().Validate(book).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(bookErrors, Is.Empty, string.Join(Environment.NewLine, bookErrors));
    }

    [TestCase("BenchSales", 21)]
    [TestCase("RegionLabels", 2)]
    public void Docx_prints_on_as_many_pages_as_the_pdf(string report, int pages)
    {
        using var ours = PdfDocument.Open(Path.Combine(_folder, Export(report, "pdf")));
        Assert.That(ours.NumberOfPages, Is.EqualTo(pages), "our PDF");
        Assert.That(PageCount(Printed(Export(report, "docx"))), Is.EqualTo(pages), "the DOCX printed by LibreOffice");
    }

    [Test]
    public void Docx_page_2_shows_page_2_of_the_page_count_from_word_fields()
    {
        var text = Text(Printed(Export("BenchSales", "docx")), 2);
        Assert.That(text, Does.Contain("Page 2 of 21"));
        Assert.That(Text(Printed(Export("BenchSales", "docx")), 21), Does.Contain("Page 21 of 21"));
        Assert.That(Text(Printed(Export("RegionLabels", "docx")), 2), Does.Contain("Page 2 of 2"));
    }

    [Test]
    public void Docx_labels_stay_three_columns_side_by_side()
    {
        var words = Words(Printed(Export("RegionLabels", "docx")), 1);

        // The first label row: three "Accessories, region X" lines at one height, left to right.
        var regions = words.Where(w => w.Text == "region").OrderBy(w => w.Y).ThenBy(w => w.X).ToList();
        Assert.That(regions, Has.Count.GreaterThanOrEqualTo(3));
        var firstRow = regions.Where(w => Math.Abs(w.Y - regions[0].Y) < 1).ToList();
        Assert.That(firstRow, Has.Count.EqualTo(3), "three labels in the first row");
        Assert.That(firstRow[1].X - firstRow[0].X, Is.GreaterThan(150), "the columns are a label's width apart");
        Assert.That(firstRow[2].X - firstRow[1].X, Is.EqualTo(firstRow[1].X - firstRow[0].X).Within(2));
    }

    [TestCase("BenchSales", "Region")]
    [TestCase("SalesByRegionPages", "Region")]
    [TestCase("Sales", "Region")]
    public void Every_printed_xlsx_page_is_one_page_wide_and_starts_with_the_header_row(string report, string header)
    {
        var pdf = Printed(Export(report, "xlsx"));
        var pages = PageCount(pdf);
        Assert.That(pages, Is.GreaterThan(1));
        for (var page = 1; page <= pages; page++)
        {
            var words = Words(pdf, page);
            Assert.That(words, Is.Not.Empty, $"page {page}");
            var width = PageWidth(pdf, page);

            // A sheet wider than the page would print its right part on pages of their own, without the first column.
            Assert.That(words.Min(w => w.X), Is.LessThan(width / 3), $"page {page} holds the first column");
            Assert.That(words.Max(w => w.X), Is.GreaterThan(width / 2), $"page {page} holds the last column");

            // The table's header row is printed before any data row, on every page (print titles, and the first row of every sheet).
            var headerWord = words.Where(w => w.Text == header).OrderBy(w => w.Y).FirstOrDefault();
            Assert.That(headerWord, Is.Not.Null, $"page {page} shows the header row");
            var numbers = words.Where(w => DataNumber().IsMatch(w.Text)).ToList();
            if (numbers.Count > 0) Assert.That(headerWord!.Y, Is.LessThan(numbers.Min(w => w.Y)), $"page {page}: the header row comes first");
        }
    }

    [Test]
    public void Xlsx_page_header_counts_sheets_and_the_footer_numbers_printed_pages()
    {
        // One sheet: "Page 1 of 1", as SSRS's Excel renderer shows it.
        Assert.That(Text(Printed(Export("BenchSales", "xlsx")), 1), Does.Contain("Page 1 of 1").And.Not.Contain("of 21"));
        using var book = SpreadsheetDocument.Open(Path.Combine(_folder, Export("SalesByRegionPages", "xlsx")), false);
        var footers = book.WorkbookPart!.WorksheetParts.Select(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.OddFooter>().SingleOrDefault()?.Text).ToList();
        Assert.That(footers, Has.All.Contain("&P").And.All.Contain("&N"), "the page footer's numbers are Excel's page fields");
    }

    /// <summary>The file of a report's export; DOCX and XLSX get different names, as LibreOffice prints both to name.pdf.</summary>
    private static string Export(string report, string format) => $"{report}-{format}.{format}";

    private string Printed(string file) => Path.Combine(_folder, "printed", Path.GetFileNameWithoutExtension(file) + ".pdf") is var pdf && File.Exists(pdf)
        ? pdf
        : throw new AssertionException($"LibreOffice did not print {file}");

    private static int PageCount(string pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    private static double PageWidth(string pdf, int page)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPage(page).Width;
    }

    private static string Text(string pdf, int page)
    {
        var (exit, output) = Run("pdftotext", TimeSpan.FromMinutes(1), ["-f", Number(page), "-l", Number(page), "-layout", pdf, "-"]);
        Assert.That(exit, Is.Zero, output);
        return output;
    }

    /// <summary>The words of a page with their top-left corners (pdftotext -bbox).</summary>
    private static List<(string Text, double X, double Y)> Words(string pdf, int page)
    {
        var (exit, output) = Run("pdftotext", TimeSpan.FromMinutes(1), ["-f", Number(page), "-l", Number(page), "-bbox", pdf, "-"]);
        Assert.That(exit, Is.Zero, output);
        return [.. BboxWord().Matches(output).Select(m => (
            System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value),
            double.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)))];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("<word xMin=\"(?<x>[0-9.]+)\" yMin=\"(?<y>[0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"[0-9.]+\">(?<text>[^<]*)</word>")]
    private static partial Regex BboxWord();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})*\.\d{2}$")]
    private static partial Regex DataNumber();

    internal static (int ExitCode, string Output) Run(string tool, TimeSpan timeout, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{tool} did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{tool} is not available ({e.Message}). Run `bash .ci/setup-machine` (it installs LibreOffice and poppler-utils).");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{tool} did not finish within {timeout}.");
            }

            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
