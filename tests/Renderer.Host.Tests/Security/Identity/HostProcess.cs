using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Transport;
using Renderer.Host.Tests.EndToEnd;

namespace Renderer.Host.Tests.Security.Identity;

/// <summary>
/// The server as the README starts it: the built program in its own process, listening with HTTPS on a free
/// loopback port, its data in a temporary folder. Clients trust exactly its self-signed certificate.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly bool _ownsFolder;

    public HostProcess(string? dataFolder = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        _ownsFolder = dataFolder is null;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "host-process-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataFolder);
        Port = FreePort();
        BaseUrl = $"https://localhost:{Port}";
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var host = Path.Combine(ErrorHandlingTests.ProjectRoot(), "src", "Renderer.Host", "bin", configuration, "net10.0", "Renderer.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(host);
        start.Environment["DataFolder"] = DataFolder;
        start.Environment["Urls"] = BaseUrl;
        start.Environment["Sandbox__PoolSize"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilReady();
    }

    public string DataFolder { get; }

    public int Port { get; }

    public string BaseUrl { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public X509Certificate2 Certificate => X509CertificateLoader.LoadPkcs12FromFile(LoopbackCertificate.PathIn(DataFolder), null);

    /// <summary>A handler that trusts this server's certificate only, with a cookie container of its own.</summary>
    public HttpClientHandler Handler(CookieContainer? cookies = null, bool redirects = true)
    {
        var own = Certificate;
        return new HttpClientHandler
        {
            CookieContainer = cookies ?? new CookieContainer(),
            AllowAutoRedirect = redirects,
            ServerCertificateCustomValidationCallback = (_, presented, _, errors) => IdentityBackchannel.Trusted(presented, errors, own),
        };
    }

    public HttpClient Client(CookieContainer? cookies = null, bool redirects = true) => new(Handler(cookies, redirects)) { BaseAddress = new Uri(BaseUrl) };

    public async Task<string> TokenAsync(string user)
    {
        using var client = Client();
        return await TestSignIn.TokenAsync(client, DataFolder, user);
    }

    public string Password(string user) => DevIdentitySecrets.LoadOrCreate(DataFolder).Passwords[user];

    private void WaitUntilReady()
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            if (File.Exists(LoopbackCertificate.PathIn(DataFolder)))
            {
                try
                {
                    using var client = Client();
                    client.Timeout = TimeSpan.FromSeconds(10);
                    if (client.GetAsync("/health").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
            }
            Thread.Sleep(250);
        }
        throw new TimeoutException($"The server did not become ready:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } }
        catch (InvalidOperationException) { }
        _process.Dispose();
        if (_ownsFolder)
            try { Directory.Delete(DataFolder, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
    }
}
