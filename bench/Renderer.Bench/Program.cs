using Renderer.Host.Cli;
using System.Diagnostics;
using System.Globalization;
using Renderer.Host.Catalog;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;

// Renders ../shared/bench/sales.rdlc from sales_N.csv through the whole pipeline (compile cache, fresh sandbox
// process, broker streaming the CSV rows), N times per size and format, and prints median wall time, the sandbox's
// peak resident memory (VmHWM) and the page count.
// Usage: dotnet run -c Release --project bench/Renderer.Bench -- [--sizes 1000,10000,100000] [--runs 5] [--formats pdf,xlsx] [--pool 1]
// With --pool N: renders as the server does, taking a pre-started, warmed-up sandbox from the single-use pool (each
// timed render starts once a warm process waits, as on a server with idle capacity); without it, as the CLI does, each
// render starts its sandbox process cold.
// With --http: the HTTP API bar of issue 6 instead (see HttpBench).
// With --hostile-data xml|values: issue 12's deep-XML and huge-value measurements (see HostileDataBench).
if (args.Contains("--hostile-data"))
{
    await Renderer.Bench.HostileDataBench.RunAsync(args);
    return;
}
// With --viewer: issue 15's viewer bars (see ViewerBench).
if (args.Contains("--viewer"))
{
    await Renderer.Bench.ViewerBench.RunAsync(args, FindRoot());
    return;
}
// With --embed: issue 18's embed token bar (see EmbedBench).
if (args.Contains("--embed"))
{
    await Renderer.Bench.EmbedBench.RunAsync(args);
    return;
}
// With --subscriptions: issue 16's subscription bars (see SubscriptionBench).
if (args.Contains("--subscriptions"))
{
    await Renderer.Bench.SubscriptionBench.RunAsync(args);
    return;
}
// With --rls: issue 18's row-level security bar (see RlsBench).
if (args.Contains("--rls"))
{
    await Renderer.Bench.RlsBench.RunAsync(args);
    return;
}
if (args.Contains("--http"))
{
    await Renderer.Bench.HttpBench.RunAsync(args);
    return;
}
// With --compile-cache: issue 13's bounded compile cache, memory held after N distinct reports (see CompileCacheBench).
if (args.Contains("--compile-cache"))
{
    Renderer.Bench.CompileCacheBench.Run(args, FindRoot());
    return;
}
// With --compile: the compile-worker bars of issue 12 instead (see CompileBench).
if (args.Contains("--compile"))
{
    await Renderer.Bench.CompileBench.RunAsync(args, FindRoot());
    return;
}

var sizes = new[] { 1000, 10000, 100000 };
var formats = new[] { "pdf", "xlsx" };
int runs = 5;
int pool = 0;
string shared = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "bench"));
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--sizes": sizes = args[++i].Split(',').Select(int.Parse).ToArray(); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--formats": formats = args[++i].Split(','); break;
        case "--data": shared = Path.GetFullPath(args[++i]); break;
        case "--pool": pool = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
    }
}

var rdl = await File.ReadAllBytesAsync(Path.Combine(shared, "sales.rdlc"));
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; runs per cell: {runs}; sandbox: {(pool > 0 ? $"pool of {pool}, warmed up" : "cold process per render")}");
Console.WriteLine("| rows | format | median wall (s) | min (s) | sandbox peak RSS (MB) | pages | output (KB) |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
foreach (var size in sizes)
{
    var csv = Path.Combine(shared, $"sales_{size}.csv");
    var builder = WebApplication.CreateBuilder();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["DataBroker:DataSources:LocalSource:Provider"] = "csv",
        ["DataBroker:DataSources:LocalSource:ConnectionString"] = csv,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Sandbox:PoolSize"] = pool.ToString(CultureInfo.InvariantCulture),
        ["Sandbox:PoolWarmUpFormats"] = string.Join(",", formats),
    });
    builder.AddRendererHost(HostMode.Render);
    if (pool > 0) builder.Services.AddSandboxPool();
    await using var app = builder.Build();
    if (pool > 0) await app.Services.GetRequiredService<SandboxPool>().StartAsync(CancellationToken.None);
    var entry = await new CatalogReports(queries: null, app.Services.GetRequiredService<Renderer.Host.Expressions.CompilationCache>()).ValidateAsync(rdl, "sales.rdlc");
    if (!entry.Success) throw new InvalidOperationException(string.Join("; ", entry.Diagnostics));
    var renderer = app.Services.GetRequiredService<RenderService>();
    foreach (var format in formats)
    {
        var times = new List<double>();
        long peak = 0;
        int pages = 0, bytes = 0;
        for (int r = 0; r < runs; r++)
        {
            if (pool > 0) await WaitForWarmSandboxAsync(app.Services.GetRequiredService<SandboxPool>());
            var sw = Stopwatch.StartNew();
            var result = await renderer.RenderAsync(entry.Entry!, format, [], "bench", CancellationToken.None);
            sw.Stop();
            if (!result.Success) throw new InvalidOperationException(result.Describe());
            times.Add(sw.Elapsed.TotalSeconds);
            peak = Math.Max(peak, result.PeakMemoryBytes);
            pages = result.PageCount;
            bytes = result.Content.Length;
        }
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {format} | {median:F3} | {times[0]:F3} | {peak / 1048576.0:F0} | {pages} | {bytes / 1024.0:F0} |"));
    }
}

static async Task WaitForWarmSandboxAsync(SandboxPool sandboxes)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (sandboxes.ReadyCount == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
    await Task.Delay(200); // let a refill that just finished settle, so it does not share the CPU with the render
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Renderer.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
