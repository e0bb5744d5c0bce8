using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Renderer.Host.Infrastructure;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Transport;

namespace Renderer.Bench;

/// <summary>
/// Issue 15's bars, through the viewer's own HTTP requests against the real host (HTTPS, bearer token, pool of warm
/// sandboxes): (1) time until page 1 of the benchmark report at N rows is in the viewer's hands (open a session, fetch
/// page 1) beside that report's full PDF render, alternating, R rounds; (2) next-page navigation in a rendered session
/// (fetch pages 2..41); (3) a drilldown toggle on the one-page SalesDrilldown sample (toggle, fetch page 1 of the new
/// render); (4) a one-page report through the viewer (open a session, fetch page 1), one client. Before each request of
/// (3) and (4) the client waits until the pool is full again (a user's think time; see IdleAsync).
/// Usage: dotnet run -c Release --project bench/Renderer.Bench -- --viewer [--rows 100000] [--rounds 3] [--pool 2]
/// </summary>
internal static partial class ViewerBench
{
    public static async Task RunAsync(string[] args, string root)
    {
        int rows = 100_000, rounds = 3;
        var pool = "2";
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pool": pool = args[++i]; break;
            }
        }
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "bench"));
        await using var host = await BenchHost.StartAsync("viewer", new Dictionary<string, string?>
        {
            ["Sandbox:PoolSize"] = pool,
            ["DataBroker:DataSources:LocalSource:Provider"] = "csv",
            ["DataBroker:DataSources:LocalSource:ConnectionString"] = Path.Combine(shared, $"sales_{rows}.csv"),
        });
        var (app, http) = (host.App, host.Http);
        http.DefaultRequestHeaders.Add("X-Viewer-Request", "1");

        (await http.PostAsJsonAsync("/api/v2.0/Folders", new { path = "/Bench" })).EnsureSuccessStatusCode();
        var published = await http.PostAsync("/api/v2.0/Reports?path=%2FBench%2FSales", new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(shared, "sales.rdlc"))));
        if (!published.IsSuccessStatusCode) throw new InvalidOperationException($"publish: {published.StatusCode} {await published.Content.ReadAsStringAsync()}");
        var salesId = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var onePage = await http.PostAsync("/api/v2.0/Reports?path=%2FBench%2FOnePage", new StringContent(HttpBench.OnePageReport, Encoding.UTF8, "application/xml"));
        if (!onePage.IsSuccessStatusCode) throw new InvalidOperationException($"publish: {onePage.StatusCode}");

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; Sandbox:PoolSize {pool}; {rows:N0} rows; load average {HttpBench.LoadAverage()}");

        // Warm-up: one of each, not counted.
        await FirstPageAsync(http, "/Bench/OnePage");
        await PdfAsync(http, salesId);

        string? session = null;
        for (int round = 1; round <= rounds; round++)
        {
            var pdf = await PdfAsync(http, salesId);
            var (first, id, done) = await FirstPageAsync(http, "/Bench/Sales");
            session = id;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: full PDF {pdf:F0} ms; viewer page 1 {first:F0} ms ({first / pdf * 100:F0} % of the PDF), whole HTML render {done:F0} ms; load {HttpBench.LoadAverage()}"));
        }

        var next = new List<double>();
        var pages = (await http.GetFromJsonAsync<JsonElement>($"/viewer/api/sessions/{session}")).GetProperty("pageCount").GetInt32();
        for (int page = 2; page <= Math.Min(41, pages); page++) next.Add(await TimeAsync(() => http.GetAsync($"/viewer/api/sessions/{session}/pages/{page}")));
        Report($"next-page navigation in a rendered session (pages 2..{Math.Min(41, pages)})", next);

        var drill = await OpenAsync(http, "/Samples/SalesDrilldown");
        var html = await (await http.GetAsync($"/viewer/api/sessions/{drill}/pages/1")).Content.ReadAsStringAsync();
        var toggle = ToggleId().Match(html).Groups[1].Value;
        var sandboxes = app.Services.GetRequiredService<Renderer.Host.Sandboxing.SandboxPool>();
        var toggles = new List<double>();
        for (int i = 0; i < 30; i++)
        {
            await IdleAsync(sandboxes, int.Parse(pool, CultureInfo.InvariantCulture));
            toggles.Add(await TimeAsync(async () =>
            {
                var state = await (await http.PostAsJsonAsync($"/viewer/api/sessions/{drill}/toggle", new { id = WebUtility.HtmlDecode(toggle) })).Content.ReadFromJsonAsync<JsonElement>();
                return await http.GetAsync($"/viewer/api/sessions/{drill}/pages/1?generation={state.GetProperty("generation").GetInt32()}");
            }));
        }
        Report("drilldown toggle on SalesDrilldown (toggle, then page 1 of the new render)", toggles);
        await PhasesAsync(http, "/Samples/SalesDrilldown");

        var one = new List<double>();
        for (int i = 0; i < 40; i++)
        {
            await IdleAsync(sandboxes, int.Parse(pool, CultureInfo.InvariantCulture));
            one.Add((await FirstPageAsync(http, "/Bench/OnePage")).First);
        }
        Report("one-page report through the viewer (open a session, page 1), 1 client", one);
        await PhasesAsync(http, "/Bench/OnePage");
    }

    /// <summary>
    /// A user's think time: waits until the pool holds its warm sandboxes again (each render uses one up and the pool
    /// starts a replacement, which on 2 cores would otherwise share the CPU with the next request), then 200 ms more.
    /// </summary>
    internal static async Task IdleAsync(Renderer.Host.Sandboxing.SandboxPool sandboxes, int size)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (sandboxes.ReadyCount < size && DateTime.UtcNow < deadline) await Task.Delay(20);
        await Task.Delay(200);
    }

    /// <summary>The full PDF render's time; a render that fails is reported and tried again (at most three times).</summary>
    private static async Task<double> PdfAsync(HttpClient http, string? reportId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/api/v2.0/Reports({reportId})/Render?format=pdf");
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode) return sw.Elapsed.TotalMilliseconds;
            Console.WriteLine($"full PDF render failed (attempt {attempt}): {response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            if (attempt == 3) throw new InvalidOperationException("the PDF render failed three times");
        }
    }

    private static async Task<string> OpenAsync(HttpClient http, string path)
    {
        var response = await http.PostAsJsonAsync("/viewer/api/sessions", new { path });
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"session: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Opens a session and fetches page 1: its time; the session; and when the whole render had ended (state polled).</summary>
    private static async Task<(double First, string Session, double Done)> FirstPageAsync(HttpClient http, string path)
    {
        var sw = Stopwatch.StartNew();
        var session = await OpenAsync(http, path);
        using (var page = await http.GetAsync($"/viewer/api/sessions/{session}/pages/1"))
        {
            if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"page 1: {page.StatusCode} {await page.Content.ReadAsStringAsync()}");
            await page.Content.ReadAsByteArrayAsync();
        }
        var first = sw.Elapsed.TotalMilliseconds;
        while ((await http.GetFromJsonAsync<JsonElement>($"/viewer/api/sessions/{session}")).GetProperty("state").GetString() == "running") await Task.Delay(20);
        return (first, session, sw.Elapsed.TotalMilliseconds);
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> request)
    {
        var sw = Stopwatch.StartNew();
        using var response = await request();
        await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
        return sw.Elapsed.TotalMilliseconds;
    }

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}, {times.Count} requests: p50 {P(0.5):F0} ms, p95 {P(0.95):F0} ms, max {times[^1]:F0} ms; load {HttpBench.LoadAverage()}"));
    }

    /// <summary>The medians of the execution log's phases for the viewer's renders of <paramref name="path"/> (where the time went).</summary>
    private static async Task PhasesAsync(HttpClient http, string path)
    {
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/v2.0/ExecutionLog?path={Uri.EscapeDataString(path)}&$top=200");
        var rows = page.GetProperty("value").EnumerateArray().Where(r => r.GetProperty("requestType").GetString() == "Interactive").ToList();
        if (rows.Count == 0) return;
        double Median(Func<JsonElement, double> of)
        {
            var values = rows.Select(of).Order().ToList();
            return values[values.Count / 2];
        }
        double Total(JsonElement r) => (r.GetProperty("timeEnd").GetDateTimeOffset() - r.GetProperty("timeStart").GetDateTimeOffset()).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  execution log, {rows.Count} viewer renders of {path}, medians: total {Median(Total):F0} ms, data {Median(r => r.GetProperty("timeDataRetrieval").GetInt64()):F0} ms, processing {Median(r => r.GetProperty("timeProcessing").GetInt64()):F0} ms, rendering {Median(r => r.GetProperty("timeRendering").GetInt64()):F0} ms"));
    }

    [GeneratedRegex("data-toggle=\"([^\"]+)\"")]
    private static partial Regex ToggleId();

}
