using System.Text;

namespace Corpus.Tests;

/// <summary>
/// The corpus runner: every report in <c>../shared/rdl-corpus</c> is read, compiled and rendered to PDF in process.
/// Set <c>WRITE_CORPUS_RESULTS=1</c> to write the table to <c>tests/corpus/RESULTS.md</c>.
/// </summary>
[NonParallelizable]
public sealed class CorpusTests
{
    /// <summary>Files that render today (tests/corpus/RESULTS.md): a file that stops rendering fails the run.</summary>
    private const int RenderBar = 49;

    private List<CorpusFileResult> _results = [];

    [OneTimeSetUp]
    public async Task RunCorpus()
    {
        if (CorpusLocation.CorpusDirectory() is not { } corpus)
        {
            Assert.Ignore("The RDL corpus (../shared/rdl-corpus next to the repository) is not present.");
            return;
        }
        foreach (var entry in CorpusLocation.Entries(corpus))
            _results.Add(await CorpusFileRunner.RunAsync(entry));

        var markdown = ResultsTable.Markdown(_results);
        await TestContext.Out.WriteLineAsync(markdown);
        // Every error of every file that did not render, next to the test binaries (not committed).
        var details = new StringBuilder();
        foreach (var result in _results.Where(r => !r.Rendered))
        {
            details.AppendLine($"--- {result.File}");
            foreach (var error in result.Diagnostics.Where(d => d.IsError).Take(12))
                details.AppendLine($"    {error}{(error.Expression is { } e ? "  [" + e.ReplaceLineEndings(" ") + "]" : "")}");
        }
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "corpus-errors.txt"), details.ToString());
        if (Environment.GetEnvironmentVariable("WRITE_CORPUS_RESULTS") == "1" && CorpusLocation.RepositoryRoot() is { } root)
        {
            var path = Path.Combine(root, "tests", "corpus", "RESULTS.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, markdown, new UTF8Encoding(false));
        }
    }

    [Test]
    public void The_manifest_lists_53_reports_that_exist()
    {
        Assert.That(_results, Has.Count.EqualTo(53));
    }

    [Test]
    public void Every_corpus_file_parses_without_error_diagnostics()
    {
        var failed = _results.Where(r => !r.Parsed || r.ParseErrors > 0).Select(r => $"{r.File}: {r.FirstError}").ToList();
        Assert.That(failed, Is.Empty);
    }

    [Test]
    public void At_least_49_corpus_files_render_to_pdf()
    {
        var rendered = _results.Count(r => r.Rendered);
        var missing = string.Join("\n", _results.Where(r => !r.Rendered).Select(r => $"{r.File}: {r.FirstError}"));
        Assert.That(rendered, Is.GreaterThanOrEqualTo(RenderBar), $"Only {rendered} of {_results.Count} corpus files render to PDF (bar: {RenderBar}).\n{missing}");
    }

    [Test]
    public void Every_rendered_file_is_a_pdf_with_at_least_one_page()
    {
        Assert.That(_results.Where(r => r.Rendered && r.Pages < 1).Select(r => r.File), Is.Empty);
    }
}
