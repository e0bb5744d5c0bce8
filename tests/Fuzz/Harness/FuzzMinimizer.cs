using System.Diagnostics;
using System.Xml.Linq;
using Renderer.Fuzz.Mutation;

namespace Renderer.Fuzz.Harness;

/// <summary>
/// Shrinks a finding's main report while it keeps the same finding (same result, stage and signature): for XML, elements
/// are removed one at a time, largest first, then attributes, until no removal keeps the finding; for a file that no
/// longer parses, chunks of lines are removed (halves, quarters, ... as delta debugging does). Bounded by a time budget.
/// </summary>
internal static class FuzzMinimizer
{
    public static async Task<(FuzzCase Case, FuzzOutcome Outcome)> MinimizeAsync(FuzzCase fuzzCase, TimeSpan budget, TextWriter? log)
    {
        var clock = Stopwatch.StartNew();
        var original = await FuzzTarget.RunAsync(fuzzCase);
        if (!original.IsFinding) throw new InvalidOperationException($"The case is not a finding: {original}");
        var best = (Case: fuzzCase, Outcome: original);

        async Task<bool> Keeps(byte[] bytes)
        {
            if (clock.Elapsed > budget) return false;
            var candidate = best.Case with { Bytes = bytes };
            var outcome = await FuzzTarget.RunAsync(candidate);
            if (outcome.Result != original.Result || outcome.Signature != original.Signature) return false;
            best = (candidate, outcome);
            log?.WriteLine($"  {bytes.Length} bytes: {outcome.Result}");
            return true;
        }

        if (RdlMutator.TryLoad(fuzzCase.Bytes) is not null)
        {
            for (var changed = true; changed && clock.Elapsed < budget;)
            {
                changed = false;
                var document = RdlMutator.TryLoad(best.Case.Bytes)!;
                var elements = document.Root!.Descendants().OrderByDescending(e => e.ToString().Length).ToList();
                for (var i = 0; i < elements.Count && clock.Elapsed < budget; i++)
                {
                    var trial = RdlMutator.TryLoad(best.Case.Bytes)!;
                    var target = trial.Root!.Descendants().ElementAtOrDefault(IndexOf(document, elements[i]));
                    if (target is null) continue;
                    target.Remove();
                    if (await Keeps(RdlMutator.Save(trial)))
                    {
                        changed = true;
                        break;
                    }
                }
            }
        }
        else
        {
            var lines = System.Text.Encoding.UTF8.GetString(best.Case.Bytes).Split('\n').ToList();
            for (var chunk = Math.Max(1, lines.Count / 2); chunk >= 1 && clock.Elapsed < budget; chunk /= 2)
            {
                for (var start = 0; start < lines.Count && clock.Elapsed < budget;)
                {
                    var trial = lines.Take(start).Concat(lines.Skip(start + chunk)).ToList();
                    if (await Keeps(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', trial)))) lines = trial;
                    else start += chunk;
                }
            }
        }
        return best;
    }

    private static int IndexOf(XDocument document, XElement element)
    {
        var index = 0;
        foreach (var e in document.Root!.Descendants())
        {
            if (e == element) return index;
            index++;
        }
        return -1;
    }
}
