using System.Collections;
using System.Globalization;

namespace Renderer.Sandbox.Processing.Filters;

/// <summary>
/// Compares a filter expression's value with a filter value as SSRS does: the filter value is converted to the type of the
/// expression's value (a constant <c>100</c> compared with a decimal field becomes a decimal, <c>2024-01-31</c> compared with a
/// date becomes a date). A string expression compared with a number is compared as a number when the string is numeric.
/// Strings compare case-insensitively (the default dataset collation). Throws <see cref="FormatException"/> when the value
/// cannot be converted; the caller names the filter.
/// </summary>
internal static class FilterComparer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static bool IsNull(object? value) => value is null or DBNull;

    public static bool AreEqual(object? left, object? right)
    {
        if (IsNull(left) || IsNull(right)) return IsNull(left) && IsNull(right);
        return Compare(left!, right!) == 0;
    }

    /// <summary>Orders <paramref name="left"/> (the expression value) against <paramref name="right"/> (the filter value).</summary>
    public static int Compare(object left, object right)
    {
        if (IsNumeric(left))
        {
            if (IsNumeric(right)) return CompareNumbers(left, right);
            if (right is bool rb) return CompareNumbers(left, rb ? -1 : 0);
            return CompareNumbers(left, ParseNumber(ToText(right), left));
        }
        switch (left)
        {
            case string s:
                if (IsNumeric(right))
                {
                    if (TryParseNumber(s, out var number)) return CompareNumbers(number, right);
                    throw new FormatException($"the value '{s}' is text and cannot be compared with the number {ToText(right)}");
                }
                return string.Compare(s, ToText(right), Invariant, CompareOptions.IgnoreCase);
            case DateTime date:
                return date.CompareTo(ToDate(right));
            case DateTimeOffset offset:
                return offset.CompareTo(right is DateTimeOffset o ? o : new DateTimeOffset(ToDate(right)));
            case bool b:
                return b.CompareTo(ToBool(right));
            case TimeSpan span:
                return span.CompareTo(right is TimeSpan t ? t : TimeSpan.Parse(ToText(right), Invariant));
            case char c:
                return string.Compare(c.ToString(), ToText(right), Invariant, CompareOptions.IgnoreCase);
            case Guid g:
                return g.CompareTo(right is Guid rg ? rg : Guid.Parse(ToText(right)));
        }
        if (left.GetType() == right.GetType() && left is IComparable comparable) return comparable.CompareTo(right);
        return string.Compare(ToText(left), ToText(right), Invariant, CompareOptions.IgnoreCase);
    }

    /// <summary>Orders two expression values for TopN/BottomN: nulls lowest, then by <see cref="Compare"/>.</summary>
    public static int CompareForRanking(object? a, object? b)
    {
        if (IsNull(a)) return IsNull(b) ? 0 : -1;
        if (IsNull(b)) return 1;
        return Compare(a!, b!);
    }

    /// <summary>Flattens a filter value that is an array (e.g. a multi-value parameter used with In).</summary>
    public static IEnumerable<object?> Flatten(object? value)
    {
        if (value is IEnumerable items and not string and not byte[])
        {
            foreach (var item in items)
                foreach (var inner in Flatten(item)) yield return inner;
        }
        else
        {
            yield return value;
        }
    }

    public static int ToCount(object? value, string what)
    {
        if (IsNull(value)) throw new FormatException($"the {what} is empty");
        if (value is string s)
        {
            if (double.TryParse(s.Trim(), NumberStyles.Float, Invariant, out var parsed)) value = parsed;
            else throw new FormatException($"the {what} '{s}' is not a number");
        }
        if (!IsNumeric(value)) throw new FormatException($"the {what} {ToText(value)} is not a number");
        return (int)Math.Clamp(Math.Round(Convert.ToDouble(value, Invariant)), int.MinValue, int.MaxValue);
    }

    public static double ToPercent(object? value)
    {
        if (value is string s && double.TryParse(s.Trim().TrimEnd('%'), NumberStyles.Float, Invariant, out var parsed)) return parsed;
        if (IsNumeric(value)) return Convert.ToDouble(value, Invariant);
        throw new FormatException($"the percentage '{ToText(value)}' is not a number");
    }

    public static string ToText(object? value) => Convert.ToString(value, Invariant) ?? string.Empty;

    private static bool IsNumeric(object? v) =>
        v is int or long or short or byte or sbyte or ushort or uint or ulong or decimal or double or float;

    private static int CompareNumbers(object a, object b)
    {
        if (a is double or float || b is double or float)
            return Convert.ToDouble(a, Invariant).CompareTo(Convert.ToDouble(b, Invariant));
        if (a is ulong || b is ulong) return Convert.ToDecimal(a, Invariant).CompareTo(Convert.ToDecimal(b, Invariant));
        if (a is decimal || b is decimal) return Convert.ToDecimal(a, Invariant).CompareTo(Convert.ToDecimal(b, Invariant));
        return Convert.ToInt64(a, Invariant).CompareTo(Convert.ToInt64(b, Invariant));
    }

    private static object ParseNumber(string text, object like)
    {
        if (TryParseNumber(text, out var number)) return number;
        throw new FormatException($"the filter value '{text}' cannot be converted to {like.GetType().Name}, the type of the filter expression");
    }

    private static bool TryParseNumber(string text, out object number)
    {
        var t = text.Trim();
        if (long.TryParse(t, NumberStyles.Integer, Invariant, out var l)) number = l;
        else if (decimal.TryParse(t, NumberStyles.Number, Invariant, out var m)) number = m;
        else if (double.TryParse(t, NumberStyles.Float | NumberStyles.AllowThousands, Invariant, out var d)) number = d;
        else
        {
            number = 0;
            return false;
        }
        return true;
    }

    private static DateTime ToDate(object value) => value switch
    {
        DateTime d => d,
        DateTimeOffset o => o.DateTime,
        string s when DateTime.TryParse(s.Trim(), Invariant, DateTimeStyles.AllowWhiteSpaces, out var d) => d,
        string s when DateTime.TryParse(s.Trim(), CultureInfo.CurrentCulture, DateTimeStyles.AllowWhiteSpaces, out var d) => d,
        _ => throw new FormatException($"the filter value '{ToText(value)}' cannot be converted to DateTime, the type of the filter expression"),
    };

    private static bool ToBool(object value) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s.Trim(), out var b) => b,
        _ when IsNumeric(value) => Convert.ToDouble(value, Invariant) != 0,
        _ => throw new FormatException($"the filter value '{ToText(value)}' cannot be converted to Boolean, the type of the filter expression"),
    };
}
