using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Renderer.Host.Infrastructure;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Transport;

namespace Renderer.Bench;

/// <summary>
/// The issue-6 bar: a warm 1-page render through the HTTP API (since issue 14 over HTTPS with a bearer token), each in a fresh sandbox process, with N concurrent
/// clients. Starts the real host (AddRendererHost, MapReportsApi) on 127.0.0.1 with a random port, uploads a one-textbox
/// report, warms up, then runs the clients and prints p50/p95 latency, renders/s, and the CPU time per render of the
/// host and of its (reaped) sandbox children.
/// Closed loop (default): each client sends its next request as soon as the last one answered.
/// Paced (<c>--rate R</c>): open loop, request i is due at start + i/R and goes out on a free client; latency is
/// counted from when it was due (so queueing behind busy clients counts), and the service time from when it was sent.
/// <c>--suite</c> runs the three figures of the bar in one host: 1 client, 8 clients closed loop, 20/s paced over 8 clients.
/// <c>--layers L</c> sets Sandbox:Layers (e.g. "SeparateUser, NetworkNamespace, Seccomp, Landlock, ResourceLimits").
/// <c>--compare-isolation N</c> (issue 12) runs N rounds, each with a host without the Namespaces layer (bubblewrap) and
/// then one with every layer, each host measuring 1 client and 8 clients closed loop, so before and after interleave
/// under the same machine load.
/// Usage: dotnet run -c Release --project bench/Renderer.Bench -- --http [--suite] [--clients 8] [--requests 200]
///        [--rate 20] [--warmup 16] [--format pdf] [--pool 2] [--layers L] [--compare-isolation 3]
/// </summary>
internal static class HttpBench
{
    /// <summary>The one-textbox report every HTTP bench renders (issue 6's bar; the viewer and subscription benches too).</summary>
    internal const string OnePageReport = """
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="Hello">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>="Hello " &amp; (6 * 7)</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
            </ReportItems><Height>2cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    public static async Task RunAsync(string[] args)
    {
        int clients = 8, requests = 200, warmup = 16;
        double rate = 0;
        var format = "pdf";
        string? pool = null, layers = null;
        var suite = false;
        var compareRounds = 0;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--clients": clients = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rate": rate = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--format": format = args[++i]; break;
                case "--pool": pool = args[++i]; break;
                case "--suite": suite = true; break;
                case "--layers": layers = args[++i]; break;
                case "--compare-isolation": compareRounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            }
        }
        if (compareRounds > 0)
        {
            const string withoutNamespaces = "SeparateUser, NetworkNamespace, Seccomp, Landlock, ResourceLimits";
            for (var round = 1; round <= compareRounds; round++)
            {
                foreach (var variant in new[] { withoutNamespaces, "All" })
                {
                    Console.WriteLine($"round {round}, Sandbox:Layers {variant}:");
                    await RunHostAsync(clients, requests, warmup, 0, format, pool, variant, compare: true);
                }
            }
            return;
        }
        await RunHostAsync(clients, requests, warmup, rate, format, pool, layers, suite ? null : false);
    }

    /// <param name="compare">True: 1 client and 8 clients closed loop; null: the suite; false: one scenario.</param>
    private static async Task RunHostAsync(int clients, int requests, int warmup, double rate, string format, string? pool, string? layers, bool? compare)
    {
        var suite = compare is null;

        var dataFolder = Path.Combine(Path.GetTempPath(), "renderer-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataFolder"] = dataFolder,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            if (pool is not null) builder.Configuration["Sandbox:PoolSize"] = pool;
            if (layers is not null) builder.Configuration["Sandbox:Layers"] = layers;
            // HTTPS with a bearer token from the built-in provider (issue 14): the issuer is the public URL, so the port is fixed before start.
            var port = FreePort();
            builder.WebHost.UseUrls($"https://localhost:{port}");
            builder.AddRendererHost();
            await using var app = builder.Build();
            app.UseRendererPipeline();
            await app.StartAsync();
            var address = $"https://localhost:{port}";
            var own = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(LoopbackCertificate.PathIn(dataFolder), null);
            var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = Math.Max(clients, 8),
                SslOptions = new System.Net.Security.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, presented, _, errors) => IdentityBackchannel.Trusted(presented, errors, own) },
            };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync(http, dataFolder));
            var upload = await http.PostAsync("/api/reports?name=OnePage", new StringContent(OnePageReport, Encoding.UTF8, "application/xml"));
            if (upload.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"upload failed: {upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
            var url = $"/api/reports/OnePage/render?format={format}";

            for (int i = 0; i < warmup; i++) await RenderOnce(http, url);

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
            Console.WriteLine($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; Sandbox:PoolSize {app.Configuration["Sandbox:PoolSize"] ?? "default"}; Sandbox:Layers {layers ?? "default"}; format {format}; {warmup} warm-up renders");
            if (compare == true)
            {
                await RunScenarioAsync(http, url, clients: 1, requests: 40, rate: 0);
                await RunScenarioAsync(http, url, clients: 8, requests: requests, rate: 0);
            }
            else if (suite)
            {
                await RunScenarioAsync(http, url, clients: 1, requests: 40, rate: 0);
                await RunScenarioAsync(http, url, clients: 8, requests: requests, rate: 0);
                await RunScenarioAsync(http, url, clients: 8, requests: requests, rate: 20);
            }
            else
            {
                await RunScenarioAsync(http, url, clients, requests, rate);
            }
            await app.StopAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task RunScenarioAsync(HttpClient http, string url, int clients, int requests, double rate)
    {
        // A short pause lets the pool refill after the previous scenario.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var load = LoadAverage();
        var latencies = new double[requests];
        var service = new double[requests];
        int next = -1;
        var (hostBefore, childrenBefore) = CpuSeconds();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var due = rate > 0 ? TimeSpan.FromSeconds(index / rate) : wall.Elapsed;
                var wait = due - wall.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                var sent = wall.Elapsed;
                var took = await RenderOnce(http, url);
                service[index] = took;
                latencies[index] = rate > 0 ? (sent - due).TotalMilliseconds + took : took;
            }
        })));
        wall.Stop();
        var (hostAfter, childrenAfter) = CpuSeconds();

        Array.Sort(latencies);
        Array.Sort(service);
        double Percentile(double[] values, double p) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(p * values.Length) - 1)];
        var mode = rate > 0 ? $"paced {rate:F0}/s over {clients} clients" : $"{clients} clients closed loop";
        var serviceText = rate > 0 ? string.Create(CultureInfo.InvariantCulture, $" (service time p50 {Percentile(service, 0.50):F0} ms, p95 {Percentile(service, 0.95):F0} ms)") : string.Empty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}, {requests} requests: p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, max {latencies[^1]:F0} ms{serviceText}, {requests / wall.Elapsed.TotalSeconds:F1} renders/s; CPU per render: host {(hostAfter - hostBefore) * 1000 / requests:F0} ms, sandboxes {(childrenAfter - childrenBefore) * 1000 / requests:F0} ms; load average before {load}, after {LoadAverage()}"));
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task<string> TokenAsync(HttpClient http, string dataFolder)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = DevIdentityProvider.CliClientId, ["username"] = "admin",
            ["password"] = DevIdentitySecrets.LoadOrCreate(dataFolder).Passwords["admin"], ["scope"] = "openid " + SignInSettings.ApiScope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"token: {response.StatusCode} {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<double> RenderOnce(HttpClient http, string url)
    {
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        sw.Stop();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"render failed: {response.StatusCode} {Encoding.UTF8.GetString(body)}");
        return sw.Elapsed.TotalMilliseconds;
    }

    /// <summary>This process's CPU seconds and those of its reaped children (utime+stime, cutime+cstime in /proc/self/stat).</summary>
    private static (double Self, double Children) CpuSeconds()
    {
        if (!File.Exists("/proc/self/stat")) return (0, 0);
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields after the command name start at field 3 (state); utime is field 14, cstime field 17.
        double Field(int number) => double.Parse(fields[number - 3], CultureInfo.InvariantCulture) / 100.0;
        return (Field(14) + Field(15), Field(16) + Field(17));
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
