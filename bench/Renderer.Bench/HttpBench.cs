using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Renderer.Host.Api;

namespace Renderer.Bench;

/// <summary>
/// The issue-6 bar: a warm 1-page render through the HTTP API, each in a fresh sandbox process, with N concurrent
/// clients. Starts the real host (AddRendererHost, MapReportsApi) on 127.0.0.1 with a random port, uploads a one-textbox
/// report, warms up, then runs the clients until the request count is reached and prints p50/p95 latency and renders/s.
/// Usage: dotnet run -c Release --project bench/Renderer.Bench -- --http [--clients 8] [--requests 200] [--warmup 16] [--format pdf]
/// </summary>
internal static class HttpBench
{
    private const string OnePageReport = """
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
        var format = "pdf";
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--clients": clients = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--format": format = args[++i]; break;
            }
        }

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
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.AddRendererHost();
            await using var app = builder.Build();
            app.MapReportsApi();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
            var upload = await http.PostAsync("/api/reports?name=OnePage", new StringContent(OnePageReport, Encoding.UTF8, "application/xml"));
            if (upload.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"upload failed: {upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
            var url = $"/api/reports/OnePage/render?format={format}";

            for (int i = 0; i < warmup; i++) await RenderOnce(http, url);

            var latencies = new double[requests];
            int next = -1;
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < requests) latencies[index] = await RenderOnce(http, url);
            })));
            wall.Stop();
            await app.StopAsync();

            Array.Sort(latencies);
            double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
            Console.WriteLine($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average: {LoadAverage()}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HTTP 1-page {format} render, fresh sandbox per render: {clients} clients, {requests} requests after {warmup} warm-up: p50 {Percentile(0.50):F0} ms, p95 {Percentile(0.95):F0} ms, max {latencies[^1]:F0} ms, {requests / wall.Elapsed.TotalSeconds:F1} renders/s"));
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

    private static async Task<double> RenderOnce(HttpClient http, string url)
    {
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        sw.Stop();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"render failed: {response.StatusCode} {Encoding.UTF8.GetString(body)}");
        return sw.Elapsed.TotalMilliseconds;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
