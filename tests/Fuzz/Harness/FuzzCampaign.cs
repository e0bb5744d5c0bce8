using System.Diagnostics;
using Renderer.Fuzz.Mutation;

namespace Renderer.Fuzz.Harness;

/// <summary>One mutant of a campaign: its iteration number, the seed it came from and what was changed.</summary>
internal sealed record FuzzMutant(int Iteration, FuzzSeed Seed, FuzzCase Case, string Description);

/// <summary>What a campaign did: mutants run, outcomes by result and stage, and its findings (the first few per signature).</summary>
internal sealed class FuzzSummary
{
    public int Iterations { get; set; }

    public TimeSpan Elapsed { get; set; }

    public double SlowestRenderSeconds { get; set; }

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public List<(FuzzMutant Mutant, FuzzOutcome Outcome)> Findings { get; } = [];

    public Dictionary<string, int> FindingsBySignature { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Runs mutants for a number of iterations or a time budget, whichever ends first. Mutant i of seed s is always the same
/// (its random numbers come from s and i), so any finding can be made again with <see cref="Mutant"/>.
/// </summary>
internal static class FuzzCampaign
{
    /// <summary>How many findings per signature are kept (and written) in full; the rest are counted.</summary>
    private const int KeepPerSignature = 3;

    public static FuzzMutant Mutant(IReadOnlyList<FuzzSeed> seeds, int seed, int iteration)
    {
        var random = new Random(unchecked(seed * 1_000_003 + iteration));
        var origin = seeds[random.Next(seeds.Count)];
        var folder = Path.GetDirectoryName(origin.FullPath)!;
        var fileName = Path.GetFileName(origin.FullPath);
        if (origin.Subreports.Count > 0 && random.NextDouble() < 0.25)
        {
            var name = origin.Subreports[random.Next(origin.Subreports.Count)];
            var (sub, subDescription) = RdlMutator.Mutate(File.ReadAllBytes(Path.Combine(folder, name + ".rdl")), random);
            var overrides = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase) { [name] = sub };
            return new FuzzMutant(iteration, origin, new FuzzCase(fileName, origin.Bytes, folder) { SubreportOverrides = overrides }, $"subreport {name}: {subDescription}");
        }
        var (bytes, description) = RdlMutator.Mutate(origin.Bytes, random);
        return new FuzzMutant(iteration, origin, new FuzzCase(fileName, bytes, folder), description);
    }

    public static async Task<FuzzSummary> RunAsync(
        IReadOnlyList<FuzzSeed> seeds, int seed, int iterations, TimeSpan timeBudget, string? findingsFolder, TextWriter? log, int firstIteration = 0)
    {
        var summary = new FuzzSummary();
        // The first render of a process pays for loading Roslyn, fonts and the JIT: not the mutants' cost.
        foreach (var warm in seeds.Take(2)) await FuzzTarget.RunAsync(new FuzzCase(Path.GetFileName(warm.FullPath), warm.Bytes, Path.GetDirectoryName(warm.FullPath)!));
        var clock = Stopwatch.StartNew();
        for (var i = firstIteration; i < firstIteration + iterations && clock.Elapsed < timeBudget; i++)
        {
            var mutant = Mutant(seeds, seed, i);
            var outcome = await FuzzTarget.RunAsync(mutant.Case);
            summary.Iterations++;
            var key = $"{outcome.Result} ({outcome.Stage})";
            summary.Outcomes[key] = summary.Outcomes.GetValueOrDefault(key) + 1;
            if (outcome.Result == FuzzResult.Rendered) summary.SlowestRenderSeconds = Math.Max(summary.SlowestRenderSeconds, outcome.Seconds);
            if (outcome.IsFinding)
            {
                var count = summary.FindingsBySignature[outcome.Signature] = summary.FindingsBySignature.GetValueOrDefault(outcome.Signature) + 1;
                if (count <= KeepPerSignature)
                {
                    summary.Findings.Add((mutant, outcome));
                    if (findingsFolder is not null)
                    {
                        CaseFolder.Write(Path.Combine(findingsFolder, $"{i:D6}-{outcome.Result}"), mutant.Case,
                            $"seed {seed}, iteration {i}, from {mutant.Seed.Name}\nmutation: {mutant.Description}\n{outcome}");
                    }
                }
                log?.WriteLine($"[{i}] {mutant.Seed.Name}: {mutant.Description}\n    -> {outcome}");
            }
            if (log is not null && summary.Iterations % 100 == 0)
                log.WriteLine($"{summary.Iterations} mutants in {clock.Elapsed.TotalSeconds:0} s: {string.Join(", ", summary.Outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        }
        summary.Elapsed = clock.Elapsed;
        return summary;
    }
}
