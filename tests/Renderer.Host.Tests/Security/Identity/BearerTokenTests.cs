using System.Net;
using System.Net.Http.Headers;
using Renderer.Host.Security.Identity;
using Renderer.Host.Tests.Catalog;

namespace Renderer.Host.Tests.Security.Identity;

/// <summary>
/// The API validates bearer tokens by signature, issuer, audience and lifetime (Microsoft.Identity.Web against the
/// built-in provider): each broken property alone is a 401 with a WWW-Authenticate challenge.
/// </summary>
[NonParallelizable]
public sealed class BearerTokenTests
{
    private CatalogServerSession _session = null!;

    [OneTimeSetUp]
    public void Start() => _session = new CatalogServerSession("bearer-tokens");

    [OneTimeTearDown]
    public void Stop() => _session.Dispose();

    private async Task<HttpResponseMessage> CallWith(string? token)
    {
        using var client = _session.Server.Server.CreateClient();
        client.BaseAddress = new Uri(TestSignIn.BaseUrl);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/v2.0/CatalogItems?parent=/Samples");
    }

    private string Folder => _session.DataFolder;

    [Test]
    public async Task A_token_from_the_provider_is_accepted()
    {
        var response = await CallWith(TestSignIn.Token(_session.Server, Folder, "admin"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_token_made_here_with_the_real_key_is_accepted_so_the_refusals_below_are_for_one_property_each()
    {
        var response = await CallWith(TestTokens.Mint(Folder, "admin"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        var response = await CallWith(null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    private static IEnumerable<TestCaseData> BrokenTokens()
    {
        yield return new TestCaseData(new Func<string, string, string>((folder, good) => TestTokens.Tampered(good))).SetName("A token with a changed signature is 401");
        yield return new TestCaseData(new Func<string, string, string>((folder, good) => TestTokens.Mint(folder, "admin", key: TestTokens.ForeignKey(DevIdentitySecrets.LoadOrCreate(folder).KeyId)))).SetName("A token signed with a foreign key under the real key id is 401");
        yield return new TestCaseData(new Func<string, string, string>((folder, good) => TestTokens.Mint(folder, "admin", issuer: "https://login.example.com/"))).SetName("A token from another issuer is 401");
        yield return new TestCaseData(new Func<string, string, string>((folder, good) => TestTokens.Mint(folder, "admin", audience: "another-api"))).SetName("A token for another audience is 401");
        yield return new TestCaseData(new Func<string, string, string>((folder, good) => TestTokens.Unsigned(good))).SetName("A token with alg none is 401");
        yield return new TestCaseData(new Func<string, string, string>((folder, good) => TestTokens.Mint(folder, "admin", expires: DateTime.UtcNow.AddMinutes(-10)))).SetName("A token past its expiry is 401");
        yield return new TestCaseData(new Func<string, string, string>((folder, good) => "not-a-token")).SetName("A malformed token is 401");
    }

    [TestCaseSource(nameof(BrokenTokens))]
    public async Task Broken_tokens_are_refused(Func<string, string, string> make)
    {
        var good = TestSignIn.Token(_session.Server, Folder, "admin");
        var response = await CallWith(make(Folder, good));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [Test]
    public async Task A_session_cookie_never_authorizes_a_change()
    {
        using var client = _session.Server.Server.CreateClient();
        client.BaseAddress = new Uri(TestSignIn.BaseUrl);
        client.DefaultRequestHeaders.Add("Cookie", "__Host-renderer=forged");
        var response = await client.PostAsync("/api/v2.0/Folders", new StringContent("{\"path\":\"/Forged\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [Test]
    public async Task The_password_grant_refuses_a_wrong_password_and_audits_it()
    {
        using var client = _session.Server.Server.CreateClient();
        client.BaseAddress = new Uri(TestSignIn.BaseUrl);
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = DevIdentityProvider.CliClientId, ["username"] = "analyst", ["password"] = "wrong", ["scope"] = "openid renderer-api",
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("invalid_grant"));
        var audit = await _session.Client.GetStringAsync("/api/v2.0/AuditLog?format=csv&user=analyst");
        Assert.That(audit, Does.Contain(",analyst,SignInFailed,"));
    }

    [Test]
    public async Task Health_and_the_api_description_need_no_sign_in()
    {
        using var client = _session.Server.Server.CreateClient();
        client.BaseAddress = new Uri(TestSignIn.BaseUrl);
        Assert.That((await client.GetAsync("/alive")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/openapi/v1.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
