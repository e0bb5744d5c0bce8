using Renderer.Fuzz.Harness;

namespace Renderer.Fuzz;

/// <summary>
/// The bounded fuzz run of CI: a few hundred mutants of the samples and the shared corpus (fixed seed, so the same mutants
/// every time; <c>FUZZ_MUTANTS</c> changes the count) go through reader, compiler and renderer. None may crash, render
/// over its budget, or leave a diagnostic without a code or a location.
/// </summary>
[NonParallelizable]
public sealed class FuzzTests
{
    [Test]
    public async Task A_bounded_run_of_mutants_finds_no_crash_no_slow_render_and_no_unlocated_diagnostic()
    {
        var seeds = FuzzSeeds.Load();
        Assert.That(seeds, Is.Not.Empty, "No seed reports (samples/rdl) were found.");
        var count = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_MUTANTS"), out var n) ? n : 300;
        var summary = await FuzzCampaign.RunAsync(seeds, Program.DefaultSeed, count, TimeSpan.FromMinutes(30), null, null);

        await TestContext.Out.WriteLineAsync(FuzzReport.Markdown(summary, seeds.Count, Program.DefaultSeed));
        Assert.That(summary.Iterations, Is.EqualTo(count));
        Assert.That(summary.Findings.Select(f => $"[{f.Mutant.Iteration}] {f.Mutant.Seed.Name}: {f.Mutant.Description}\n    {f.Outcome}"), Is.Empty);
    }
}

/// <summary>Every saved finding (<c>tests/Fuzz/Regressions/&lt;name&gt;</c>, written by the <c>save</c> command) runs clean.</summary>
public sealed class RegressionTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Regressions");
        if (!Directory.Exists(folder)) yield break;
        foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            yield return new TestCaseData(Path.GetFileName(dir)).SetName($"Saved finding {Path.GetFileName(dir)} is no longer a finding");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Saved_finding_runs_clean(string name)
    {
        var fuzzCase = CaseFolder.Read(Path.Combine(AppContext.BaseDirectory, "Regressions", name));
        var outcome = await FuzzTarget.RunAsync(fuzzCase);
        Assert.That(outcome.IsFinding, Is.False, outcome.ToString);
    }
}
