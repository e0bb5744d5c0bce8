using System.Globalization;

namespace Renderer.Host.Rendering;

/// <summary>
/// Evaluates, on the host, the few expression forms a parameter's default or valid value usually takes, so a prompt can
/// show them before a render: literals (<c>="EMEA"</c>, <c>=2024</c>, <c>=True</c>, <c>=Nothing</c>),
/// <c>Parameters!X.Value</c> (an earlier parameter's value), <c>User!UserID</c>, the current date and time
/// (<c>Today()</c>, <c>Now()</c>, <c>Date.Today</c>, <c>DateTime.Now</c>, <c>Globals!ExecutionTime</c>),
/// <c>DateAdd(interval, n, date)</c>, <c>DateSerial(y, m, d)</c>, <c>Year/Month/Day(date)</c>, and <c>+</c>/<c>-</c>
/// between numbers. This is an interpreter of that closed set, not a compiler: no report code (<c>Code.</c>, custom
/// assemblies, any other function) ever runs in the host process; anything else is <see cref="Unsupported"/> and is left
/// to the render, where the sandbox evaluates it (warning PRM8011 says so).
/// </summary>
internal static class ParameterExpressions
{
    /// <summary>What <see cref="TryEvaluate"/> accepts, for the PRM8011 message.</summary>
    public const string Supported = "literals, Parameters!X.Value, User!UserID, Today(), Now(), DateAdd, DateSerial, Year/Month/Day, + and -";

    /// <summary>Returned by a parse step that met a form outside the set.</summary>
    private static readonly object Unsupported = new();

    /// <summary>The values of expression <paramref name="raw"/> (with its leading <c>=</c>); false when it is outside the set.</summary>
    /// <param name="parameterValue">An earlier parameter's values by name; false when it has none (yet).</param>
    public static bool TryEvaluate(string raw, Func<string, object?[]?> parameterValue, string userId, DateTime now, out object?[] values)
    {
        values = [];
        var parser = new Parser(raw.TrimStart().TrimStart('=').Trim(), parameterValue, userId, now);
        // A whole-expression Parameters!X.Value keeps every value of a multi-value X.
        if (parser.WholeParameter(out var whole))
        {
            values = whole ?? [];
            return whole is not null;
        }
        var value = parser.Expression();
        if (ReferenceEquals(value, Unsupported) || !parser.AtEnd) return false;
        values = [value];
        return true;
    }

    private sealed class Parser(string text, Func<string, object?[]?> parameterValue, string userId, DateTime now)
    {
        private int _at;

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _at == text.Length;
            }
        }

        /// <summary>True when the whole text is <c>Parameters!X.Value</c>; <paramref name="values"/> are X's, null when X has none.</summary>
        public bool WholeParameter(out object?[]? values)
        {
            values = null;
            var name = Identifier();
            if (AtEnd && ParameterName(name) is { } parameter)
            {
                values = parameterValue(parameter);
                return true;
            }
            _at = 0;
            return false;
        }

        /// <summary>term (('+' | '-') term)*, numbers only (and a date plus nothing).</summary>
        public object? Expression()
        {
            var left = Term();
            while (!ReferenceEquals(left, Unsupported) && !AtEnd && text[_at] is '+' or '-')
            {
                var minus = text[_at++] == '-';
                var right = Term();
                if (!TryNumber(left, out var a) || !TryNumber(right, out var b)) return Unsupported;
                var sum = minus ? a - b : a + b;
                left = left is int && right is int && sum is >= int.MinValue and <= int.MaxValue ? (object)(int)sum : sum;
            }
            return left;
        }

        private object? Term()
        {
            SkipSpace();
            if (_at == text.Length) return Unsupported;
            var c = text[_at];
            if (c == '-')
            {
                _at++;
                var operand = Term();
                return operand switch { int i => -i, double d => -d, _ => Unsupported };
            }
            if (c == '"') return StringLiteral();
            if (char.IsAsciiDigit(c)) return NumberLiteral();
            if (c == '(')
            {
                _at++;
                var inner = Expression();
                return Accept(')') ? inner : Unsupported;
            }
            var name = Identifier();
            if (name.Length == 0) return Unsupported;
            List<object?>? args = null;
            SkipSpace();
            if (_at < text.Length && text[_at] == '(')
            {
                _at++;
                args = [];
                SkipSpace();
                if (_at < text.Length && text[_at] == ')') _at++;
                else
                {
                    do
                    {
                        var arg = Expression();
                        if (ReferenceEquals(arg, Unsupported)) return Unsupported;
                        args.Add(arg);
                    }
                    while (Accept(','));
                    if (!Accept(')')) return Unsupported;
                }
            }
            return Call(name, args ?? []);
        }

        private object? Call(string name, List<object?> args)
        {
            static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
            switch (args.Count)
            {
                case 0 when Is(name, "Today") || Is(name, "Date.Today") || Is(name, "DateTime.Today") || Is(name, "DateAndTime.Today"):
                    return now.Date;
                case 0 when Is(name, "Now") || Is(name, "DateTime.Now") || Is(name, "DateAndTime.Now") || Is(name, "Globals!ExecutionTime"):
                    return now;
                case 0 when Is(name, "True"):
                    return true;
                case 0 when Is(name, "False"):
                    return false;
                case 0 when Is(name, "Nothing"):
                    return null;
                case 0 when Is(name, "User!UserID"):
                    return userId;
                case 0 when ParameterName(name) is { } parameter:
                    return parameterValue(parameter) is [var single] ? single : Unsupported;
                case 1 when args[0] is DateTime date && (Is(name, "Year") || Is(name, "Month") || Is(name, "Day")):
                    return Is(name, "Year") ? date.Year : Is(name, "Month") ? date.Month : date.Day;
                case 3 when Is(name, "DateSerial") && args.TrueForAll(a => a is int):
                    return DateSerial((int)args[0]!, (int)args[1]!, (int)args[2]!);
                case 3 when Is(name, "DateAdd") && args[1] is int n && args[2] is DateTime start:
                    return DateAdd(args[0], n, start);
                case 0 when name.StartsWith("DateInterval.", StringComparison.OrdinalIgnoreCase):
                    return name["DateInterval.".Length..].ToLowerInvariant();
                default:
                    return Unsupported;
            }
        }

        /// <summary>VB's DateSerial: months and days out of range roll over (DateSerial(2024, 13, 1) is 2025-01-01, day 0 the month's last day before).</summary>
        private static object DateSerial(int year, int month, int day)
        {
            if (year is < 1 or > 9999) return Unsupported;
            try
            {
                return new DateTime(year, 1, 1).AddMonths(month - 1).AddDays(day - 1);
            }
            catch (ArgumentOutOfRangeException)
            {
                return Unsupported;
            }
        }

        private static object DateAdd(object? interval, int n, DateTime start)
        {
            try
            {
                return (interval as string)?.ToLowerInvariant() switch
                {
                    "yyyy" or "year" => start.AddYears(n),
                    "q" or "quarter" => start.AddMonths(3 * n),
                    "m" or "month" => start.AddMonths(n),
                    "d" or "y" or "w" or "day" or "dayofyear" or "weekday" => start.AddDays(n),
                    "ww" or "weekofyear" => start.AddDays(7 * n),
                    "h" or "hour" => start.AddHours(n),
                    "n" or "minute" => start.AddMinutes(n),
                    "s" or "second" => start.AddSeconds(n),
                    _ => Unsupported,
                };
            }
            catch (ArgumentOutOfRangeException)
            {
                return Unsupported;
            }
        }

        private static string? ParameterName(string name)
        {
            const string prefix = "Parameters!", suffix = ".Value";
            if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return null;
            var parameter = name[prefix.Length..^suffix.Length];
            return parameter.Length > 0 && parameter.All(c => char.IsLetterOrDigit(c) || c == '_') ? parameter : null;
        }

        private static bool TryNumber(object? value, out double number)
        {
            number = value switch { int i => i, double d => d, _ => double.NaN };
            return !double.IsNaN(number);
        }

        private string Identifier()
        {
            SkipSpace();
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is '_' or '.' or '!')) _at++;
            return text[start.._at];
        }

        private object StringLiteral()
        {
            var builder = new System.Text.StringBuilder();
            _at++;
            while (_at < text.Length)
            {
                if (text[_at] == '"')
                {
                    if (_at + 1 < text.Length && text[_at + 1] == '"') { builder.Append('"'); _at += 2; continue; }
                    _at++;
                    return builder.ToString();
                }
                builder.Append(text[_at++]);
            }
            return Unsupported;
        }

        private object NumberLiteral()
        {
            var start = _at;
            while (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] == '.')) _at++;
            var token = text[start.._at];
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i)) return i;
            return double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : Unsupported;
        }

        private bool Accept(char c)
        {
            SkipSpace();
            if (_at < text.Length && text[_at] == c) { _at++; return true; }
            return false;
        }

        private void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }
    }
}
