using System.Net;
using System.Text;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// A fixture over <see cref="HostileServer"/> for hostile-report tests: uploads one RDL of Security/Hostile per test
/// and, after each test, checks that the host keeps serving (a normal render of Sales.rdl succeeds) and that no
/// response body or log line holds the canary secret.
/// </summary>
[NonParallelizable]
public abstract class HostileServerTest
{
    private HostileServer? _server;
    private HttpClient? _client;

    internal HostileServer Server => _server ?? throw new InvalidOperationException("The server starts in OneTimeSetUp.");

    protected HttpClient Client => _client ?? throw new InvalidOperationException("The server starts in OneTimeSetUp.");

    /// <summary>Every response body of the current test; none may hold the canary.</summary>
    protected List<string> Bodies { get; } = [];

    [OneTimeSetUp]
    public void StartServer()
    {
        _server = new HostileServer();
        _client = _server.CreateClient();
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _client?.Dispose();
        _server?.Dispose();
    }

    [TearDown]
    public async Task Host_keeps_serving_and_never_shows_the_canary()
    {
        var response = await Client.GetAsync("/api/reports/Sales/render?format=pdf&Year=2023");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a normal render of Sales.rdl succeeds right after");
        Assert.That(string.Join("\n", Bodies), Does.Not.Contain(HostileServer.Canary), "no response holds the canary secret");
        Assert.That(string.Join("\n", Server.Logs.Lines), Does.Not.Contain(HostileServer.Canary), "no log line holds the canary secret");
        Bodies.Clear();
    }

    /// <summary>Uploads Security/Hostile/<paramref name="file"/> under its file name.</summary>
    protected async Task<(HttpStatusCode Status, string Body)> Upload(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var response = await Client.PostAsync($"/api/reports?name={name}", new StringContent(HostileServer.Hostile(file), Encoding.UTF8, "application/xml"));
        var body = await response.Content.ReadAsStringAsync();
        Bodies.Add(body);
        return (response.StatusCode, body);
    }
}
