using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Security.Identity;

namespace Renderer.Host.Tests.Security.Identity;

/// <summary>
/// Signs test clients in through the real built-in provider: the in-memory server is addressed as
/// <c>https://localhost</c> (the issuer), its metadata and keys are read over the in-memory handler, and tokens come
/// from the provider's token endpoint with the sample users' passwords from the data folder.
/// </summary>
internal static class TestSignIn
{
    public const string BaseUrl = "https://localhost";

    public static void Configure(IWebHostBuilder builder, Func<TestServer> server)
    {
        builder.UseSetting("Renderer:PublicBaseUrl", BaseUrl);
        builder.ConfigureTestServices(services => services.AddSingleton(new IdentityBackchannel(() => server().CreateHandler())));
    }

    /// <summary>Points a factory's client at the HTTPS base address and gives it a bearer token of <paramref name="user"/>.</summary>
    public static void Authorize(HttpClient client, WebApplicationFactory<Program> factory, string dataFolder, string user = "admin")
    {
        client.BaseAddress = new Uri(BaseUrl);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(factory, dataFolder, user));
    }

    /// <summary>An access token for the sample user <paramref name="user"/>, from the provider's token endpoint.</summary>
    public static string Token(WebApplicationFactory<Program> factory, string dataFolder, string user = "admin")
    {
        using var client = factory.Server.CreateClient();
        client.BaseAddress = new Uri(BaseUrl);
        return TokenAsync(client, dataFolder, user).GetAwaiter().GetResult();
    }

    public static async Task<string> TokenAsync(HttpClient client, string dataFolder, string user)
    {
        var secrets = DevIdentitySecrets.LoadOrCreate(dataFolder);
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = DevIdentityProvider.CliClientId,
            ["username"] = user,
            ["password"] = secrets.Passwords[user],
            ["scope"] = "openid " + SignInSettings.ApiScope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
