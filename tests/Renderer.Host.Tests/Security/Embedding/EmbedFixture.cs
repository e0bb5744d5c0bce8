using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Renderer.Host.Security.Identity;

namespace Renderer.Host.Tests.Security.Embedding;

/// <summary>
/// What the embedding tests share: the application <c>portal</c> registered with its origins, the report "Viewer
/// Tour" published twice to /Sales (each with its own policy: the administrator, and the application as Browser),
/// the application's access token from the provider's client credentials grant, and embed tokens from the API.
/// </summary>
internal static class EmbedFixture
{
    public const string Application = "portal";
    public const string Unlisted = "unlisted";
    public const string ReportPath = "/Sales/Embed Tour";
    public const string OtherPath = "/Sales/Embed Other";

    public static Dictionary<string, string> Settings(params string[] origins)
    {
        var settings = new Dictionary<string, string> { [$"Embedding:Applications:{Application}:DisplayName"] = "Customer portal" };
        for (var i = 0; i < origins.Length; i++) settings[$"Embedding:Applications:{Application}:Origins:{i}"] = origins[i];
        // A second application, registered but granted nothing in the catalog.
        settings[$"Embedding:Applications:{Unlisted}:Origins:0"] = "https://unlisted.example";
        return settings;
    }

    /// <summary>Publishes a copy of the tour at <paramref name="path"/> that only the administrator and the application may see; returns its id.</summary>
    public static async Task<Guid> PublishAsync(HttpClient admin, string path, bool grantApplication = true)
    {
        var rdl = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Viewer", "ViewerTour.rdl"));
        var published = await admin.PostAsync($"/api/v2.0/Reports?path={Uri.EscapeDataString(path)}", new ByteArrayContent(rdl));
        Assert.That(published.IsSuccessStatusCode, Is.True, await published.Content.ReadAsStringAsync());
        var id = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var policies = grantApplication
            ? $"[{{\"groupUserName\":\"admin\",\"roles\":[{{\"name\":\"Content Manager\"}}]}},{{\"groupUserName\":\"user:{Application}\",\"roles\":[{{\"name\":\"Browser\"}}]}}]"
            : "[{\"groupUserName\":\"admin\",\"roles\":[{\"name\":\"Content Manager\"}]}]";
        var grant = await admin.PutAsync($"/api/v2.0/CatalogItems({id})/Policies", new StringContent($"{{\"inheritParentPolicy\":false,\"policies\":{policies}}}", Encoding.UTF8, "application/json"));
        Assert.That(grant.IsSuccessStatusCode, Is.True, await grant.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>The application's own access token (client credentials, with the secret the provider generated).</summary>
    public static async Task<string> ApplicationTokenAsync(HttpClient client, string dataFolder, string application = Application)
    {
        var secret = DevIdentitySecrets.LoadOrCreate(dataFolder).ApplicationSecrets[application];
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = application, ["client_secret"] = secret, ["scope"] = SignInSettings.ApiScope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>POST /api/v2.0/EmbedTokens with <paramref name="bearer"/>.</summary>
    public static async Task<HttpResponseMessage> RequestAsync(HttpClient client, string bearer, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2.0/EmbedTokens") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.SendAsync(request);
    }

    public static async Task<string> TokenAsync(HttpClient client, string bearer, object body)
    {
        var response = await RequestAsync(client, bearer, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A request with the embed token, as the frame page sends it (with the viewer's header).</summary>
    public static HttpRequestMessage With(string token, HttpMethod method, string address, object? body = null, string? origin = null)
    {
        var request = new HttpRequestMessage(method, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("EmbedToken", token);
        request.Headers.Add("X-Viewer-Request", "1");
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }
}
