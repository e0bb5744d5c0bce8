using System.Text.RegularExpressions;

namespace Renderer.Host.Tests.Architecture;

/// <summary>
/// Issue 19's bar "zero validator errors on every DOCX and XLSX the tests write", kept by construction: the tests of the
/// host and the sandbox obtain DOCX and XLSX only through doors that run the OpenXml validator (the sandbox tests'
/// <c>OfficeOutput</c>, the host tests' <c>OfficeOutputCheck</c>: in-process renders and writes, and every test server,
/// which checks each DOCX or XLSX response). The corpus's exports are validated by <c>CorpusOpenXmlValidityTests</c>.
/// </summary>
public sealed partial class OfficeOutputValidationTests
{
    private static readonly string[] Doors =
    [
        Path.Combine("tests", "Renderer.Sandbox.Tests", "Writers", "OfficeOutput.cs"),
        Path.Combine("tests", "Renderer.Host.Tests", "Infrastructure", "OfficeOutputCheck.cs"),
    ];

    [Test]
    public void Tests_write_docx_and_xlsx_and_render_in_process_only_through_a_validating_door()
    {
        var offenders = TestSources()
            .Where(f => !Doors.Contains(Path.GetRelativePath(Root(), f)))
            .Where(f => WriterOrRender().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Root(), f))
            .ToList();

        Assert.That(offenders, Is.Empty, "write DOCX and XLSX with OfficeOutput (sandbox tests) or OfficeOutputCheck (host tests), which validate them");
    }

    [Test]
    public void Every_test_server_validates_its_docx_and_xlsx_responses()
    {
        var servers = TestSources().Where(f => File.ReadAllText(f).Contains(": WebApplicationFactory<Program>", StringComparison.Ordinal)).ToList();

        Assert.That(servers, Is.Not.Empty);
        Assert.That(
            servers.Where(f => !File.ReadAllText(f).Contains("OfficeOutputCheck.Configure(builder)", StringComparison.Ordinal)).Select(f => Path.GetRelativePath(Root(), f)),
            Is.Empty,
            "each WebApplicationFactory calls OfficeOutputCheck.Configure(builder) in ConfigureWebHost");
    }

    private static IEnumerable<string> TestSources() =>
        new[] { "Renderer.Host.Tests", "Renderer.Sandbox.Tests" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root(), "tests", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("OfficeOutputValidationTests.cs", StringComparison.Ordinal));

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Renderer.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("Renderer.sln not found above the test folder.");
    }

    [GeneratedRegex(@"new\s+(Xlsx|Docx)DocumentWriter\b|RenderEngine\s*\.\s*RenderAsync\s*\(")]
    private static partial Regex WriterOrRender();
}
