using System.Text;
using Renderer.Host.Expressions;

namespace Renderer.Host.Tests.Expressions;

public sealed class CompilationCacheTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "expr-cache-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static byte[] Rdl(string marker) => Encoding.UTF8.GetBytes($"<Report><!-- {marker} --></Report>");

    [Test]
    public void Second_request_is_served_from_memory_without_compiling()
    {
        var cache = new CompilationCache(_folder);
        var report = TestReports.WithExpressions("=1+2", "=Sum(Fields!A.Value)");

        var first = cache.GetOrCompile(Rdl("a"), report, TestReports.FileName);
        var second = cache.GetOrCompile(Rdl("a"), report, TestReports.FileName);

        Assert.That(first.Success, Is.True);
        Assert.That(cache.CompileCount, Is.EqualTo(1));
        Assert.That(second.AssemblyImage, Is.SameAs(first.AssemblyImage));
        Assert.That(second.ExpressionCount, Is.EqualTo(2));
    }

    [Test]
    public void A_new_cache_over_the_same_folder_loads_the_image_from_disk()
    {
        var report = TestReports.WithExpressions("=1+2");
        var first = new CompilationCache(_folder).GetOrCompile(Rdl("b"), report, TestReports.FileName);

        var cache = new CompilationCache(_folder);
        var loaded = cache.GetOrCompile(Rdl("b"), report, TestReports.FileName);

        Assert.That(cache.CompileCount, Is.Zero);
        Assert.That(cache.DiskLoadCount, Is.EqualTo(1));
        Assert.That(loaded.Success, Is.True);
        Assert.That(loaded.AssemblyImage, Is.EqualTo(first.AssemblyImage));
        Assert.That(loaded.ExpressionCount, Is.EqualTo(1));
        Assert.That(Directory.GetFiles(_folder), Has.Length.EqualTo(1).And.All.EndsWith(".dll"));
    }

    [Test]
    public void Different_rdl_bytes_compile_separately()
    {
        var cache = new CompilationCache(_folder);

        cache.GetOrCompile(Rdl("c"), TestReports.WithExpressions("=1"), TestReports.FileName);
        cache.GetOrCompile(Rdl("d"), TestReports.WithExpressions("=2"), TestReports.FileName);

        Assert.That(cache.CompileCount, Is.EqualTo(2));
        Assert.That(CompilationCache.ComputeKey(Rdl("c")), Is.Not.EqualTo(CompilationCache.ComputeKey(Rdl("d"))));
    }

    [Test]
    public void A_failed_compilation_is_not_cached()
    {
        var cache = new CompilationCache(_folder);
        var broken = TestReports.WithExpressions("=Foo(1)");

        var first = cache.GetOrCompile(Rdl("e"), broken, TestReports.FileName);
        var second = cache.GetOrCompile(Rdl("e"), broken, "Renamed.rdl");

        Assert.That(first.Success, Is.False);
        Assert.That(cache.CompileCount, Is.EqualTo(2));
        Assert.That(second.Diagnostics[0].Location.File, Is.EqualTo("Renamed.rdl"));
        Assert.That(Directory.Exists(_folder) ? Directory.GetFiles(_folder) : [], Is.Empty);
    }

    [Test]
    public void A_damaged_cache_file_is_recompiled()
    {
        var report = TestReports.WithExpressions("=1");
        var key = CompilationCache.ComputeKey(Rdl("f"));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, key + ".dll"), "garbage");

        var cache = new CompilationCache(_folder);
        var result = cache.GetOrCompile(Rdl("f"), report, TestReports.FileName);

        Assert.That(result.Success, Is.True);
        Assert.That(cache.CompileCount, Is.EqualTo(1));
        Assert.That(File.ReadAllBytes(Path.Combine(_folder, key + ".dll")), Is.EqualTo(result.AssemblyImage));
    }
}
