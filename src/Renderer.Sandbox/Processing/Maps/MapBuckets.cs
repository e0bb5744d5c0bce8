using System.Collections.Immutable;

namespace Renderer.Sandbox.Processing.Maps;

/// <summary>
/// Splits a rule's values into buckets as SSRS's DistributionType says: EqualInterval (equal ranges between the
/// minimum and maximum), EqualDistribution (about as many values in each), Optimal (natural breaks: Fisher-Jenks,
/// the split that minimises the spread inside the buckets; EqualDistribution above 1,500 values or 20 buckets) or Custom (the rule's MapBuckets). StartValue and EndValue,
/// when given, replace the data's minimum and maximum. <see cref="Bounds"/> holds one more value than there are buckets.
/// </summary>
internal sealed record MapBuckets(ImmutableArray<double> Bounds)
{
    /// <summary>Above this many values Optimal uses EqualDistribution (natural breaks cost count squared times buckets).</summary>
    private const int OptimalLimit = 1500;

    /// <summary>Above this many buckets Optimal uses EqualDistribution too.</summary>
    private const int OptimalBuckets = 20;

    public int Count => Bounds.Length - 1;

    /// <summary>The bucket holding <paramref name="value"/>, or -1 when it lies outside every bucket.</summary>
    public int Of(double value)
    {
        if (Count <= 0 || value < Bounds[0] || value > Bounds[^1]) return -1;
        for (int i = 0; i < Count; i++)
        {
            if (value <= Bounds[i + 1]) return i;
        }
        return Count - 1;
    }

    public static MapBuckets? Create(string distribution, int count, IReadOnlyList<double> values, double? start, double? end, ImmutableArray<(double? Start, double? End)> custom)
    {
        if (distribution.Equals("Custom", StringComparison.OrdinalIgnoreCase) && custom.Length > 0)
        {
            var bounds = new List<double>();
            foreach (var (s, e) in custom)
            {
                if (s is not { } from || e is not { } to) continue;
                if (bounds.Count == 0) bounds.Add(from);
                bounds.Add(Math.Max(to, bounds[^1]));
            }
            return bounds.Count > 1 ? new MapBuckets([.. bounds]) : null;
        }
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        var min = start ?? (sorted.Length > 0 ? sorted[0] : double.NaN);
        var max = end ?? (sorted.Length > 0 ? sorted[^1] : double.NaN);
        if (!double.IsFinite(min) || !double.IsFinite(max)) return null;
        if (max < min) (min, max) = (max, min);
        var inRange = sorted.Where(v => v >= min && v <= max).ToArray();
        var distinct = inRange.Distinct().Count();
        count = Math.Max(1, Math.Min(count, Math.Max(1, distinct)));
        if (max == min || count == 1) return new MapBuckets([min, max]);
        if (distribution.Equals("EqualInterval", StringComparison.OrdinalIgnoreCase))
            return new MapBuckets([.. Enumerable.Range(0, count + 1).Select(i => i == count ? max : min + (max - min) * i / count)]);
        if (distribution.Equals("EqualDistribution", StringComparison.OrdinalIgnoreCase) || inRange.Length > OptimalLimit || count > OptimalBuckets)
            return Quantiles(inRange, count, min, max);
        return NaturalBreaks(inRange, count, min, max);
    }

    private static MapBuckets Quantiles(double[] sorted, int count, double min, double max)
    {
        var bounds = new List<double> { min };
        for (int i = 1; i < count; i++)
        {
            var value = sorted[Math.Clamp((int)Math.Ceiling((double)i * sorted.Length / count) - 1, 0, sorted.Length - 1)];
            if (value > bounds[^1] && value < max) bounds.Add(value);
        }
        bounds.Add(max);
        return new MapBuckets([.. bounds]);
    }

    /// <summary>Fisher-Jenks natural breaks by dynamic programming over the sorted values.</summary>
    private static MapBuckets NaturalBreaks(double[] data, int k, double min, double max)
    {
        var n = data.Length;
        var lower = new int[n + 1, k + 1];
        var cost = new double[n + 1, k + 1];
        for (int j = 1; j <= k; j++)
        {
            lower[1, j] = 1;
            for (int i = 2; i <= n; i++) cost[i, j] = double.PositiveInfinity;
        }
        for (int l = 2; l <= n; l++)
        {
            double sum = 0, squares = 0, weight = 0, variance = 0;
            for (int m = 1; m <= l; m++)
            {
                var lowest = l - m + 1;
                var value = data[lowest - 1];
                weight++;
                sum += value;
                squares += value * value;
                variance = squares - sum * sum / weight;
                if (lowest == 1) continue;
                for (int j = 2; j <= k; j++)
                {
                    if (cost[l, j] >= variance + cost[lowest - 1, j - 1])
                    {
                        lower[l, j] = lowest;
                        cost[l, j] = variance + cost[lowest - 1, j - 1];
                    }
                }
            }
            lower[l, 1] = 1;
            cost[l, 1] = variance;
        }
        var bounds = new double[k + 1];
        bounds[0] = min;
        bounds[k] = max;
        var at = n;
        for (int j = k; j >= 2; j--)
        {
            var first = lower[at, j] - 1;
            bounds[j - 1] = first > 0 ? data[first - 1] : min;
            at = Math.Max(1, lower[at, j] - 1);
        }
        return new MapBuckets([.. bounds.Distinct().Order()]);
    }
}
