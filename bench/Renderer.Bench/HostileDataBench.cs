using Renderer.Host.Cli;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Rdl.Model.Reading;
using Renderer.Host.Catalog;
using Renderer.Host.Rendering;

namespace Renderer.Bench;

/// <summary>
/// Issue 12, findings 2 and 3 (usage: <c>--hostile-data xml</c> or <c>--hostile-data values</c>).
/// <c>xml</c>: how long <see cref="RdlReader"/> takes to refuse 10,000 nested rectangles (1.3 MB), and to read the
/// largest corpus report (what the limits pass costs a real upload). <c>values</c>: four renders at once of a report whose
/// query asks SQLite for a 300-million-character value, through the whole host (broker, prefetch, sandbox): the host's
/// resident memory before, at its peak (sampled every 10 ms) and after a full collection, and each render's outcome.
/// </summary>
internal static class HostileDataBench
{
    private const string CorpusFile = "/work/shared/rdl-corpus/ms-bcapps/AgedAccountsReceivable.rdlc";

    public static async Task RunAsync(string[] args)
    {
        var mode = args.SkipWhile(a => a != "--hostile-data").Skip(1).FirstOrDefault() ?? "xml";
        Console.WriteLine($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        if (mode == "xml") Xml(args);
        else await ValuesAsync();
    }

    private static void Xml(string[] args)
    {
        var runs = args.Contains("--runs") ? int.Parse(args[Array.IndexOf(args, "--runs") + 1], CultureInfo.InvariantCulture) : 5;
        var deep = Deep(10_000);
        Console.WriteLine($"10,000 nested rectangles, {deep.Length / 1024.0 / 1024:F2} MB");
        var times = new List<double>();
        string outcome = "";
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = RdlReader.Read(deep, "Deep.rdl");
            times.Add(watch.Elapsed.TotalMilliseconds);
            outcome = string.Join("; ", result.Diagnostics.Select(d => $"{d.Code} line {d.Location.Line}: {d.Message}"));
        }
        Console.WriteLine($"refused in median {Median(times):F1} ms, min {times.Min():F1} ms over {runs} runs: {outcome}");

        var corpus = File.ReadAllBytes(CorpusFile);
        RdlReader.Read(corpus, "warm.rdlc");
        times.Clear();
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = RdlReader.Read(corpus, Path.GetFileName(CorpusFile));
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (result.Report is null) throw new InvalidOperationException("the corpus report was not read");
        }
        Console.WriteLine($"{Path.GetFileName(CorpusFile)} ({corpus.Length / 1024} KB, 5,484 elements) read in median {Median(times):F2} ms, min {times.Min():F2} ms over 30 runs");
    }

    private static async Task ValuesAsync()
    {
        var folder = Directory.CreateTempSubdirectory("bench-hostile-").FullName;
        try
        {
            var database = Path.Combine(folder, "values.db");
            using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1);";
                command.ExecuteNonQuery();
            }

            var builder = WebApplication.CreateBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataBroker:DataSources:HugeDb:Provider"] = "sqlite",
                ["DataBroker:DataSources:HugeDb:ConnectionString"] = $"Data Source={database}",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Sandbox:TimeoutSeconds"] = "120",
                ["DataFolder"] = folder,
            });
            builder.AddRendererHost(HostMode.Render);
            await using var app = builder.Build();
            var catalog = new CatalogReports(queries: null, app.Services.GetRequiredService<Renderer.Host.Expressions.CompilationCache>());
            var renderer = app.Services.GetRequiredService<RenderService>();
            var small = await catalog.ValidateAsync(Report("SELECT x AS Note FROM t"), "Small.rdl");
            var huge = await catalog.ValidateAsync(Report("SELECT printf('%.*c', 300000000, 'x') AS Note"), "Huge.rdl");
            if (!small.Success || !huge.Success) throw new InvalidOperationException(string.Join("; ", small.Diagnostics.Concat(huge.Diagnostics)));

            for (var i = 0; i < 2; i++) await renderer.RenderAsync(small.Entry!, "csv", [], "bench", CancellationToken.None);
            Collect();
            var before = Rss();
            long peak = before;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Rss());
                    await Task.Delay(10);
                }
            });
            var watch = Stopwatch.StartNew();
            var renders = Enumerable.Range(0, 4).Select(async _ =>
            {
                var result = await renderer.RenderAsync(huge.Entry!, "csv", [], "bench", CancellationToken.None);
                return (watch.Elapsed.TotalSeconds, result);
            }).ToList();
            var results = await Task.WhenAll(renders);
            stop.Cancel();
            await sampler;
            Collect();
            var after = Rss();
            Console.WriteLine($"host RSS before {before / 1048576.0:F0} MB, peak {peak / 1048576.0:F0} MB (+{(peak - before) / 1048576.0:F0}), after a full collection {after / 1048576.0:F0} MB (+{(after - before) / 1048576.0:F0})");
            foreach (var (seconds, result) in results)
            {
                var error = result.Diagnostics.FirstOrDefault(d => d.IsError);
                Console.WriteLine($"  ended after {seconds:F2} s: {(result.Success ? "success" : $"{error?.Code}: {error?.Message}")}");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static byte[] Deep(int depth)
    {
        var builder = new StringBuilder("<Report xmlns=\"http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition\"><ReportSections><ReportSection><Body><ReportItems>");
        for (var i = 0; i < depth; i++) builder.Append("\n<Rectangle Name=\"R").Append(i).Append("\"><ReportItems>");
        for (var i = 0; i < depth; i++) builder.Append("</ReportItems></Rectangle>");
        return Encoding.UTF8.GetBytes(builder.Append("</ReportItems></Body></ReportSection></ReportSections></Report>").ToString());
    }

    private static byte[] Report(string sql) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="HugeDb"><DataSourceReference>HugeDb</DataSourceReference></DataSource></DataSources>
          <DataSets><DataSet Name="Data">
            <Query><DataSourceName>HugeDb</DataSourceName><CommandText>{sql}</CommandText></Query>
            <Fields><Field Name="Note"><DataField>Note</DataField></Field></Fields>
          </DataSet></DataSets>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="T"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Len(First(Fields!Note.Value, "Data"))</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width></Textbox>
            </ReportItems><Height>3cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """);

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private static long Rss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
