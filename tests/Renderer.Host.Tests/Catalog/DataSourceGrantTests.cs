using System.Net;
using System.Text;
using System.Text.Json;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Catalog;

/// <summary>A data source restricted to a catalog folder serves the reports in it and refuses any other, whatever its name.</summary>
[NonParallelizable]
public sealed class DataSourceGrantTests
{
    private const string Report = """
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="Restricted"><DataSourceReference>Restricted</DataSourceReference></DataSource></DataSources>
          <DataSets><DataSet Name="Totals"><Query><DataSourceName>Restricted</DataSourceName><CommandText>SELECT COUNT(*) AS N FROM sales</CommandText></Query>
            <Fields><Field Name="N"><DataField>N</DataField></Field></Fields></DataSet></DataSets>
          <ReportSections><ReportSection>
            <Body><Height>1in</Height><ReportItems>
              <Textbox Name="T"><Value>="ROWS " &amp; First(Fields!N.Value, "Totals")</Value><Top>0in</Top><Left>0in</Left><Height>0.3in</Height><Width>4in</Width></Textbox>
            </ReportItems></Body>
            <Width>5in</Width><Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private CatalogServerSession _session = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        // The restricted source reads the sample database the server creates in its data folder ({DataFolder}).
        _session = new CatalogServerSession("grants", new Dictionary<string, string>
        {
            ["DataBroker:DataSources:Restricted:Provider"] = "sqlite",
            ["DataBroker:DataSources:Restricted:ConnectionString"] = "Data Source={DataFolder}/sample.db;Mode=ReadOnly",
            ["DataBroker:DataSources:Restricted:AllowedReports:0"] = "/Finance",
        });
        _client = _session.Client;
        foreach (var folder in new[] { "/Finance", "/Finance/Monthly", "/Other" })
            Assert.That((await _client.PostAsync("/api/v2.0/Folders", new StringContent($$"""{"path":"{{folder}}"}""", Encoding.UTF8, "application/json"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [OneTimeTearDown]
    public void Stop() => _session.Dispose();

    [Test]
    public async Task A_report_below_the_granted_folder_uses_the_source()
    {
        var created = await _client.PostAsync("/api/v2.0/Reports?path=/Finance/Monthly/Count", new StringContent(Report, Encoding.UTF8, "application/xml"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var pdf = await _client.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf");
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK), await pdf.Content.ReadAsStringAsync());
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        Assert.That(document.GetPage(1).Text, Does.Match(@"ROWS \d+"));
    }

    [TestCase("/Other/Count")]
    [TestCase("/Finance2")]
    [TestCase("/Count")]
    public async Task A_report_elsewhere_is_refused_even_with_an_allowed_name(string path)
    {
        var response = await _client.PostAsync($"/api/v2.0/Reports?path={path}", new StringContent(Report, Encoding.UTF8, "application/xml"));
        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain("DAT6040").And.Contain(path));
    }
}
