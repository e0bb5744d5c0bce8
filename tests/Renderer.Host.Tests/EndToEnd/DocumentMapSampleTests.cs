using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Outline;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// The grouped sample (samples/rdl/Sales.rdl) with a DocumentMapLabel on its region group, a hyperlink and a
/// drillthrough added, uploaded and rendered to PDF through HTTP: the PDF has an outline of the regions and the links.
/// </summary>
[TestFixture]
public sealed class DocumentMapSampleTests : ServerTest
{
    [Test]
    public async Task Pdf_has_an_outline_of_the_regions_and_clickable_links()
    {
        var rdl = File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "rdl", "Sales.rdl"))
            .Replace("<Group Name=\"RegionGroup\">", "<Group Name=\"RegionGroup\"><DocumentMapLabel>=Fields!Region.Value</DocumentMapLabel>", StringComparison.Ordinal)
            .Replace("<Value>Grand Total</Value>", "<Value>Grand Total</Value><ActionInfo><Actions><Action><Hyperlink>https://example.com/sales</Hyperlink></Action></Actions></ActionInfo>", StringComparison.Ordinal)
            .Replace("<Value>=\"Total \" &amp; Fields!Region.Value</Value>", "<Value>=\"Total \" &amp; Fields!Region.Value</Value><ActionInfo><Actions><Action><Drillthrough><ReportName>Sales</ReportName>"
                + "<Parameters><Parameter Name=\"Year\"><Value>=Parameters!Year.Value</Value></Parameter></Parameters></Drillthrough></Action></Actions></ActionInfo>", StringComparison.Ordinal);
        Assert.That(rdl, Does.Contain("DocumentMapLabel").And.Contain("Drillthrough").And.Contain("example.com"), "the sample still has the elements this test decorates");
        var upload = await Client.PostAsync("/api/reports?name=SalesMap", new StringContent(rdl, Encoding.UTF8, "application/xml"));
        Assert.That(upload.IsSuccessStatusCode, Is.True, await upload.Content.ReadAsStringAsync());

        var response = await Client.GetAsync("/api/reports/SalesMap/render?format=pdf&Year=2024");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => Encoding.UTF8.GetString(body));

        using var pdf = PdfDocument.Open(body);
        Assert.That(pdf.TryGetBookmarks(out var bookmarks), Is.True, "the PDF has an outline");
        var regions = Regions(2024);
        var uris = pdf.GetPages().SelectMany(p => p.GetAnnotations()).Select(a => a.Action).OfType<UriAction>().Select(a => a.Uri).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bookmarks!.Roots.Select(r => r.Title), Is.EqualTo(regions), "one outline entry per region, in report order");
            foreach (var node in bookmarks.Roots)
            {
                var page = ((DocumentBookmarkNode)node).PageNumber;
                Assert.That(pdf.GetPage(page).Text, Does.Contain(node.Title), $"the {node.Title} entry jumps to a page showing it");
            }
            Assert.That(pdf.Structure.Catalog.CatalogDictionary.ToString(), Does.Contain("UseOutlines"));
            Assert.That(uris, Does.Contain("https://example.com/sales"));
            Assert.That(uris.Count(u => u == "https://localhost/api/reports/Sales/render?format=pdf&Year=2024"), Is.EqualTo(regions.Count),
                "each region total drills through to the Sales report of the same year");
        });
    }

    private List<string> Regions(int year)
    {
        using var connection = new SqliteConnection($"Data Source={Server.SampleDatabase};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT Region FROM sales WHERE Year = $year ORDER BY Region";
        command.Parameters.AddWithValue("$year", year);
        using var reader = command.ExecuteReader();
        var regions = new List<string>();
        while (reader.Read()) regions.Add(reader.GetString(0));
        return regions;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "samples", "rdl", "Sales.rdl"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("samples/rdl/Sales.rdl not found above " + AppContext.BaseDirectory);
    }
}
