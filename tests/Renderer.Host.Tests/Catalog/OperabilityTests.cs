using System.Net;
using System.Text.Json;

namespace Renderer.Host.Tests.Catalog;

/// <summary>What an administrator and a client program reach first: health, liveness, the OpenAPI description and its reference page.</summary>
[NonParallelizable]
public sealed class OperabilityTests
{
    private CatalogServerSession _session = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start() => _client = (_session = new CatalogServerSession("operability")).Client;

    [OneTimeTearDown]
    public void Stop() => _session.Dispose();

    [Test]
    public async Task Health_reports_the_catalog_database_and_the_sandbox_layers()
    {
        var response = await _client.GetAsync("/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        var catalog = body.GetProperty("checks").GetProperty("catalog");
        Assert.That(catalog.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(catalog.GetProperty("data").GetProperty("provider").GetString(), Is.EqualTo("Sqlite"));
        var sandbox = body.GetProperty("checks").GetProperty("sandbox");
        Assert.That(sandbox.GetProperty("data").GetProperty("layersApplied").GetString(), Is.Not.Empty);
        Assert.That((await _client.GetAsync("/alive")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_OpenAPI_document_describes_the_catalog_and_render_operations()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(paths, Does.Contain("/api/v2.0/CatalogItems").And.Contain("/api/v2.0/Reports({id})/Render").And.Contain("/api/reports/{name}/render"));
        var reference = await _client.GetAsync("/scalar/v1");
        Assert.That(reference.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await reference.Content.ReadAsStringAsync(), Does.Contain("\"url\":\"openapi/v1.json\""));
        Assert.That((await _client.GetAsync("/scalar/scalar.js")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the reference page's script is served by the host, not a CDN");
    }

    [Test]
    public async Task The_root_address_leads_to_the_catalog_page_which_signs_the_browser_in()
    {
        using var client = _session.Server.Server.CreateClient();
        client.BaseAddress = new Uri(Security.Identity.TestSignIn.BaseUrl);
        var root = await client.GetAsync("/");
        Assert.That(root.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(root.Headers.Location?.ToString(), Is.EqualTo("/viewer"));

        var browse = await client.GetAsync("/browse");
        Assert.That(browse.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "no session: the page starts an OpenID Connect sign-in");
        var location = browse.Headers.Location!;
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo("https://localhost/connect/authorize"));
        Assert.That(location.Query, Does.Contain("response_type=code").And.Contain("code_challenge_method=S256").And.Contain("client_id=renderer-web"));
    }
}
