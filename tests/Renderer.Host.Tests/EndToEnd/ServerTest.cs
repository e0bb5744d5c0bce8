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
