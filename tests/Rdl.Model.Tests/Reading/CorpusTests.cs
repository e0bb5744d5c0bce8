using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;

namespace Rdl.Model.Tests.Reading;

/// <summary>Reads every real-world RDL of the shared corpus and the benchmark report: none may produce an error.</summary>
public sealed class CorpusTests
{
    private const string AbsoluteCorpus = "/work/shared/rdl-corpus";
    private const string AbsoluteBenchReport = "/work/shared/bench/sales.rdlc";

    [Test]
    public void EveryCorpusReportReadsWithoutErrors()
    {
        var folder = FindShared("rdl-corpus", AbsoluteCorpus, Directory.Exists);
        if (folder is null) Assert.Ignore($"The RDL corpus folder was not found (looked near the test assembly and at {AbsoluteCorpus}).");
        var files = Directory.EnumerateFiles(folder!, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".rdl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".rdlc", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(files, Is.Not.Empty, "the corpus folder holds no .rdl/.rdlc files");

        var failures = ReadAll(files, folder!);
        Assert.That(failures, Is.Empty, "reports with error diagnostics");
    }

    [Test]
    public void BenchmarkReportReadsWithoutErrors()
    {
        var file = FindShared(Path.Combine("bench", "sales.rdlc"), AbsoluteBenchReport, File.Exists);
        if (file is null) Assert.Ignore($"The benchmark report was not found (looked near the test assembly and at {AbsoluteBenchReport}).");

        var failures = ReadAll([file!], Path.GetDirectoryName(file!)!);

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void RepositorySampleReportsReadWithoutErrors()
    {
        var samples = FindRepositoryFolder(Path.Combine("samples", "rdl"));
        if (samples is null) Assert.Ignore("The repository's samples/rdl folder was not found above the test assembly.");
        var files = Directory.EnumerateFiles(samples!).Where(f => f.EndsWith(".rdl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".rdlc", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();

        var failures = ReadAll(files, samples!);

        Assert.That(failures, Is.Empty);
    }

    private static string? FindRepositoryFolder(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Renderer.sln")) && Directory.Exists(Path.Combine(dir.FullName, relative)))
                return Path.Combine(dir.FullName, relative);
        }
        return null;
    }

    private static List<string> ReadAll(IEnumerable<string> files, string root)
    {
        var failures = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(root, file);
            var result = RdlReader.Read(File.ReadAllBytes(file), Path.GetFileName(file));
            var warnings = result.Diagnostics.Where(d => !d.IsError).ToList();
            TestContext.Out.WriteLine($"{name}: {(result.Success ? "ok" : "FAILED")}, {warnings.Count} warning(s)");
            foreach (var diagnostic in result.Diagnostics) TestContext.Out.WriteLine("    " + diagnostic);
            if (!result.Success)
            {
                var errors = result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString());
                failures.Add($"{name}: {string.Join(" | ", errors.DefaultIfEmpty("no report"))}");
            }
        }
        return failures;
    }

    /// <summary>Looks for <paramref name="relative"/> under a 'shared' folder next to an ancestor of the test assembly, else the absolute fallback.</summary>
    private static string? FindShared(string relative, string absolute, Func<string, bool> exists)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (exists(candidate)) return candidate;
        }
        return exists(absolute) ? absolute : null;
    }
}
