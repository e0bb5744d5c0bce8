using System.Net;
using System.Text.RegularExpressions;
using Renderer.Host.Tests.Catalog;

namespace Renderer.Host.Tests.Security.Identity;

/// <summary>
/// Sessions and data-protection keys live in the catalog database: two hosts on one PostgreSQL catalog accept each
/// other's session cookies, and a restarted host keeps its users signed in.
/// </summary>
[NonParallelizable]
public sealed partial class SharedSessionTests
{
    /// <summary>Signs in through the authorization code flow with an HTTP client, as a browser would; returns its cookies.</summary>
    private static async Task<CookieContainer> SignInAsync(HostProcess host, string user)
    {
        var cookies = new CookieContainer();
        using var client = host.Client(cookies);
        var login = await client.GetAsync("/browse");
        Assert.That(login.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo("/account/login"));
        var returnUrl = WebUtility.HtmlDecode(ReturnUrl().Match(await login.Content.ReadAsStringAsync()).Groups[1].Value);
        var signedIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = host.Password(user), ["returnUrl"] = returnUrl,
        }));
        var page = await signedIn.Content.ReadAsStringAsync();
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), page);
        Assert.That(page, Does.Contain($"<strong id=\"user\">{user}</strong>"));
        return cookies;
    }

    private static async Task<string> BrowseWith(HostProcess host, CookieContainer from, HostProcess issuedBy)
    {
        var cookies = new CookieContainer();
        foreach (Cookie cookie in from.GetCookies(new Uri(issuedBy.BaseUrl)))
            if (cookie.Name == "__Host-renderer") cookies.Add(new Uri(host.BaseUrl), new Cookie(cookie.Name, cookie.Value, "/"));
        using var client = host.Client(cookies, redirects: false);
        var response = await client.GetAsync("/browse");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : $"{(int)response.StatusCode} {response.Headers.Location}";
    }

    [Test]
    public async Task Two_hosts_on_one_PostgreSQL_catalog_accept_each_others_session_cookie()
    {
        var connection = PostgresCluster.Require().CreateDatabase();
        var settings = new Dictionary<string, string> { ["Catalog__Provider"] = "postgresql", ["Catalog__ConnectionString"] = connection };
        using var first = new HostProcess(environment: settings);
        using var second = new HostProcess(environment: settings);

        var cookies = await SignInAsync(first, "analyst");

        Assert.That(await BrowseWith(second, cookies, first), Does.Contain("<strong id=\"user\">analyst</strong>"));
    }

    [Test]
    public async Task A_restart_keeps_the_user_signed_in()
    {
        var folder = Path.Combine(Path.GetTempPath(), "session-restart-" + Guid.NewGuid().ToString("N")[..12]);
        CookieContainer cookies;
        string firstUrl;
        using (var host = new HostProcess(folder))
        {
            cookies = await SignInAsync(host, "publisher");
            firstUrl = host.BaseUrl;
        }
        using var restarted = new HostProcess(folder);
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(new Uri(firstUrl))) copy.Add(new Uri(restarted.BaseUrl), new Cookie(cookie.Name, cookie.Value, "/"));
        using var client = restarted.Client(copy, redirects: false);
        var response = await client.GetAsync("/browse");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<strong id=\"user\">publisher</strong>"));
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Test]
    public async Task A_session_renews_its_access_token_with_the_refresh_token_before_it_expires()
    {
        // Tokens live one minute and are renewed when less than five are left: every request of the session renews.
        using var host = new HostProcess(environment: new Dictionary<string, string>
        {
            ["Security__SignIn__AccessTokenLifetime"] = "00:01:00",
            ["Security__SignIn__RenewBeforeExpiry"] = "00:05:00",
        });
        var cookies = await SignInAsync(host, "analyst");
        var before = cookies.GetCookies(new Uri(host.BaseUrl))["__Host-renderer"]!.Value;

        using var client = host.Client(cookies, redirects: false);
        var response = await client.GetAsync("/browse");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a failed renewal would end the session and send the browser to sign in");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<strong id=\"user\">analyst</strong>"));
        Assert.That(cookies.GetCookies(new Uri(host.BaseUrl))["__Host-renderer"]!.Value, Is.Not.EqualTo(before),
            "the renewed session (new access and refresh tokens) is written back and its cookie re-issued");
    }

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrl();
}
