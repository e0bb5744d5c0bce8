namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// A fixture with the real host (<see cref="ServerFixture"/>) started once for its tests, and an HTTP client to it.
/// Derived fixtures may add their own [OneTimeSetUp]; NUnit runs this one first.
/// </summary>
public abstract class ServerTest
{
    private ServerFixture? _server;
    private HttpClient? _client;

    internal ServerFixture Server => _server ?? throw new InvalidOperationException("The server starts in OneTimeSetUp.");

    protected HttpClient Client => _client ?? throw new InvalidOperationException("The server starts in OneTimeSetUp.");

    /// <summary>Uploads <paramref name="rdl"/> as report <paramref name="name"/> (PUT: creating or replacing it) and returns its render in <paramref name="format"/> (both must succeed).</summary>
    protected async Task<byte[]> UploadAndRenderAsync(string name, string rdl, string format)
    {
        var upload = await Client.PutAsync($"/api/reports/{name}", new StringContent(rdl, System.Text.Encoding.UTF8, "application/xml"));
        Assert.That(upload.IsSuccessStatusCode, Is.True, await upload.Content.ReadAsStringAsync());
        var response = await Client.GetAsync($"/api/reports/{name}/render?format={format}");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        return body;
    }

    [OneTimeSetUp]
    public void StartServer()
    {
        _server = new ServerFixture();
        _client = _server.CreateClient();
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _client?.Dispose();
        _server?.Dispose();
    }
}
