using System.Text;
using Microsoft.Extensions.Options;
using Renderer.Host.Expressions;
using Renderer.Host.Tests.Catalog;

namespace Renderer.Host.Tests.Expressions;

/// <summary>
/// The in-memory compiled-expression cache is bounded (Compiler:Cache: MaxEntries, MaxBytes, MaxAge; least recently used
/// out first) and keyed by report version: before issue 13 it kept every compiled report for the life of the process.
/// </summary>
public sealed class CompilationCacheBoundsTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "expr-cache-bounds", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static byte[] Rdl(int version) => Encoding.UTF8.GetBytes($"<Report><!-- version {version} --></Report>");

    private static ExpressionCompilation Compile(CompilationCache cache, int version) =>
        cache.GetOrCompile(Rdl(version), TestReports.WithExpressions($"=Fields!A.Value + {version}"), TestReports.FileName);

    [Test]
    public void Compiling_more_reports_than_the_limit_keeps_the_count_bounded_and_evicts_the_oldest()
    {
        var cache = new CompilationCache(_folder, options: new CompilationCacheOptions { MaxEntries = 3 });

        for (var version = 1; version <= 5; version++) Assert.That(Compile(cache, version).Success, Is.True);

        Assert.That(cache.MemoryCount, Is.EqualTo(3));
        Assert.That(cache.Evictions, Is.EqualTo(2));
        Assert.That(cache.MemoryKeys, Is.EqualTo(new[] { 5, 4, 3 }.Select(v => CompilationCache.ComputeKey(Rdl(v)))), "the two oldest went first");

        // A used entry becomes the newest; the oldest one then goes, and an evicted report comes back from disk.
        Compile(cache, 3);
        Compile(cache, 1);
        Assert.That(cache.MemoryKeys, Is.EqualTo(new[] { 1, 3, 5 }.Select(v => CompilationCache.ComputeKey(Rdl(v)))));
        Assert.That(cache.CompileCount, Is.EqualTo(5), "an evicted report is read back from the disk cache, not compiled again");
        Assert.That(cache.DiskLoadCount, Is.EqualTo(1));
    }

    [Test]
    public void The_bytes_bound_keeps_only_what_fits()
    {
        var probe = new CompilationCache(_folder);
        var size = CompiledAssemblyCache.SizeOf(Compile(probe, 1));
        var cache = new CompilationCache(_folder, options: new CompilationCacheOptions { MaxBytes = (size * 2) + (size / 2) });

        for (var version = 1; version <= 4; version++) Compile(cache, version);

        Assert.That(cache.MemoryCount, Is.EqualTo(2));
        Assert.That(cache.MemoryBytes, Is.LessThanOrEqualTo((size * 2) + (size / 2)));
    }

    [Test]
    public void An_entry_unused_for_the_maximum_age_is_dropped()
    {
        var clock = new ManualClock();
        var cache = new CompilationCache(_folder, options: new CompilationCacheOptions { MaxAge = TimeSpan.FromMinutes(10) }, time: clock);
        Compile(cache, 1);
        Compile(cache, 2);
        clock.Advance(TimeSpan.FromMinutes(6));
        Compile(cache, 2);
        clock.Advance(TimeSpan.FromMinutes(6));

        Compile(cache, 3);

        Assert.That(cache.MemoryKeys, Is.EqualTo(new[] { 3, 2 }.Select(v => CompilationCache.ComputeKey(Rdl(v)))), "version 1 was last used 12 minutes ago, version 2 six");
        Assert.That(cache.Evictions, Is.EqualTo(1));
    }

    [Test]
    public void A_new_version_of_a_report_is_compiled_anew_and_the_old_one_is_still_served()
    {
        var cache = new CompilationCache(_folder);
        var v1 = cache.GetOrCompile(Rdl(1), TestReports.WithExpressions("=1"), TestReports.FileName);

        var v2 = cache.GetOrCompile(Rdl(2), TestReports.WithExpressions("=1", "=2"), TestReports.FileName);
        var v1Again = cache.GetOrCompile(Rdl(1), TestReports.WithExpressions("=1"), TestReports.FileName);

        Assert.That(cache.CompileCount, Is.EqualTo(2));
        Assert.That(v2.ExpressionCount, Is.EqualTo(2));
        Assert.That(v2.AssemblyImage, Is.Not.EqualTo(v1.AssemblyImage));
        Assert.That(v1Again.AssemblyImage, Is.SameAs(v1.AssemblyImage));
    }

    private string[] DiskKeys() =>
        [.. Directory.GetFiles(_folder, "*.dll").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    private static string[] KeysOf(params int[] versions) =>
        [.. versions.Select(v => CompilationCache.ComputeKey(Rdl(v))).Order(StringComparer.Ordinal)];

    [Test]
    public void Filling_the_disk_cache_past_its_size_deletes_the_least_recently_used_files()
    {
        var size = CompiledAssemblyCache.SizeOf(Compile(new CompilationCache(Path.Combine(_folder, "probe")), 1));
        var clock = new ManualClock();
        var options = new CompilationCacheOptions { DiskMaxBytes = (size * 3) + (size / 2) };
        var cache = new CompilationCache(_folder, options: options, time: clock);
        for (var version = 1; version <= 3; version++)
        {
            Compile(cache, version);
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        // Version 1 is read back from disk by a fresh process (its memory is empty): it becomes the most recently used file.
        Assert.That(Compile(new CompilationCache(_folder, options: options, time: clock), 1).Success, Is.True);
        clock.Advance(TimeSpan.FromMinutes(1));

        Compile(cache, 4);

        Assert.That(DiskKeys(), Is.EqualTo(KeysOf(1, 3, 4)), "version 2, the least recently used, was deleted");
        Assert.That(cache.DiskEvictions, Is.EqualTo(1));
        var restarted = new CompilationCache(_folder, options: options, time: clock);
        Assert.That(Compile(restarted, 3).Success, Is.True);
        Assert.That(restarted.DiskLoadCount, Is.EqualTo(1), "a kept file is still a hit");
        Assert.That(restarted.CompileCount, Is.Zero);
        Assert.That(Compile(restarted, 2).Success, Is.True, "a deleted file is compiled again");
        Assert.That(restarted.CompileCount, Is.EqualTo(1));
    }

    [Test]
    public void A_disk_file_unused_for_the_maximum_age_is_deleted()
    {
        var clock = new ManualClock();
        var options = new CompilationCacheOptions { DiskMaxAge = TimeSpan.FromDays(30) };
        var cache = new CompilationCache(_folder, options: options, time: clock);
        Compile(cache, 1);
        Compile(cache, 2);
        clock.Advance(TimeSpan.FromDays(20));
        Compile(new CompilationCache(_folder, options: options, time: clock), 2);
        clock.Advance(TimeSpan.FromDays(11));

        Compile(cache, 3);

        Assert.That(DiskKeys(), Is.EqualTo(KeysOf(2, 3)), "version 1 was last used 31 days ago, version 2 eleven");
    }

    [Test]
    public void A_report_busy_in_memory_keeps_its_disk_file_recent()
    {
        var clock = new ManualClock();
        var options = new CompilationCacheOptions { DiskMaxAge = TimeSpan.FromDays(1), MaxAge = TimeSpan.FromDays(10) };
        var cache = new CompilationCache(_folder, options: options, time: clock);
        Compile(cache, 1);
        for (var hour = 0; hour < 30; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            Compile(cache, 1);
        }

        Compile(cache, 2);

        Assert.That(DiskKeys(), Is.EqualTo(KeysOf(1, 2)), "hits in memory mark the file as used");
        Assert.That(cache.CompileCount, Is.EqualTo(2));
    }

    [TestCase("MaxEntries", "0")]
    [TestCase("DiskMaxBytes", "1000")]
    [TestCase("DiskMaxAge", "00:00:10")]
    [TestCase("MaxBytes", "1000")]
    [TestCase("MaxAge", "-00:05:00")]
    public void A_bad_bound_stops_the_server_at_start_naming_the_setting(string setting, string value)
    {
        var folder = Path.Combine(_folder, "data");
        Directory.CreateDirectory(folder);
        using var server = new CatalogServer(folder, "sqlite", null, new Dictionary<string, string> { [$"Compiler:Cache:{setting}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => server.CreateClient());

        Assert.That(error!.Message, Does.Contain($"Compiler:Cache:{setting}"));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
