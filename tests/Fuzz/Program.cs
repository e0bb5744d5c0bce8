using Corpus.Tests;
using Renderer.Fuzz.Harness;

namespace Renderer.Fuzz;

/// <summary>
/// The fuzz command (<c>dotnet run --project tests/Fuzz -- &lt;command&gt;</c>):
/// <list type="bullet">
/// <item><c>run [--iterations N] [--seconds S] [--seed X] [--first I] [--findings DIR]</c>: mutants I.. until N were run
/// or S seconds passed; findings are written as case folders under DIR (default <c>fuzz-findings</c>).</item>
/// <item><c>replay --iteration I [--seed X] [--out DIR]</c>: runs mutant I again and writes it as a case folder.</item>
/// <item><c>check DIR</c>: runs the case folder DIR once and prints its outcome (stage, seconds, pages, first error).</item>
/// <item><c>minimise DIR [--seconds S] [--out DIR2]</c>: shrinks the case folder DIR while it keeps its finding.</item>
/// <item><c>save DIR --name NAME</c>: copies the case folder into <c>tests/Fuzz/Regressions/NAME</c>, where
/// <c>RegressionTests</c> runs it on every test run and fails while it is still a finding.</item>
/// </list>
/// Exit code 0 when nothing was found, 1 when a finding was, 2 on bad usage.
/// </summary>
public static class Program
{
    public const int DefaultSeed = 20;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0) return Usage();
        var options = Options(args.Skip(1));
        switch (args[0])
        {
            case "run":
            {
                var seeds = FuzzSeeds.Load();
                var findings = options.GetValueOrDefault("findings") ?? "fuzz-findings";
                var summary = await FuzzCampaign.RunAsync(
                    seeds, Int(options, "seed", DefaultSeed), Int(options, "iterations", 10_000),
                    TimeSpan.FromSeconds(Int(options, "seconds", int.MaxValue / 2)), findings, Console.Out, Int(options, "first", 0));
                Console.WriteLine(FuzzReport.Markdown(summary, seeds.Count, Int(options, "seed", DefaultSeed)));
                return summary.Findings.Count == 0 ? 0 : 1;
            }
            case "replay":
            {
                var mutant = FuzzCampaign.Mutant(FuzzSeeds.Load(), Int(options, "seed", DefaultSeed), Int(options, "iteration", 0));
                var outcome = await FuzzTarget.RunAsync(mutant.Case);
                Console.WriteLine($"{mutant.Seed.Name}: {mutant.Description}\n-> {outcome}");
                if (options.GetValueOrDefault("out") is { } output) CaseFolder.Write(output, mutant.Case, $"{mutant.Description}\n{outcome}");
                return outcome.IsFinding ? 1 : 0;
            }
            case "check" when args.Length > 1:
            {
                var outcome = await FuzzTarget.RunAsync(CaseFolder.Read(args[1]));
                Console.WriteLine(outcome);
                return outcome.IsFinding ? 1 : 0;
            }
            case "minimise" or "minimize" when args.Length > 1:
            {
                var options2 = Options(args.Skip(2));
                var (minimal, outcome) = await FuzzMinimizer.MinimizeAsync(CaseFolder.Read(args[1]), TimeSpan.FromSeconds(Int(options2, "seconds", 600)), Console.Out);
                var output = options2.GetValueOrDefault("out") ?? args[1].TrimEnd('/') + "-min";
                CaseFolder.Write(output, minimal, $"minimised from {args[1]}\n{outcome}");
                Console.WriteLine($"{minimal.Bytes.Length} bytes in {output}: {outcome}");
                return 1;
            }
            case "save" when args.Length > 1:
            {
                var options2 = Options(args.Skip(2));
                if (options2.GetValueOrDefault("name") is not { Length: > 0 } name || CorpusLocation.RepositoryRoot() is not { } root) return Usage();
                var fuzzCase = CaseFolder.Read(args[1]);
                var target = Path.Combine(root, "tests", "Fuzz", "Regressions", name);
                var notes = File.Exists(Path.Combine(args[1], CaseFolder.Manifest)) ? string.Join('\n', File.ReadLines(Path.Combine(args[1], CaseFolder.Manifest)).Skip(1)) : "";
                CaseFolder.Write(target, fuzzCase, notes);
                Console.WriteLine($"Saved {target}; RegressionTests runs it.");
                return 0;
            }
            default:
                return Usage();
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: run [--iterations N] [--seconds S] [--seed X] [--first I] [--findings DIR] | replay --iteration I [--seed X] [--out DIR] | check DIR | minimise DIR [--seconds S] [--out DIR] | save DIR --name NAME");
        return 2;
    }

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal)) key = arg[2..];
            else if (key is not null) (options[key], key) = (arg, null);
        }
        return options;
    }

    private static int Int(Dictionary<string, string> options, string key, int fallback) =>
        options.TryGetValue(key, out var text) && int.TryParse(text, out var value) ? value : fallback;
}
