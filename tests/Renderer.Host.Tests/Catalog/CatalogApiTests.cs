using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Catalog;

/// <summary>The catalog REST API (api/v2.0) on the real host, against SQLite and PostgreSQL.</summary>
[TestFixture("sqlite")]
[TestFixture("postgresql")]
[NonParallelizable]
public sealed class CatalogApiTests(string provider)
{
    private const string Report = """
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <ReportParameters>
            <ReportParameter Name="Title"><DataType>String</DataType><DefaultValue><Values><Value>Hello</Value></Values></DefaultValue><Prompt>Title</Prompt>
              <ValidValues><ParameterValues><ParameterValue><Value>Hello</Value><Label>Greeting</Label></ParameterValue><ParameterValue><Value>Bye</Value></ParameterValue></ParameterValues></ValidValues>
            </ReportParameter>
          </ReportParameters>
          <ReportSections><ReportSection>
            <Body><Height>1in</Height><ReportItems>
              <Textbox Name="T"><Value>="VERSION-MARK " &amp; Parameters!Title.Value</Value><Top>0in</Top><Left>0in</Left><Height>0.3in</Height><Width>4in</Width></Textbox>
            </ReportItems></Body>
            <Width>5in</Width><Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private string _dataFolder = null!;
    private string? _connectionString;
    private CatalogServer _server = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _dataFolder = Path.Combine(Path.GetTempPath(), "catalog-api-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_dataFolder);
        _connectionString = provider == "postgresql" ? PostgresCluster.Require().CreateDatabase() : null;
        (_server, _client) = StartServer();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); }
        catch (IOException) { }
    }

    private (CatalogServer, HttpClient) StartServer()
    {
        var server = new CatalogServer(_dataFolder, provider, _connectionString);
        return (server, server.CreateClient());
    }

    private static StringContent Rdl(string text) => new(text, Encoding.UTF8, "application/xml");

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<JsonElement> ItemAt(string path)
    {
        var response = await _client.GetAsync($"/api/v2.0/CatalogItems/ByPath?path={Uri.EscapeDataString(path)}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await Json(response);
    }

    [Test, Order(1)]
    public async Task The_samples_are_seeded_read_only_into_the_Samples_folder()
    {
        var list = await Json(await _client.GetAsync("/api/v2.0/CatalogItems?parent=/Samples&$top=100"));
        var names = list.GetProperty("value").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.That(names, Does.Contain("Sales").And.Contain("SalesChart"));
        var sales = await ItemAt("/Samples/Sales");
        Assert.That(sales.GetProperty("isReadOnly").GetBoolean());
        var replace = await _client.PutAsync($"/api/v2.0/Reports({sales.GetProperty("id").GetString()})/Content", Rdl(Report));
        Assert.That(replace.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Json(replace)).GetProperty("code").GetString(), Is.EqualTo("CAT9005"));
    }

    [Test, Order(2)]
    public async Task Publishing_versions_keeps_each_one_and_a_stale_etag_is_412()
    {
        Assert.That((await _client.PostAsJsonAsync("/api/v2.0/Folders", new { Path = "/Finance" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var created = await _client.PostAsync("/api/v2.0/Reports?path=/Finance/Hello&comment=first", Rdl(Report));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var firstTag = created.Headers.ETag!.Tag;
        var id = (await Json(created)).GetProperty("id").GetString();

        var again = await _client.PostAsync("/api/v2.0/Reports?path=/Finance/Hello", Rdl(Report));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a plain publish never replaces a report");

        var second = new HttpRequestMessage(HttpMethod.Put, $"/api/v2.0/Reports({id})/Content?comment=second") { Content = Rdl(Report.Replace("VERSION-MARK", "SECOND-MARK")) };
        second.Headers.IfMatch.Add(new EntityTagHeaderValue(firstTag));
        Assert.That((await _client.SendAsync(second)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v2.0/Reports({id})/Content") { Content = Rdl(Report) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(firstTag));
        var staleResponse = await _client.SendAsync(stale);
        Assert.That(staleResponse.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That((await Json(staleResponse)).GetProperty("code").GetString(), Is.EqualTo("CAT9004"));

        var versions = (await Json(await _client.GetAsync($"/api/v2.0/Reports({id})/Versions"))).GetProperty("value").EnumerateArray().ToList();
        Assert.That(versions.Select(v => v.GetProperty("comment").GetString()), Is.EqualTo(new[] { "first", "second" }));
        var v1 = await _client.GetStringAsync($"/api/v2.0/Reports({id})/Content/$value?version=1");
        Assert.That(v1, Does.Contain("VERSION-MARK"));
        Assert.That(await _client.GetStringAsync($"/api/v2.0/Reports({id})/Content/$value"), Does.Contain("SECOND-MARK"));
    }

    [Test, Order(3)]
    public async Task A_catalog_report_renders_its_current_version_and_rollback_changes_what_renders()
    {
        var id = (await ItemAt("/Finance/Hello")).GetProperty("id").GetString();
        Assert.That(await RenderText(id!, "Title=Bye"), Does.Contain("SECOND-MARK Bye"));
        var rollback = await _client.PostAsync($"/api/v2.0/Reports({id})/Versions(1)/Rollback", null);
        Assert.That(rollback.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rollback.Content.ReadAsStringAsync());
        Assert.That((await Json(rollback)).GetProperty("version").GetInt32(), Is.EqualTo(3));
        Assert.That(await RenderText(id!, "Title=Bye"), Does.Contain("VERSION-MARK Bye"));
    }

    [Test, Order(4)]
    public async Task Report_metadata_lists_parameters_with_defaults_and_valid_values()
    {
        var id = (await ItemAt("/Finance/Hello")).GetProperty("id").GetString();
        var report = await Json(await _client.GetAsync($"/api/v2.0/Reports({id})"));
        var title = report.GetProperty("parameters")[0];
        Assert.That(title.GetProperty("name").GetString(), Is.EqualTo("Title"));
        Assert.That(title.GetProperty("defaultValues")[0].GetProperty("value").GetString(), Is.EqualTo("Hello"));
        Assert.That(title.GetProperty("validValues").EnumerateArray().Select(v => v.GetProperty("label").GetString()), Is.EqualTo(new[] { "Greeting", null }));
        var filter = await Json(await _client.GetAsync($"/api/v2.0/Reports({(await ItemAt("/Samples/RegionFilter")).GetProperty("id").GetString()})"));
        Assert.That(filter.GetProperty("parameters")[0].GetProperty("validValuesDataSet").GetProperty("dataSet").GetString(), Is.EqualTo("Regions"));
    }

    [Test, Order(5)]
    public async Task A_malformed_report_is_refused_with_its_diagnostics_and_nothing_is_stored()
    {
        var response = await _client.PostAsync("/api/v2.0/Reports?path=/Finance/Broken", Rdl(Report.Replace("</Textbox>", "</Textbx>")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var diagnostic = (await Json(response)).GetProperty("diagnostics")[0];
        Assert.That(diagnostic.GetProperty("code").GetString(), Does.StartWith("RDL"));
        Assert.That(diagnostic.GetProperty("line").GetInt32(), Is.GreaterThan(0));
        Assert.That((await _client.GetAsync("/api/v2.0/CatalogItems/ByPath?path=/Finance/Broken")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test, Order(6)]
    public async Task Move_delete_and_restore_through_the_api_and_a_restart_keeps_everything()
    {
        var folder = await ItemAt("/Finance");
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v2.0/CatalogItems({folder.GetProperty("id").GetString()})") { Content = JsonContent.Create(new { Name = "Accounts" }) };
        patch.Headers.IfMatch.Add(new EntityTagHeaderValue(folder.GetProperty("eTag").GetString()!));
        Assert.That((await _client.SendAsync(patch)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var report = await ItemAt("/Accounts/Hello");
        Assert.That((await _client.DeleteAsync($"/api/v2.0/CatalogItems({report.GetProperty("id").GetString()})")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _client.GetAsync("/api/v2.0/CatalogItems/ByPath?path=/Accounts/Hello")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var search = await Json(await _client.GetAsync("/api/v2.0/CatalogItems?search=hello"));
        Assert.That(search.GetProperty("value").GetArrayLength(), Is.Zero);

        _client.Dispose();
        _server.Dispose();
        (_server, _client) = StartServer();

        var deleted = await Json(await _client.GetAsync("/api/v2.0/DeletedItems"));
        Assert.That(deleted.GetProperty("value")[0].GetProperty("path").GetString(), Is.EqualTo("/Accounts/Hello"));
        var restore = await _client.PostAsync($"/api/v2.0/DeletedItems({report.GetProperty("id").GetString()})/Restore", null);
        Assert.That(restore.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ItemAt("/Accounts/Hello")).GetProperty("version").GetInt32(), Is.EqualTo(3));
        Assert.That((await Json(await _client.GetAsync("/api/v2.0/CatalogItems?search=hello"))).GetProperty("value")[0].GetProperty("path").GetString(), Is.EqualTo("/Accounts/Hello"));
    }

    private async Task<string> RenderText(string id, string query)
    {
        var response = await _client.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf&{query}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        using var pdf = PdfDocument.Open(bytes);
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
