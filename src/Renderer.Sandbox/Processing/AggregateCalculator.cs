using System.Collections;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Computes SSRS aggregates over a scope's rows. Nulls are ignored (CountRows counts rows). Sum keeps the input's
/// numeric kind: integers sum to Int64, decimals to Decimal, anything else to Double.
/// </summary>
internal static class AggregateCalculator
{
    public static object? Compute(ProcessingContext context, AggregateFunction function, Func<object?>? value, DataSetInstance dataSet, IReadOnlyList<object?[]> rows)
    {
        if (function == AggregateFunction.CountRows) return rows.Count;
        if (value is null) throw new ArgumentNullException(nameof(value));

        var saved = context.SetRow(dataSet, null);
        try
        {
            return function switch
            {
                AggregateFunction.First => rows.Count == 0 ? null : Evaluate(context, dataSet, rows[0], value),
                AggregateFunction.Last => rows.Count == 0 ? null : Evaluate(context, dataSet, rows[^1], value),
                _ => Reduce(function, Values(context, dataSet, rows, value)),
            };
        }
        finally
        {
            context.RestoreRow(saved);
        }
    }

    /// <summary>The aggregate of values already computed (one per instance), e.g. of ReportItems on a page.</summary>
    public static object? FromValues(AggregateFunction function, IReadOnlyList<object?> values) => function switch
    {
        AggregateFunction.CountRows => values.Count,
        AggregateFunction.First => values.Count == 0 ? null : values[0],
        AggregateFunction.Last => values.Count == 0 ? null : values[^1],
        _ => Reduce(function, values.Where(v => v is not null and not DBNull).Select(v => v!)),
    };

    private static object? Evaluate(ProcessingContext context, DataSetInstance dataSet, object?[] row, Func<object?> value)
    {
        context.SetRow(dataSet, row);
        return value();
    }

    private static IEnumerable<object> Values(ProcessingContext context, DataSetInstance dataSet, IReadOnlyList<object?[]> rows, Func<object?> value)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            var v = Evaluate(context, dataSet, rows[i], value);
            if (context.TakeSkip()) continue;
            if (v is not null and not DBNull) yield return v;
        }
    }

    private static object? Reduce(AggregateFunction function, IEnumerable<object> values)
    {
        switch (function)
        {
            case AggregateFunction.Count:
                return values.Count();
            case AggregateFunction.CountDistinct:
                return values.Distinct().Count();
            case AggregateFunction.Min:
                return values.Aggregate((object?)null, (min, v) => min is null || Compare(v, min) < 0 ? v : min);
            case AggregateFunction.Max:
                return values.Aggregate((object?)null, (max, v) => max is null || Compare(v, max) > 0 ? v : max);
            case AggregateFunction.Sum:
                return Sum(values, out _);
            case AggregateFunction.Avg:
                {
                    var sum = Sum(values, out int count);
                    if (count == 0) return null;
                    return sum switch
                    {
                        decimal d => d / count,
                        long l => (double)l / count,
                        double x => x / count,
                        _ => null,
                    };
                }
            default:
                return Variance(function, values);
        }
    }

    private static object? Sum(IEnumerable<object> values, out int count)
    {
        long longSum = 0;
        decimal decimalSum = 0;
        double doubleSum = 0;
        int kind = 0; // 0 long, 1 decimal, 2 double
        count = 0;
        foreach (var v in values)
        {
            count++;
            switch (v)
            {
                case int or long or short or byte or sbyte or ushort or uint when kind == 0:
                    longSum += Convert.ToInt64(v);
                    break;
                case decimal d when kind <= 1:
                    if (kind == 0) { decimalSum = longSum; kind = 1; }
                    decimalSum += d;
                    break;
                default:
                    if (kind == 0) doubleSum = longSum;
                    else if (kind == 1) doubleSum = (double)decimalSum;
                    kind = 2;
                    doubleSum += ToDouble(v);
                    break;
            }
        }
        if (count == 0) return null;
        return kind switch { 0 => longSum, 1 => decimalSum, _ => doubleSum };
    }

    private static object? Variance(AggregateFunction function, IEnumerable<object> values)
    {
        var list = values.Select(ToDouble).ToList();
        bool population = function is AggregateFunction.StDevP or AggregateFunction.VarP;
        int n = list.Count;
        if (n == 0 || (!population && n < 2)) return null;
        double mean = list.Average();
        double squares = list.Sum(x => (x - mean) * (x - mean));
        double variance = squares / (population ? n : n - 1);
        return function is AggregateFunction.StDev or AggregateFunction.StDevP ? Math.Sqrt(variance) : variance;
    }

    private static double ToDouble(object v) => v switch
    {
        double d => d,
        string s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        IConvertible c => c.ToDouble(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"A value of type {v.GetType().Name} cannot be aggregated as a number."),
    };

    internal static int Compare(object a, object b)
    {
        if (IsNumeric(a) && IsNumeric(b))
        {
            if (a is decimal || b is decimal)
            {
                try { return Convert.ToDecimal(a).CompareTo(Convert.ToDecimal(b)); }
                catch (OverflowException) { }
            }
            return ToDouble(a).CompareTo(ToDouble(b));
        }
        if (a is string sa && b is string sb) return string.Compare(sa, sb, StringComparison.CurrentCulture);
        return Comparer.Default.Compare(a, b);
    }

    internal static bool IsNumeric(object? v) =>
        v is int or long or short or byte or sbyte or ushort or uint or ulong or decimal or double or float;
}
