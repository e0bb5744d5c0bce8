using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Renderer.Host.Infrastructure;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Transport;
using Renderer.Host.Subscriptions;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Renderer.Bench;

/// <summary>
/// Issue 16's bars: deliveries per minute of a one-page PDF to an SMTP sink (a data-driven subscription to N
/// recipients, run by the runner), and the interactive 1-client p50 of a one-page render, idle and while M
/// subscriptions fire at once (run now, through Quartz), with the subscription render cap at its default.
/// Usage: dotnet run -c Release --project bench/Renderer.Bench -- --subscriptions [--recipients 60] [--fires 100] [--requests 30]
/// </summary>
internal static class SubscriptionBench
{

    private static int _received;

    public static async Task RunAsync(string[] args)
    {
        int recipients = 60, fires = 100, requests = 30;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--recipients": recipients = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--fires": fires = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            }
        }
        var smtpPort = HttpBench.FreePort();
        using var stopSmtp = new CancellationTokenSource();
        var smtpServices = new SmtpServer.ComponentModel.ServiceProvider();
        smtpServices.Add(new CountingStore());
        var smtp = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost").Port(smtpPort).Build(), smtpServices);
        var smtpRunning = smtp.StartAsync(stopSmtp.Token);

        var dataFolder = Path.Combine(Path.GetTempPath(), "subscription-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            var port = HttpBench.FreePort();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataFolder"] = dataFolder,
                ["Logging:LogLevel:Default"] = "Warning",
                ["Subscriptions:Smtp:Host"] = "127.0.0.1",
                ["Subscriptions:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
                ["Subscriptions:Smtp:Security"] = "None",
            });
            builder.WebHost.UseUrls($"https://localhost:{port}");
            builder.AddRendererHost();
            await using var app = builder.Build();
            app.UseRendererPipeline();
            await app.StartAsync();
            var own = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(LoopbackCertificate.PathIn(dataFolder), null);
            var handler = new SocketsHttpHandler { SslOptions = new System.Net.Security.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, presented, _, errors) => IdentityBackchannel.Trusted(presented, errors, own) } };
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await HttpBench.TokenAsync(http, dataFolder));
            using (var upload = await http.PostAsync("/api/v2.0/Reports?path=/OnePage", new StringContent(HttpBench.OnePageReport, Encoding.UTF8, "application/xml")))
                if (!upload.IsSuccessStatusCode) throw new InvalidOperationException($"upload: {upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
            var id = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/v2.0/CatalogItems/ByPath?path=/OnePage")).RootElement.GetProperty("id").GetString();
            var renderUrl = $"/api/v2.0/Reports({id})/Render?format=pdf";
            for (var i = 0; i < 8; i++) await RenderOnce(http, renderUrl);

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
            Console.WriteLine($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {HttpBench.LoadAverage()}; Subscriptions:MaxConcurrentRenders default (1)");

            // 1. Deliveries per minute: one data-driven fire to N recipients, each a one-page PDF mailed to the sink.
            var dataDriven = await CreateAsync(http, new
            {
                reportPath = "/OnePage", deliveryKind = "email",
                dataDriven = new { dataSource = "SalesDb", commandText = $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {recipients}) SELECT 'r' || i || '@bench.example' AS \"To\" FROM n" },
            });
            var runner = app.Services.GetRequiredService<SubscriptionRunner>();
            var before = _received;
            var wall = Stopwatch.StartNew();
            var status = await runner.RunAsync(dataDriven, DateTimeOffset.UtcNow, CancellationToken.None);
            wall.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"deliveries: {_received - before} mails of a one-page PDF in {wall.Elapsed.TotalSeconds:F1} s = {(_received - before) / wall.Elapsed.TotalMinutes:F0} per minute (status {status})"));

            // 2. Interactive 1-client p50, idle and while M subscriptions fire at once.
            var idle = await Percentile50Async(http, renderUrl, requests);
            var ids = new List<Guid>();
            for (var i = 0; i < fires; i++)
                ids.Add(await CreateAsync(http, new { reportPath = "/OnePage", deliveryKind = "email", delivery = new { to = new[] { $"s{i}@fire.example" } } }));
            before = _received;
            var fireWall = Stopwatch.StartNew();
            foreach (var s in ids) (await http.PostAsync($"/api/v2.0/Subscriptions({s})/Run", null)).Dispose();
            await Task.Delay(1000);
            var busy = await Percentile50Async(http, renderUrl, requests);
            var duringFires = _received - before;
            while (_received - before < fires && fireWall.Elapsed < TimeSpan.FromMinutes(10)) await Task.Delay(200);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"interactive 1 client, {requests} requests: p50 idle {idle:F0} ms; p50 while {fires} subscriptions fire {busy:F0} ms ({busy / idle:F2}x; {duringFires} of their mails sent meanwhile); all {fires} fires delivered in {fireWall.Elapsed.TotalSeconds:F0} s; load average after {HttpBench.LoadAverage()}"));
            await app.StopAsync();
        }
        finally
        {
            stopSmtp.Cancel();
            smtp.Shutdown();
            try { Directory.Delete(dataFolder, recursive: true); }
            catch (IOException) { }
        }
    }

    private static async Task<Guid> CreateAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("/api/v2.0/Subscriptions", body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"subscription: {response.StatusCode} {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<double> Percentile50Async(HttpClient http, string url, int requests)
    {
        var times = new List<double>();
        for (var i = 0; i < requests; i++) times.Add(await RenderOnce(http, url));
        times.Sort();
        return times[(times.Count - 1) / 2];
    }

    private static async Task<double> RenderOnce(HttpClient http, string url)
    {
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"render: {response.StatusCode}");
        return sw.Elapsed.TotalMilliseconds;
    }

    private sealed class CountingStore : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _received);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
