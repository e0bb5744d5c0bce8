using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Renderer.Host.Infrastructure;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Transport;

namespace Renderer.Bench;

/// <summary>
/// Issue 18's embed bar: the one-page report through the viewer's API (open a session, fetch page 1) with an embed
/// token beside the same with a bearer token, alternating in the same run, one client, the pool refilled before each
/// request (see ViewerBench.IdleAsync). The embed path adds the token's validation, the application's permission
/// check, the locked parameters and the audit entry of each embedded render.
/// Usage: dotnet run -c Release --project bench/Renderer.Bench -- --embed [--rounds 40] [--pool 2]
/// </summary>
internal static class EmbedBench
{
    public static async Task RunAsync(string[] args)
    {
        int rounds = 40;
        var pool = "2";
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pool": pool = args[++i]; break;
            }
        }
        await using var host = await BenchHost.StartAsync("embed", new Dictionary<string, string?>
        {
            ["Sandbox:PoolSize"] = pool,
            ["Embedding:Applications:bench:Origins:0"] = "https://portal.example",
        }, authorizeByDefault: false);
        var (app, http, dataFolder) = (host.App, host.Http, host.DataFolder);
        var bearer = new AuthenticationHeaderValue("Bearer", host.Token);

        using var publish = new HttpRequestMessage(HttpMethod.Post, "/api/v2.0/Reports?path=%2FSales%2FOnePage") { Content = new StringContent(HttpBench.OnePageReport, Encoding.UTF8, "application/xml") };
        publish.Headers.Authorization = bearer;
        var published = await http.SendAsync(publish);
        if (!published.IsSuccessStatusCode) throw new InvalidOperationException($"publish: {published.StatusCode} {await published.Content.ReadAsStringAsync()}");
        var reportId = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var grant = new HttpRequestMessage(HttpMethod.Put, $"/api/v2.0/CatalogItems({reportId})/Policies")
        {
            Content = new StringContent("{\"inheritParentPolicy\":false,\"policies\":[{\"groupUserName\":\"admin\",\"roles\":[{\"name\":\"Content Manager\"}]},{\"groupUserName\":\"user:bench\",\"roles\":[{\"name\":\"Browser\"}]}]}", Encoding.UTF8, "application/json"),
        };
        grant.Headers.Authorization = bearer;
        (await http.SendAsync(grant)).EnsureSuccessStatusCode();
        var embed = new AuthenticationHeaderValue("EmbedToken", await EmbedTokenAsync(http, dataFolder, reportId));

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; Sandbox:PoolSize {pool}; load average {HttpBench.LoadAverage()}");
        var sandboxes = app.Services.GetRequiredService<Renderer.Host.Sandboxing.SandboxPool>();
        var size = int.Parse(pool, CultureInfo.InvariantCulture);
        // Warm-up: one of each, not counted.
        await OnePageAsync(http, bearer, reportId);
        await OnePageAsync(http, embed, reportId);
        var (withBearer, withEmbed) = (new List<double>(), new List<double>());
        for (int round = 0; round < rounds; round++)
        {
            // Alternate which goes first, so neither always follows the other's pool refill.
            foreach (var useEmbed in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                await ViewerBench.IdleAsync(sandboxes, size);
                (useEmbed ? withEmbed : withBearer).Add(await OnePageAsync(http, useEmbed ? embed : bearer, reportId));
            }
        }
        var (b, e) = (Report("a bearer token", withBearer), Report("an embed token", withEmbed));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embed token adds {e - b:F1} ms at p50 (bar: at most 5 ms); load {HttpBench.LoadAverage()}"));
        await AuthenticationOnlyAsync(http, bearer, embed, reportId, app.Services);
    }

    /// <summary>
    /// Where an embed request's extra time could go, without a render: a session state request (authentication, the
    /// scope checks, one session lookup) with each token, alternating; and the token's validation alone, in process.
    /// </summary>
    private static async Task AuthenticationOnlyAsync(HttpClient http, AuthenticationHeaderValue bearer, AuthenticationHeaderValue embed, Guid reportId, IServiceProvider services)
    {
        var sessions = new Dictionary<AuthenticationHeaderValue, string>();
        foreach (var authorization in new[] { bearer, embed })
        {
            using var open = new HttpRequestMessage(HttpMethod.Post, "/viewer/api/sessions") { Content = JsonContent.Create(new { reportId }) };
            open.Headers.Authorization = authorization;
            open.Headers.Add("X-Viewer-Request", "1");
            using var opened = await http.SendAsync(open);
            sessions[authorization] = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        var times = new Dictionary<AuthenticationHeaderValue, List<double>> { [bearer] = [], [embed] = [] };
        for (int i = 0; i < 400; i++)
        {
            var authorization = i % 2 == 0 ? bearer : embed;
            var sw = Stopwatch.StartNew();
            using var state = new HttpRequestMessage(HttpMethod.Get, $"/viewer/api/sessions/{sessions[authorization]}");
            state.Headers.Authorization = authorization;
            using var response = await http.SendAsync(state);
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"state: {response.StatusCode}");
            times[authorization].Add(sw.Elapsed.TotalMilliseconds);
        }
        Report("a bearer token, session state only", times[bearer]);
        Report("an embed token, session state only", times[embed]);
        var tokens = services.GetRequiredService<Renderer.Host.Security.Embedding.EmbedTokens>();
        for (int i = 0; i < 50; i++) await tokens.ValidateAsync(embed.Parameter!);
        var validation = Stopwatch.StartNew();
        for (int i = 0; i < 1000; i++) await tokens.ValidateAsync(embed.Parameter!);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embed token validation in process: {validation.Elapsed.TotalMilliseconds / 1000:F3} ms each (1000, after 50 warm-up); load {HttpBench.LoadAverage()}"));
    }

    /// <summary>The application's client-credentials token, then an embed token for the report (view only).</summary>
    private static async Task<string> EmbedTokenAsync(HttpClient http, string dataFolder, Guid reportId)
    {
        var secret = DevIdentitySecrets.LoadOrCreate(dataFolder).ApplicationSecrets["bench"];
        var answer = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "bench", ["client_secret"] = secret, ["scope"] = SignInSettings.ApiScope,
        }));
        var appToken = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2.0/EmbedTokens")
        {
            Content = JsonContent.Create(new { reports = new[] { reportId }, identity = new { userName = "customer-1" } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", appToken);
        var issued = await http.SendAsync(request);
        if (!issued.IsSuccessStatusCode) throw new InvalidOperationException($"embed token: {issued.StatusCode} {await issued.Content.ReadAsStringAsync()}");
        return (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Opens a session on the report by id and fetches page 1: the time both took.</summary>
    private static async Task<double> OnePageAsync(HttpClient http, AuthenticationHeaderValue authorization, Guid reportId)
    {
        var sw = Stopwatch.StartNew();
        using var open = new HttpRequestMessage(HttpMethod.Post, "/viewer/api/sessions") { Content = JsonContent.Create(new { reportId }) };
        open.Headers.Authorization = authorization;
        open.Headers.Add("X-Viewer-Request", "1");
        using var opened = await http.SendAsync(open);
        if (opened.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"session: {opened.StatusCode} {await opened.Content.ReadAsStringAsync()}");
        var session = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/viewer/api/sessions/{session}/pages/1");
        get.Headers.Authorization = authorization;
        using var page = await http.SendAsync(get);
        await page.Content.ReadAsByteArrayAsync();
        if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"page 1: {page.StatusCode}");
        return sw.Elapsed.TotalMilliseconds;
    }

    private static double Report(string what, List<double> times)
    {
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(what.Contains("only", StringComparison.Ordinal) ? "viewer API" : "one-page report through the viewer")} with {what}, {times.Count} requests: p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {times[^1]:F1} ms"));
        return P(0.5);
    }
}
