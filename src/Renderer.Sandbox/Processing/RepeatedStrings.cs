namespace Renderer.Sandbox.Processing;

/// <summary>
/// Makes the repeated strings of a dataset's columns one shared instance each: rows arrive with a string per cell (a
/// Region column of 100,000 rows holds 100,000 copies of a few names), and the rows, and the textboxes showing them, are
/// kept until the render ends. A column whose strings are mostly distinct is left as it is after a first sample.
/// </summary>
internal static class RepeatedStrings
{
    /// <summary>Distinct strings a column may have before it is left alone (few repeats to share, a large table to keep).</summary>
    private const int MaxDistinct = 1024;

    public static void Share(List<object?[]> rows, int columns)
    {
        for (int c = 0; c < columns; c++)
        {
            Dictionary<string, string>? pool = null;
            foreach (var row in rows)
            {
                if (c >= row.Length || row[c] is not string text) continue;
                pool ??= new Dictionary<string, string>(StringComparer.Ordinal);
                if (pool.TryGetValue(text, out var shared)) row[c] = shared;
                else if (pool.Count < MaxDistinct) pool.Add(text, text);
                else break;
            }
        }
    }
}
