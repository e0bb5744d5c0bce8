using Rdl.Model.Diagnostics;

namespace Renderer.Fuzz.Harness;

/// <summary>How a run ended. The last three are findings.</summary>
internal enum FuzzResult
{
    /// <summary>The reader, compiler or renderer refused the report with located error diagnostics.</summary>
    Refused,

    /// <summary>The report rendered to a PDF.</summary>
    Rendered,

    /// <summary>An exception escaped a stage (or an error diagnostic had no code, or an empty PDF came back).</summary>
    Crash,

    /// <summary>The render did not finish within its budget (<see cref="FuzzTarget.Budget"/>).</summary>
    OverBudget,

    /// <summary>A diagnostic had neither a line in the RDL nor an object (item, group, dataset) it concerns.</summary>
    NoLocation,
}

/// <summary>The result of one run, the stage it reached, the seconds it took and, for a finding, what went wrong.</summary>
internal sealed record FuzzOutcome(FuzzResult Result, string Stage, double Seconds, int Pages, string Detail, IReadOnlyList<RdlDiagnostic> Diagnostics)
{
    public bool IsFinding => Result is FuzzResult.Crash or FuzzResult.OverBudget or FuzzResult.NoLocation;

    /// <summary>What identifies the finding across mutants: result, stage and the detail's first line without numbers and quotes.</summary>
    public string Signature => $"{Result}/{Stage}/{Normalize(Detail)}";

    private static string Normalize(string detail)
    {
        var line = detail.Split('\n')[0];
        var chars = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '\'') { quoted = !quoted; chars.Append(c); continue; }
            if (quoted || char.IsDigit(c)) continue;
            chars.Append(c);
        }
        return chars.ToString();
    }

    public override string ToString() => $"{Result} at {Stage} in {Seconds:0.00} s: {Detail}";
}
