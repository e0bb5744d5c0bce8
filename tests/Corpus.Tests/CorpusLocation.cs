namespace Corpus.Tests;

/// <summary>
/// Finds the repository root (the folder holding Renderer.sln, walking up from the test binaries) and the shared
/// RDL corpus beside it (<c>../shared/rdl-corpus</c>), and lists the corpus files from its <c>manifest.tsv</c>.
/// </summary>
internal static class CorpusLocation
{
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Renderer.sln"))) return dir.FullName;
        }
        return null;
    }

    public static string? CorpusDirectory()
    {
        if (RepositoryRoot() is not { } root) return null;
        var corpus = Path.GetFullPath(Path.Combine(root, "..", "shared", "rdl-corpus"));
        return File.Exists(Path.Combine(corpus, "manifest.tsv")) ? corpus : null;
    }

    /// <summary>The manifest's entries (local path and namespace year), in manifest order; only files that exist.</summary>
    public static IReadOnlyList<CorpusEntry> Entries(string corpus)
    {
        var lines = File.ReadAllLines(Path.Combine(corpus, "manifest.tsv"));
        if (lines.Length == 0) return [];
        var header = lines[0].Split('\t');
        var pathColumn = Array.IndexOf(header, "local_path");
        var yearColumn = Array.IndexOf(header, "rdl_namespace_year");
        var entries = new List<CorpusEntry>();
        foreach (var line in lines.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split('\t');
            var relative = cells[Math.Max(pathColumn, 0)];
            var year = yearColumn >= 0 && yearColumn < cells.Length ? cells[yearColumn] : string.Empty;
            var full = Path.Combine(corpus, relative);
            if (File.Exists(full)) entries.Add(new CorpusEntry(relative, full, year));
        }
        return entries;
    }
}

internal sealed record CorpusEntry(string RelativePath, string FullPath, string NamespaceYear);
