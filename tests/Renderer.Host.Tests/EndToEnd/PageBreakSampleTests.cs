using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// samples/rdl/SalesByRegionPages.rdl through HTTP, the real compiler and a sandbox process: a page break between region
/// groups with ResetPageNumber and PageName = region. PDF pages and XLSX worksheets are checked against the database's regions.
/// </summary>
[TestFixture]
public sealed partial class PageBreakSampleTests : ServerTest
{
    private async Task<byte[]> Render(string format)
    {
        var response = await Client.GetAsync($"/api/reports/SalesByRegionPages/render?format={format}&Year=2024");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        return body;
    }

    [GeneratedRegex(@"Page (\d+) of (\d+) \((\d+)/(\d+)\)")]
    private static partial Regex FooterNumbers();

    [Test]
    public async Task Pdf_puts_each_region_on_its_own_pages_named_and_numbered_per_region()
    {
        var pdf = await Render("pdf");
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => p.Text).ToList();
        var regions = Server.SampleRegions(2024);
        Assert.That(regions, Has.Count.GreaterThan(1), "the sample database has several 2024 regions");

        var pageRegions = pages.Select(t => regions.FirstOrDefault(r => t.Contains("Sales - Region " + r, StringComparison.Ordinal)) ?? "?").ToList();
        Assert.That(pageRegions.Distinct(), Is.EqualTo(regions), "the header's Globals!PageName shows each region, in group order");
        Assert.That(pages, Has.Count.GreaterThanOrEqualTo(regions.Count));
        foreach (var region in regions)
        {
            var own = Enumerable.Range(0, pages.Count).Where(i => pageRegions[i] == region).ToList();
            Assert.That(own, Is.EqualTo(Enumerable.Range(own[0], own.Count)), $"{region}'s pages follow each other");
            for (int k = 0; k < own.Count; k++)
            {
                var numbers = FooterNumbers().Match(pages[own[k]]);
                Assert.That(numbers.Success, Is.True, $"page {own[k] + 1} has a footer");
                Assert.That(numbers.Groups[1].Value + "/" + numbers.Groups[2].Value, Is.EqualTo($"{k + 1}/{own.Count}"), $"{region}: PageNumber restarts per region");
                Assert.That(numbers.Groups[3].Value + "/" + numbers.Groups[4].Value, Is.EqualTo($"{own[k] + 1}/{pages.Count}"), "overall numbers run through");
                Assert.That(pages[own[k]], Does.Contain("Unit Price"), "the table header repeats after the break");
            }
            Assert.That(pages[own[^1]], Does.Contain("Total " + region), $"{region}'s total is on its last page");
            foreach (var other in regions.Where(r => r != region))
                Assert.That(pages[own[^1]], Does.Not.Contain("Total " + other), $"no {other} total on {region}'s page");
        }
    }

    [Test]
    public async Task Xlsx_has_one_worksheet_per_region_named_after_it()
    {
        var xlsx = await Render("xlsx");
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();

        Assert.That(names, Is.EqualTo(Server.SampleRegions(2024)));
    }
}
