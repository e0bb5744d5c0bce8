using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;

namespace Renderer.Bench;

/// <summary>
/// Issue 13's bounded compile cache: the managed memory a <see cref="CompilationCache"/> holds after N distinct reports
/// (N versions of samples/rdl/Sales.rdl, each differing by a trailing XML comment, so each has its own cache key) were
/// asked of it, unbounded (what the cache did before issue 13: every compiled report kept for the life of the process)
/// and with the default Compiler:Cache bounds, interleaved round by round. The report is compiled once; the other
/// versions' disk-cache files are copies of its image (their expressions are the same), so both caches load every
/// version from disk as a server does after a restart, and the figure is what the memory cache keeps.
/// Usage: dotnet run -c Release --project bench/Renderer.Bench -- --compile-cache [--reports 2000] [--rounds 3]
/// </summary>
internal static class CompileCacheBench
{
    public static void Run(string[] args, string root)
    {
        int reports = 2000, rounds = 3;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--reports": reports = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            }
        }
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load {File.ReadAllText("/proc/loadavg").Trim()}");
        var folder = Path.Combine(Path.GetTempPath(), "compile-cache-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var original = File.ReadAllBytes(Path.Combine(root, "samples", "rdl", "Sales.rdl"));
            var report = RdlReader.Read(original, "Sales.rdl").Report ?? throw new InvalidOperationException("Sales.rdl does not read.");
            var compiled = new CompilationCache(folder, options: CompilationCacheOptions.Unbounded).GetOrCompile(original, report, "Sales.rdl");
            if (!compiled.Success) throw new InvalidOperationException("Sales.rdl does not compile: " + string.Join("; ", compiled.Diagnostics));
            var image = Path.Combine(folder, CompilationCache.ComputeKey(original) + ".dll");
            var versions = new List<byte[]>(reports);
            for (int i = 0; i < reports; i++)
            {
                var bytes = original.Concat(Encoding.UTF8.GetBytes($"\n<!-- version {i} -->\n")).ToArray();
                File.Copy(image, Path.Combine(folder, CompilationCache.ComputeKey(bytes) + ".dll"), overwrite: true);
                versions.Add(bytes);
            }
            Console.WriteLine($"{reports} versions of Sales.rdl, image {compiled.AssemblyImage.Length:N0} bytes each; managed heap held by the cache after asking for all of them:");
            Console.WriteLine("| round | cache | entries held | image bytes held | managed heap held | time |");
            Console.WriteLine("|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++)
            {
                foreach (var (name, options) in new[] { ("unbounded (before)", CompilationCacheOptions.Unbounded), ("bounded, defaults (after)", new CompilationCacheOptions()) })
                {
                    var (entries, bytes, held, seconds) = Measure(folder, options, versions, report);
                    Console.WriteLine($"| {round} | {name} | {entries:N0} | {bytes / 1048576.0:F1} MB | {held / 1048576.0:F1} MB | {seconds:F1} s |");
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// One cache asked for every version; the heap it holds is measured while it is alive, in a method of its own so
    /// nothing of an earlier cache is still reachable from this frame when the baseline is taken.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (int Entries, long Bytes, long Held, double Seconds) Measure(string folder, CompilationCacheOptions options, List<byte[]> versions, Rdl.Model.Definitions.ReportDefinition report)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var cache = new CompilationCache(folder, options: options);
        foreach (var version in versions) cache.GetOrCompile(version, report, "Sales.rdl");
        watch.Stop();
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        var result = (cache.MemoryCount, cache.MemoryBytes, held, watch.Elapsed.TotalSeconds);
        GC.KeepAlive(cache);
        return result;
    }
}
