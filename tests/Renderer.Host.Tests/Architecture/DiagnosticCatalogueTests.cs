using System.Text;
using System.Text.RegularExpressions;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Tests.Architecture;

/// <summary>
/// One catalogue of diagnostic codes (<see cref="DiagnosticCodes"/>): every code the sources raise or mention is in it,
/// no two entries share a code, code strings are written only there, and docs/diagnostics.md is generated from it.
/// </summary>
public sealed partial class DiagnosticCatalogueTests
{
    private const string CatalogueFile = "src/Renderer.Contracts/Diagnostics/DiagnosticCodes.cs";
    private const string DocumentFile = "docs/diagnostics.md";

    [GeneratedRegex(@"\b(?:RDL|EXP|PRC|PAG|DAT|SBX|SUB|PRM|SRV|CAT)\d{4}\b")]
    private static partial Regex CodeToken();

    [GeneratedRegex("\"[A-Z]{3}[0-9]{4}\"")]
    private static partial Regex CodeLiteral();

    [Test]
    public void No_two_entries_share_a_code_and_every_entry_has_a_meaning()
    {
        var duplicates = DiagnosticCodes.All.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}");

        Assert.That(duplicates, Is.Empty);
        Assert.That(DiagnosticCodes.All, Has.Count.GreaterThan(80));
        Assert.That(DiagnosticCodes.All.Where(c => !CodeToken().IsMatch(c.Code) || c.Meaning.Length < 10).Select(c => c.Code), Is.Empty);
    }

    [Test]
    public void Every_code_in_the_sources_and_readmes_is_in_the_catalogue()
    {
        var root = RepositoryRoot();
        var unknown = new List<string>();
        foreach (var file in SourceFiles(root).Append(Path.Combine(root, "README.md")).Append(Path.Combine(root, "samples", "wasm", "README.md")))
        {
            foreach (Match match in CodeToken().Matches(File.ReadAllText(file)))
                if (DiagnosticCodes.Find(match.Value) is null) unknown.Add($"{Path.GetRelativePath(root, file)}: {match.Value}");
        }

        Assert.That(unknown.Distinct(), Is.Empty, "add each code to " + CatalogueFile);
    }

    [Test]
    public void Code_strings_are_written_only_in_the_catalogue()
    {
        var root = RepositoryRoot();
        var literals = new List<string>();
        foreach (var file in SourceFiles(root))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative == CatalogueFile) continue;
            foreach (Match match in CodeLiteral().Matches(File.ReadAllText(file))) literals.Add($"{relative}: {match.Value}");
        }

        Assert.That(literals, Is.Empty, "name the DiagnosticCodes constant instead of writing the code");
    }

    [Test]
    public void The_diagnostics_document_is_generated_from_the_catalogue()
    {
        var path = Path.Combine(RepositoryRoot(), DocumentFile);
        var expected = Document();
        // UPDATE_DIAGNOSTICS_DOC=1 dotnet test --filter DiagnosticCatalogueTests rewrites the file after the catalogue changed.
        if (Environment.GetEnvironmentVariable("UPDATE_DIAGNOSTICS_DOC") == "1") File.WriteAllText(path, expected);

        Assert.That(File.Exists(path) ? File.ReadAllText(path) : string.Empty, Is.EqualTo(expected),
            $"{DocumentFile} is out of date: run UPDATE_DIAGNOSTICS_DOC=1 dotnet test tests/Renderer.Host.Tests --filter DiagnosticCatalogueTests");
    }

    private static string Document()
    {
        var text = new StringBuilder();
        text.Append("# Diagnostic codes\n\n");
        text.Append("Generated from `").Append(CatalogueFile).Append("` by `DiagnosticCatalogueTests` (do not edit by hand). Every\n");
        text.Append("diagnostic carries one of these codes, a message and a location (file, line, column, object, expression); the\n");
        text.Append("severity is the usual one, which a few call sites lower or raise.\n\n");
        text.Append("| code | severity | meaning | constant |\n|---|---|---|---|\n");
        foreach (var code in DiagnosticCodes.All)
            text.Append($"| `{code.Code}` | {code.Severity.ToString().ToLowerInvariant()} | {code.Meaning.Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;")} | `DiagnosticCodes.{code.Name}` |\n");
        return text.ToString();
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Renderer.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Renderer.sln not found above the test folder.");
    }
}
