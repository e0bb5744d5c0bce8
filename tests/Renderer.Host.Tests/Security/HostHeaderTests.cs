using System.Net;
using System.Text;
using Renderer.Host.Infrastructure;
using Renderer.Host.Tests.EndToEnd;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// Finding 9 of issue 12: with <c>Host: evil.example</c> the drillthrough links of a PDF pointed at
/// <c>http://evil.example/...</c>, and AllowedHosts was <c>*</c>. Now links start with Renderer:PublicBaseUrl whatever
/// the request says, and by default a request for another host is refused.
/// </summary>
[TestFixture]
public sealed class HostHeaderTests
{
    private const string DrillthroughReport = """
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="Link"><Paragraphs><Paragraph><TextRuns><TextRun><Value>Sales 2024</Value>
                <ActionInfo><Actions><Action><Drillthrough><ReportName>Sales</ReportName>
                  <Parameters><Parameter Name="Year"><Value>2024</Value></Parameter></Parameters></Drillthrough></Action></Actions></ActionInfo>
              </TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width></Textbox>
            </ReportItems><Height>2cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    [Test]
    public async Task By_default_a_request_for_another_host_is_refused()
    {
        using var server = new ServerFixture();
        using var client = server.CreateClient();

        var forged = await client.GetAsync("http://evil.example/api/reports");
        var own = await client.GetAsync("https://localhost/api/reports");

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Drillthrough_links_use_the_public_base_url_even_when_every_host_is_allowed()
    {
        using var server = new ServerFixture(new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "*",
            ["Renderer:PublicBaseUrl"] = "https://reports.example.com/",
        });
        using var client = server.CreateClient();
        var upload = await client.PostAsync("http://evil.example/api/reports?name=Drill", new StringContent(DrillthroughReport, Encoding.UTF8, "application/xml"));
        Assert.That(upload.IsSuccessStatusCode, Is.True, await upload.Content.ReadAsStringAsync());

        var response = await client.GetAsync("http://evil.example/api/reports/Drill/render?format=pdf");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => Encoding.UTF8.GetString(body));

        using var pdf = PdfDocument.Open(body);
        var uris = pdf.GetPages().SelectMany(p => p.GetAnnotations()).Select(a => a.Action).OfType<UriAction>().Select(a => a.Uri).ToList();
        Assert.That(uris, Is.EqualTo(new[] { "https://reports.example.com/api/reports/Sales/render?format=pdf&Year=2024" }));
        Assert.That(Encoding.Latin1.GetString(body), Does.Not.Contain("evil.example"));
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("ftp://reports.example.com")]
    [TestCase("https://reports.example.com/?next=evil")]
    [TestCase("https://user:pw@reports.example.com")]
    public void An_invalid_public_base_url_stops_the_server_at_start(string url)
    {
        using var server = new ServerFixture(new Dictionary<string, string?> { ["Renderer:PublicBaseUrl"] = url });

        Assert.That(server.StartFailure(), Does.Contain("Renderer:PublicBaseUrl"));
    }

    [TestCase("http://127.0.0.1:5080", "http://127.0.0.1:5080")]
    [TestCase("http://0.0.0.0:8080;https://0.0.0.0:8443", "http://localhost:8080")]
    [TestCase("http://*:80", "http://localhost")]
    [TestCase("https://reports.example.com:443", "https://reports.example.com")]
    [TestCase("", "http://localhost:5000")]
    public void The_default_public_base_url_comes_from_the_listen_address(string urls, string expected) =>
        Assert.That(PublicUrlOptions.FromListenAddresses(urls), Is.EqualTo(expected));

    [Test]
    public void The_default_allowed_hosts_are_the_public_and_listen_hosts()
    {
        Assert.That(PublicUrlOptions.DefaultAllowedHosts("https://reports.example.com", "http://10.0.0.5:5080"), Is.EqualTo(new[] { "reports.example.com", "10.0.0.5" }));
        Assert.That(PublicUrlOptions.DefaultAllowedHosts("http://127.0.0.1:5080", "http://127.0.0.1:5080"), Is.EquivalentTo(new[] { "127.0.0.1", "localhost", "[::1]" }));
    }
}
