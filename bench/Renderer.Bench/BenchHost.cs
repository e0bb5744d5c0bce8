using Renderer.Host.Infrastructure;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Transport;

namespace Renderer.Bench;

/// <summary>
/// The real host in this process for an HTTP bench: a fresh data folder, HTTPS on a free loopback port, the given
/// settings, and a client that trusts the host's own certificate and holds the sample administrator's bearer token
/// (<see cref="Token"/>; set as the client's default Authorization unless told otherwise). Disposing stops the host
/// and deletes the folder.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(WebApplication app, HttpClient http, string dataFolder, string token)
    {
        App = app;
        Http = http;
        DataFolder = dataFolder;
        Token = token;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public string DataFolder { get; }

    public string Token { get; }

    public static async Task<BenchHost> StartAsync(string name, IReadOnlyDictionary<string, string?> settings, bool authorizeByDefault = true)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), $"renderer-{name}-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataFolder"] = dataFolder,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var port = HttpBench.FreePort();
        builder.WebHost.UseUrls($"https://localhost:{port}");
        builder.AddRendererHost();
        var app = builder.Build();
        app.UseRendererPipeline();
        await app.StartAsync();
        var own = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(LoopbackCertificate.PathIn(dataFolder), null);
        var handler = new SocketsHttpHandler { SslOptions = new() { RemoteCertificateValidationCallback = (_, presented, _, errors) => IdentityBackchannel.Trusted(presented, errors, own) } };
        var http = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        var token = await HttpBench.TokenAsync(http, dataFolder);
        if (authorizeByDefault) http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return new BenchHost(app, http, dataFolder, token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
