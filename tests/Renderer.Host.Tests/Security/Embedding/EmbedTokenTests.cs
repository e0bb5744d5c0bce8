using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Renderer.Host.Security.Embedding;
using Renderer.Host.Tests.Catalog;
using Renderer.Host.Tests.Security.Identity;

namespace Renderer.Host.Tests.Security.Embedding;

/// <summary>
/// Embed tokens against the real host: an application with the Embed.Token role gets a token for one report, and the
/// token opens that report in the viewer's API with the locked parameter values and nothing else. Every attack on the
/// token is 401 (its signature, key id, algorithm or lifetime) or 403 (its scope, its locked values, its origin).
/// </summary>
[NonParallelizable]
public sealed class EmbedTokenTests
{
    private const string Origin = "https://portal.example";
    private CatalogServerSession _session = null!;
    private HttpClient _client = null!;
    private Guid _report;
    private Guid _other;
    private string _appToken = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _session = new CatalogServerSession("embed-tokens", EmbedFixture.Settings(Origin));
        _report = await EmbedFixture.PublishAsync(_session.Client, EmbedFixture.ReportPath);
        _other = await EmbedFixture.PublishAsync(_session.Client, EmbedFixture.OtherPath);
        _client = _session.Server.Server.CreateClient();
        _client.BaseAddress = new Uri(TestSignIn.BaseUrl);
        _appToken = await EmbedFixture.ApplicationTokenAsync(_client, _session.DataFolder);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client?.Dispose();
        _session?.Dispose();
    }

    private object Grant(string[]? formats = null, int? minutes = null) => new
    {
        reports = new[] { _report },
        exportFormats = formats ?? ["PDF"],
        parameters = new Dictionary<string, string[]> { ["Regions"] = ["North"] },
        identity = new { userName = "customer-17", roles = new[] { "Customer" }, customData = "tenant-17" },
        lifetimeMinutes = minutes,
    };

    private Task<string> Token(string[]? formats = null) => EmbedFixture.TokenAsync(_client, _appToken, Grant(formats));

    private async Task<HttpResponseMessage> Open(string token, Guid? report = null, Dictionary<string, string[]>? parameters = null, string? origin = null) =>
        await _client.SendAsync(EmbedFixture.With(token, HttpMethod.Post, "/viewer/api/sessions", new { reportId = report ?? _report, parameters = parameters ?? [] }, origin));

    private async Task<string> OpenSession(string token)
    {
        var response = await Open(token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<string> PageOne(string token, string session)
    {
        var response = await _client.SendAsync(EmbedFixture.With(token, HttpMethod.Get, $"/viewer/api/sessions/{session}/pages/1"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsStringAsync();
    }

    [Test]
    public async Task A_token_opens_its_report_with_the_locked_values_and_both_the_token_and_the_render_are_audited()
    {
        var token = await Token();
        var page = await PageOne(token, await OpenSession(token));

        Assert.That(page, Does.Contain("Total North").And.Not.Contain("Total West"), "the locked Regions=North applies");
        var audit = await _session.Client.GetStringAsync("/api/v2.0/AuditLog?format=csv");
        Assert.That(audit, Does.Contain(",portal,EmbedTokenIssued,").And.Contain("customer-17"));
        Assert.That(audit, Does.Contain(",customer-17,EmbedRender,"));
        Assert.That(audit, Does.Not.Contain(token), "the token itself is never written");
    }

    [Test]
    public async Task The_token_is_RS256_with_a_key_id_and_carries_only_its_grant()
    {
        var token = await Token();
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!;
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        Assert.That((string?)header["alg"], Is.EqualTo("RS256"));
        Assert.That((string?)header["kid"], Is.Not.Empty);
        Assert.That((string?)payload["aud"], Is.EqualTo("renderer-embed"));
        Assert.That((string?)payload["iss"], Is.EqualTo(TestSignIn.BaseUrl + "/"));
        Assert.That(payload.Select(p => p.Key), Is.EquivalentTo(new[] { "azp", "rpt", "fmt", "prm", "sub", "rls", "cdt", "org", "iss", "aud", "exp", "nbf", "iat" }));
        Assert.That((long)payload["exp"]! - (long)payload["iat"]!, Is.EqualTo(3600), "the default (and longest) lifetime is 60 minutes");
    }

    private static string Edited(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["fmt"] = new JsonArray("pdf", "xlsx", "csv", "docx");
        return parts[0] + "." + Base64UrlEncoder.Encode(payload.ToJsonString()) + "." + parts[2];
    }

    private static string WithHeader(string token, string header, bool keepSignature = true)
    {
        var parts = token.Split('.');
        return Base64UrlEncoder.Encode(header) + "." + parts[1] + "." + (keepSignature ? parts[2] : string.Empty);
    }

    private static IEnumerable<TestCaseData> Forged()
    {
        yield return new TestCaseData(new Func<string, string>(Edited)).SetName("An embed token with an edited payload is 401");
        yield return new TestCaseData(new Func<string, string>(t => WithHeader(t, "{\"alg\":\"RS256\",\"kid\":\"made-up-key\",\"typ\":\"embed+jwt\"}"))).SetName("An embed token with an unknown key id is 401");
        yield return new TestCaseData(new Func<string, string>(t => WithHeader(t, "{\"alg\":\"none\",\"typ\":\"embed+jwt\"}", keepSignature: false))).SetName("An embed token with alg none is 401");
        yield return new TestCaseData(new Func<string, string>(t => WithHeader(t, "{\"alg\":\"HS256\",\"typ\":\"embed+jwt\"}"))).SetName("An embed token with alg HS256 is 401");
        yield return new TestCaseData(new Func<string, string>(_ => "not-a-token")).SetName("A malformed embed token is 401");
    }

    [TestCaseSource(nameof(Forged))]
    public async Task Forged_tokens_are_401(Func<string, string> forge)
    {
        var response = await Open(forge(await Token()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("EmbedToken"));
    }

    [Test]
    public async Task An_expired_embed_token_is_401()
    {
        var tokens = _session.Server.Services.GetRequiredService<EmbedTokens>();
        var issued = DateTimeOffset.UtcNow.AddMinutes(-70);
        var grant = new EmbedGrant(EmbedFixture.Application, [_report], [], new Dictionary<string, string?[]>(), "customer-17", [], null, [Origin], issued.AddMinutes(60));
        var expired = await tokens.IssueAsync(grant, issued);
        Assert.That((await Open(expired)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Another_report_is_403()
    {
        var response = await Open(await Token(), report: _other);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("SRV8400"));
    }

    [Test]
    public async Task An_export_the_token_does_not_grant_is_403_and_one_it_grants_is_the_file()
    {
        var token = await Token(formats: ["PDF"]);
        var session = await OpenSession(token);
        var excel = await _client.SendAsync(EmbedFixture.With(token, HttpMethod.Get, $"/viewer/api/sessions/{session}/export?format=xlsx"));
        Assert.That(excel.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await excel.Content.ReadAsStringAsync(), Does.Contain("SRV8400"));
        var pdf = await _client.SendAsync(EmbedFixture.With(token, HttpMethod.Get, $"/viewer/api/sessions/{session}/export?format=pdf"));
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK), await pdf.Content.ReadAsStringAsync());
        Assert.That(Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), Is.EqualTo("%PDF-"));

        var viewOnly = await Token(formats: []);
        var viewSession = await OpenSession(viewOnly);
        var refused = await _client.SendAsync(EmbedFixture.With(viewOnly, HttpMethod.Get, $"/viewer/api/sessions/{viewSession}/export?format=pdf"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "no export formats: view only");
    }

    [Test]
    public async Task A_locked_parameter_given_another_value_is_403()
    {
        var response = await Open(await Token(), parameters: new() { ["Regions"] = ["West"] });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("SRV8401"));
        var otherCase = await Open(await Token(), parameters: new() { ["regions"] = ["North", "West"] });
        Assert.That(otherCase.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the name in another letter case is the same parameter");
    }

    [Test]
    public async Task A_token_replayed_from_another_origin_is_403_and_its_own_origins_pass()
    {
        var token = await Token();
        var replayed = await Open(token, origin: "https://attacker.example");
        Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await replayed.Content.ReadAsStringAsync(), Does.Contain("SRV8402"));
        Assert.That((await Open(token, origin: Origin)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await Open(token, origin: TestSignIn.BaseUrl)).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the frame page on the server's own origin");
    }

    [TestCase("GET", "/api/v2.0/CatalogItems?parent=/Sales")]
    [TestCase("GET", "/api/reports")]
    [TestCase("POST", "/api/v2.0/EmbedTokens")]
    [TestCase("GET", "/viewer")]
    [TestCase("GET", "/api/v2.0/Me")]
    public async Task Everything_outside_the_viewer_api_is_403_for_an_embed_token(string method, string address)
    {
        var response = await _client.SendAsync(EmbedFixture.With(await Token(), new HttpMethod(method), address, method == "POST" ? Grant() : null));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), address);
    }

    [Test]
    public async Task Without_the_embed_role_no_token_is_issued()
    {
        var user = await EmbedFixture.RequestAsync(_client, TestSignIn.Token(_session.Server, _session.DataFolder, "admin"), Grant());
        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a user's token, even the administrator's");
        var minted = TestTokens.Mint(_session.DataFolder, EmbedFixture.Application, claims: new Dictionary<string, object> { ["azp"] = EmbedFixture.Application });
        Assert.That((await EmbedFixture.RequestAsync(_client, minted, Grant())).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the application's id without the role");
    }

    [Test]
    public async Task The_application_must_be_allowed_to_view_each_report_and_the_lifetime_is_at_most_60_minutes()
    {
        var unlisted = await EmbedFixture.ApplicationTokenAsync(_client, _session.DataFolder, EmbedFixture.Unlisted);
        Assert.That((await EmbedFixture.RequestAsync(_client, unlisted, Grant())).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an application the report's policy does not name");
        Assert.That((await EmbedFixture.RequestAsync(_client, _appToken, Grant(minutes: 61))).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_key_rotation_keeps_a_token_signed_before_it_valid()
    {
        var before = await Token();
        await _session.Server.Services.GetRequiredService<EmbedSigningKeys>().RotateAsync();
        var after = await Token();

        string Kid(string t) => (string)JsonNode.Parse(Base64UrlEncoder.Decode(t.Split('.')[0]))!["kid"]!;
        Assert.That(Kid(after), Is.Not.EqualTo(Kid(before)), "new tokens are signed with the new key");
        Assert.That(await PageOne(before, await OpenSession(before)), Does.Contain("Total North"));
        Assert.That(await PageOne(after, await OpenSession(after)), Does.Contain("Total North"));
    }
}
