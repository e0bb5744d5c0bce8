using Corpus.Tests;
using Rdl.Model.Reading;
using Rdl.Model.Definitions.Items;
using Renderer.Host.Rendering;

namespace Renderer.Fuzz.Harness;

/// <summary>
/// One report the mutator starts from: its file and bytes, and the subreports found beside it (by report name), which a
/// mutant may change instead of the main report.
/// </summary>
internal sealed record FuzzSeed(string Name, string FullPath, byte[] Bytes, IReadOnlyList<string> Subreports);

/// <summary>The seeds: every report of the shared corpus (<c>../shared/rdl-corpus</c>, from its manifest) and of <c>samples/rdl</c>.</summary>
internal static class FuzzSeeds
{
    public static IReadOnlyList<FuzzSeed> Load()
    {
        var seeds = new List<FuzzSeed>();
        if (CorpusLocation.RepositoryRoot() is { } root)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples", "rdl")).Where(IsRdl).Order(StringComparer.Ordinal))
                seeds.Add(Seed("samples/rdl/" + Path.GetFileName(file), file));
        }
        if (CorpusDirectory() is { } corpus)
        {
            foreach (var entry in CorpusLocation.Entries(corpus))
                seeds.Add(Seed(entry.RelativePath, entry.FullPath));
        }
        return seeds;
    }

    /// <summary>
    /// The shared corpus: <c>FUZZ_CORPUS</c> when set, else <c>shared/rdl-corpus</c> beside the repository or beside any
    /// folder above it (a git worktree sits deeper than the main checkout).
    /// </summary>
    public static string? CorpusDirectory()
    {
        if (Environment.GetEnvironmentVariable("FUZZ_CORPUS") is { Length: > 0 } configured) return configured;
        for (var dir = CorpusLocation.RepositoryRoot() is { } root ? new DirectoryInfo(root) : null; dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "shared", "rdl-corpus");
            if (File.Exists(Path.Combine(corpus, "manifest.tsv"))) return corpus;
        }
        return null;
    }

    private static bool IsRdl(string path) => path.EndsWith(".rdl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".rdlc", StringComparison.OrdinalIgnoreCase);

    private static FuzzSeed Seed(string name, string path)
    {
        var bytes = File.ReadAllBytes(path);
        var subreports = new List<string>();
        var read = RdlReader.Read(bytes, Path.GetFileName(path));
        if (read.Report is { } report)
        {
            var folder = Path.GetDirectoryName(path)!;
            subreports.AddRange(SubreportResolver.SubreportsIn(report)
                .Select(s => SubreportNames.Normalize(s.ReportName))
                .Where(n => n.Length > 0 && File.Exists(Path.Combine(folder, n + ".rdl")))
                .Distinct(StringComparer.OrdinalIgnoreCase));
        }
        return new FuzzSeed(name, path, bytes, subreports);
    }
}
