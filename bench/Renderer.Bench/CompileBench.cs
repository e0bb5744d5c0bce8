using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Rdl.Model.Reading;
using Renderer.Host.Api;
using Renderer.Host.Expressions;
using Renderer.Host.Expressions.Wasm;
using Renderer.Host.Expressions.Worker;

namespace Renderer.Bench;

/// <summary>
/// The issue-12 compile bars. (1) Compile time of each sample report (samples/rdl, except the one needing WebAssembly
/// modules) in this process (ExpressionCompiler.Compile, as before the compile worker) and in a warm compile worker
/// (CompileWorkerPool, as now), interleaved run by run so machine load hits both alike; medians per report.
/// (2) Ten different compile bombs uploaded at once to the real host while one client keeps asking GET /api/reports:
/// that client's latency (p50, p99, max) and the host process's resident memory (baseline, peak, growth).
/// Usage: dotnet run -c Release --project bench/Renderer.Bench -- --compile [--runs 15] [--cpu 5]
/// </summary>
internal static class CompileBench
{
    public static async Task RunAsync(string[] args, string root)
    {
        int runs = 15, cpu = 5;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--cpu": cpu = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            }
        }
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load {File.ReadAllText("/proc/loadavg").Trim()}");
        await CompileTimesAsync(Path.Combine(root, "samples", "rdl"), runs);
        await TenBadUploadsAsync(cpu);
    }

    private static async Task CompileTimesAsync(string samples, int runs)
    {
        var reports = Directory.EnumerateFiles(samples).Where(f => f.EndsWith(".rdl", StringComparison.Ordinal) || f.EndsWith(".rdlc", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).StartsWith("Wasm", StringComparison.Ordinal)).Order()
            .Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
        using var pool = new CompileWorkerPool(new CompileWorkerOptions { MaxConcurrent = 1 });
        var inProcess = reports.ToDictionary(r => r.Name, _ => new List<double>());
        var inWorker = reports.ToDictionary(r => r.Name, _ => new List<double>());
        for (var run = -2; run < runs; run++) // two warm-up rounds
        {
            foreach (var (name, bytes) in reports)
            {
                var sw = Stopwatch.StartNew();
                var report = RdlReader.Read(bytes, name).Report!;
                var local = ExpressionCompiler.Compile(report, name);
                var localMs = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var remote = await pool.CompileAsync(bytes, name, WasmModuleSet.Empty, local.ExpressionCount);
                var remoteMs = sw.Elapsed.TotalMilliseconds;
                if (!local.Success || !remote.Success) throw new InvalidOperationException($"{name} did not compile: {string.Join("; ", remote.Diagnostics)}");
                if (run < 0) continue;
                inProcess[name].Add(localMs);
                inWorker[name].Add(remoteMs);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Compile time per sample report, median of {runs} interleaved runs (read + compile in process | compile in the warm worker):");
        Console.WriteLine("| report | in process (ms) | compile worker (ms) | change |");
        Console.WriteLine("|---|---:|---:|---:|");
        double sumLocal = 0, sumWorker = 0;
        foreach (var (name, _) in reports)
        {
            var local = Median(inProcess[name]);
            var worker = Median(inWorker[name]);
            sumLocal += local;
            sumWorker += worker;
            Console.WriteLine($"| {name} | {local:F1} | {worker:F1} | {(worker / local - 1) * 100:+0;-0} % |");
        }
        Console.WriteLine($"| **all {reports.Count}** | {sumLocal:F1} | {sumWorker:F1} | {(sumWorker / sumLocal - 1) * 100:+0;-0} % |");
    }

    private static async Task TenBadUploadsAsync(int cpu)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "renderer-compile-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataFolder"] = dataFolder,
                ["Logging:LogLevel:Default"] = "Error",
                ["CompileWorker:CpuSeconds"] = cpu.ToString(CultureInfo.InvariantCulture),
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.AddRendererHost();
            await using var app = builder.Build();
            app.MapReportsApi();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
            for (var i = 0; i < 20; i++) (await http.GetAsync("/api/reports")).EnsureSuccessStatusCode();
            await Task.Delay(2000); // the warm worker and the samples' compiles settle
            GC.Collect();
            var baseline = ResidentBytes();

            using var done = new CancellationTokenSource();
            var latencies = new List<double>();
            var peak = baseline;
            var probe = Task.Run(async () =>
            {
                while (!done.IsCancellationRequested)
                {
                    var sw = Stopwatch.StartNew();
                    (await http.GetAsync("/api/reports")).EnsureSuccessStatusCode();
                    latencies.Add(sw.Elapsed.TotalMilliseconds);
                    peak = Math.Max(peak, ResidentBytes());
                    await Task.Delay(50);
                }
            });
            var wall = Stopwatch.StartNew();
            var uploads = Enumerable.Range(0, 10).Select(async i =>
            {
                var sw = Stopwatch.StartNew();
                var response = await http.PostAsync($"/api/reports?name=Bomb{i}", new StringContent(Bomb(i), Encoding.UTF8, "application/xml"));
                var body = await response.Content.ReadAsStringAsync();
                return (i, response.StatusCode, Seconds: sw.Elapsed.TotalSeconds, Refused: body.Contains(Rdl.Model.Diagnostics.DiagnosticCodes.Expressions.CompileOverBudget, StringComparison.Ordinal), Body: body);
            }).ToList();
            var results = await Task.WhenAll(uploads);
            var allDone = wall.Elapsed.TotalSeconds;
            await Task.Delay(500);
            await done.CancelAsync();
            await probe;
            var sorted = latencies.Order().ToList();
            Console.WriteLine();
            Console.WriteLine($"Ten different compile bombs uploaded at once (5 nested-lambda, 5 doubling-constant; CompileWorker:CpuSeconds {cpu}, other limits default):");
            foreach (var r in results)
                Console.WriteLine($"  Bomb{r.i}: {(int)r.StatusCode} after {r.Seconds:F1} s, {Rdl.Model.Diagnostics.DiagnosticCodes.Expressions.CompileOverBudget} {(r.Refused ? "yes" : "NO: " + r.Body[..Math.Min(300, r.Body.Length)])}");
            Console.WriteLine($"  all answered after {allDone:F1} s");
            Console.WriteLine($"  GET /api/reports meanwhile: {sorted.Count} requests, p50 {Percentile(sorted, 0.5):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted[^1]:F1} ms");
            Console.WriteLine($"  host RSS: baseline {baseline / 1048576.0:F0} MB, peak {peak / 1048576.0:F0} MB, growth {(peak - baseline) / 1048576.0:F0} MB");
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

    /// <summary>Bomb i: nested lambdas (even i) or doubling string constants (odd i), each with different content.</summary>
    private static string Bomb(int i)
    {
        string code, value;
        if (i % 2 == 0)
        {
            value = "a1+a2+a3+a4+a5+a6+a7";
            for (var d = 7; d >= 1; d--) value = $"System.Linq.Enumerable.Sum(New Integer(){{{i}}}, Function(a{d}) {value})";
            value = "=" + value;
            code = string.Empty;
        }
        else
        {
            var lines = new List<string> { $"Const A0 As String = \"bomb{i:D2}-0123456789\"" };
            for (var n = 1; n <= 25; n++) lines.Add($"Const A{n} As String = A{n - 1} &amp; A{n - 1}");
            lines.Add("Public Function Attack() As Integer\n    Return A25.Length\nEnd Function");
            code = "<Code>\n" + string.Join("\n", lines) + "\n</Code>";
            value = "=Code.Attack()";
        }
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
            {code}
              <ReportSections><ReportSection>
                <Body><ReportItems>
                  <Textbox Name="Attack"><Paragraphs><Paragraph><TextRuns><TextRun><Value>{value}</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                  <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width></Textbox>
                </ReportItems><Height>3cm</Height></Body>
                <Width>10cm</Width>
                <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
              </ReportSection></ReportSections>
            </Report>
            """;
    }

    private static long ResidentBytes() => long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;

    private static double Median(List<double> values) => Percentile(values.Order().ToList(), 0.5);

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
