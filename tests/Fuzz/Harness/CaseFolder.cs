using System.Text;

namespace Renderer.Fuzz.Harness;

/// <summary>
/// A case stored on disk: a folder holding the main report, the subreports it needs, and <c>case.txt</c>, whose first line
/// names the main report's file and whose other lines say where the case came from and what it found. Findings of a run
/// and saved regressions (<c>tests/Fuzz/Regressions/&lt;name&gt;</c>) are such folders.
/// </summary>
internal static class CaseFolder
{
    public const string Manifest = "case.txt";

    public static void Write(string folder, FuzzCase fuzzCase, string notes)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, fuzzCase.FileName), fuzzCase.Bytes);
        foreach (var name in SubreportNamesOf(fuzzCase))
        {
            if (fuzzCase.Subreport(name) is { } bytes) File.WriteAllBytes(Path.Combine(folder, name + ".rdl"), bytes);
        }
        File.WriteAllText(Path.Combine(folder, Manifest), fuzzCase.FileName + "\n" + notes.TrimEnd() + "\n", new UTF8Encoding(false));
    }

    public static FuzzCase Read(string folder)
    {
        var manifest = Path.Combine(folder, Manifest);
        var main = File.Exists(manifest)
            ? File.ReadLines(manifest).First().Trim()
            : Directory.EnumerateFiles(folder, "*.rdl*").Select(Path.GetFileName).Order(StringComparer.Ordinal).First()!;
        return new FuzzCase(main, File.ReadAllBytes(Path.Combine(folder, main)), Path.GetFullPath(folder));
    }

    /// <summary>The subreports the case's reports may name: its overrides and every RDL file of its folder but the main one.</summary>
    private static IEnumerable<string> SubreportNamesOf(FuzzCase fuzzCase) =>
        fuzzCase.SubreportOverrides.Keys
            .Concat(Directory.Exists(fuzzCase.Folder)
                ? Directory.EnumerateFiles(fuzzCase.Folder, "*.rdl").Select(Path.GetFileNameWithoutExtension).OfType<string>()
                : [])
            .Where(n => !string.Equals(n + ".rdl", fuzzCase.FileName, StringComparison.OrdinalIgnoreCase) && ReferencedBy(fuzzCase, n))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static bool ReferencedBy(FuzzCase fuzzCase, string name) =>
        fuzzCase.SubreportOverrides.ContainsKey(name)
        || Encoding.UTF8.GetString(fuzzCase.Bytes).Contains(name, StringComparison.OrdinalIgnoreCase);
}
