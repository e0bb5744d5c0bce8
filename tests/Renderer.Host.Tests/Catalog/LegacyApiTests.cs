using System.Net;
using System.Text;
using System.Text.Json;
using Renderer.Host.Tests.EndToEnd;

namespace Renderer.Host.Tests.Catalog;

/// <summary>
/// The flat <c>/api/reports</c> URLs on the catalog database: an upload is a catalog report in the configured upload
/// folder with a version per PUT, a name is the sample of that name before the upload, and a report published through
/// the catalog API in that folder is reachable by its flat name. There is no second, in-memory catalog.
/// </summary>
[NonParallelizable]
public sealed class LegacyApiTests
{
    private CatalogServerSession _session = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _session = new CatalogServerSession("legacy", new Dictionary<string, string> { ["Catalog:LegacyUploadFolder"] = "/Flat/Uploads" });
        _client = _session.Client;
    }

    [OneTimeTearDown]
    public void Stop() => _session.Dispose();

    private static StringContent Rdl(string text) => new(TestReports.WithExpression($"=\"{text}\""), Encoding.UTF8, "application/xml");

    private async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Test]
    public async Task An_upload_is_a_catalog_report_in_the_upload_folder_and_each_put_a_new_version()
    {
        Assert.That((await _client.PostAsync("/api/reports?name=Weekly", Rdl("week one"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await _client.PutAsync("/api/reports/Weekly", Rdl("week two"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var item = await Json(await _client.GetAsync("/api/v2.0/CatalogItems/ByPath?path=/Flat/Uploads/Weekly"));
        Assert.That(item.GetProperty("type").GetString(), Is.EqualTo("Report"));
        Assert.That(item.GetProperty("version").GetInt32(), Is.EqualTo(2));
        var versions = await Json(await _client.GetAsync($"/api/v2.0/Reports({item.GetProperty("id").GetString()})/Versions"));
        Assert.That(versions.GetProperty("value").GetArrayLength(), Is.EqualTo(2));
        var first = await _client.GetStringAsync($"/api/v2.0/Reports({item.GetProperty("id").GetString()})/Content/$value?version=1");
        Assert.That(first, Does.Contain("week one"));

        var csv = await _client.GetStringAsync("/api/reports/Weekly/render?format=csv");
        Assert.That(csv, Does.Contain("week two").And.Not.Contain("week one"));
        var summary = await Json(await _client.GetAsync("/api/reports/Weekly"));
        Assert.That(summary.GetProperty("path").GetString(), Is.EqualTo("/Flat/Uploads/Weekly"));
    }

    [Test]
    public async Task A_report_published_in_the_upload_folder_through_the_catalog_api_has_a_flat_name()
    {
        Assert.That((await _client.PostAsync("/api/reports?name=Seed", Rdl("seed"))).StatusCode, Is.EqualTo(HttpStatusCode.Created), "creates the folder");
        var published = await _client.PostAsync("/api/v2.0/Reports?path=/Flat/Uploads/FromV2", Rdl("published in the catalog"));
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Created), await published.Content.ReadAsStringAsync());

        Assert.That(await _client.GetStringAsync("/api/reports/FromV2/render?format=csv"), Does.Contain("published in the catalog"));
        var list = await _client.GetStringAsync("/api/reports");
        Assert.That(list, Does.Contain("\"FromV2\"").And.Contain("\"/Samples/Sales\""));
    }

    [Test]
    public async Task A_sample_name_renders_the_sample_and_the_render_is_logged_under_its_path()
    {
        var response = await _client.GetAsync("/api/reports/Sales/render?format=csv&Year=2024");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());

        JsonElement rows = default;
        for (var i = 0; i < 50; i++)
        {
            rows = (await Json(await _client.GetAsync("/api/v2.0/ExecutionLog?path=/Samples/Sales"))).GetProperty("value");
            if (rows.GetArrayLength() > 0) break;
            await Task.Delay(100);
        }
        Assert.That(rows.GetArrayLength(), Is.GreaterThan(0), "the execution log names the catalog path");
    }

    [Test]
    public async Task A_bad_upload_folder_stops_start_up_naming_the_setting()
    {
        using var server = new ServerFixture(new Dictionary<string, string?> { ["Catalog:LegacyUploadFolder"] = "/Samples" });
        Assert.That(server.StartFailure(), Does.Contain("Catalog:LegacyUploadFolder"));
    }
}
