using System.Text;

namespace Renderer.Fuzz.Harness;

/// <summary>The Markdown summary of a campaign, as recorded in <c>tests/fuzz/RESULTS.md</c>.</summary>
internal static class FuzzReport
{
    public static string Markdown(FuzzSummary summary, int seedCount, int seed)
    {
        var text = new StringBuilder();
        text.AppendLine($"- seed {seed}, {summary.Iterations} mutants of {seedCount} seed reports in {summary.Elapsed.TotalMinutes:0.0} min");
        text.AppendLine($"- findings: {summary.FindingsBySignature.Values.Sum()} ({summary.FindingsBySignature.Count} distinct)");
        text.AppendLine($"- slowest successful render: {summary.SlowestRenderSeconds:0.00} s");
        text.AppendLine();
        text.AppendLine("| outcome (stage) | mutants |");
        text.AppendLine("|---|---:|");
        foreach (var (key, count) in summary.Outcomes) text.AppendLine($"| {key} | {count} |");
        if (summary.FindingsBySignature.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| finding | mutants | first |");
            text.AppendLine("|---|---:|---|");
            foreach (var (signature, count) in summary.FindingsBySignature.OrderByDescending(f => f.Value))
            {
                var first = summary.Findings.First(f => f.Outcome.Signature == signature);
                text.AppendLine($"| {Cell(first.Outcome.ToString())} | {count} | iteration {first.Mutant.Iteration}, {Cell(first.Mutant.Seed.Name)}: {Cell(first.Mutant.Description)} |");
            }
        }
        return text.ToString();
    }

    private static string Cell(string text)
    {
        var line = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
