using System.Text;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// Translates .NET format strings (as used in RDL Format properties) into Excel number format codes.
/// Output is culture-neutral (en-US style separators; currency as <c>[$$-409]</c>). Returns null for "General".
/// Anything Excel has no code for is quoted or escaped so the produced code is always valid.
/// </summary>
internal static class ExcelNumberFormat
{
    /// <summary>Format for dates whose item has no Format.</summary>
    public const string DefaultDate = "yyyy-mm-dd";

    /// <summary>Format for <see cref="TimeSpan"/> values (elapsed hours).</summary>
    public const string Duration = "[h]:mm:ss";

    private const string Currency = "[$$-409]";
    private const string LongDate = "dddd, mmmm d, yyyy";

    /// <summary>Excel's built-in number formats (ids 1-49 need no numFmt entry) that we may produce.</summary>
    private static readonly Dictionary<string, uint> BuiltIn = new(StringComparer.Ordinal)
    {
        ["0"] = 1,
        ["0.00"] = 2,
        ["#,##0"] = 3,
        ["#,##0.00"] = 4,
        ["0%"] = 9,
        ["0.00%"] = 10,
        ["0.00E+00"] = 11,
        ["@"] = 49,
    };

    /// <summary>The Excel format code for a value of <paramref name="kind"/> formatted with .NET <paramref name="format"/>.</summary>
    public static string? FromDotNet(string? format, ExcelValueKind kind) => FromDotNet(format, kind, null);

    /// <summary>
    /// As <see cref="FromDotNet(string?, ExcelValueKind)"/>, with currency ("C") following <paramref name="culture"/>
    /// (the report's Language): its symbol, locale id and symbol position. Null culture: en-US.
    /// </summary>
    public static string? FromDotNet(string? format, ExcelValueKind kind, System.Globalization.CultureInfo? culture) => kind switch
    {
        ExcelValueKind.Number => FromNumericFormat(format, culture),
        ExcelValueKind.DateTime => FromDateFormat(format),
        ExcelValueKind.Duration => Duration,
        _ => null,
    };

    /// <summary>True when <paramref name="code"/> is one of Excel's built-in formats, with its id.</summary>
    public static bool TryGetBuiltInId(string code, out uint id) => BuiltIn.TryGetValue(code, out id);

    /// <summary>The code of a built-in format id (for readers of our own output), or null.</summary>
    public static string? GetBuiltInCode(uint id)
    {
        foreach (var pair in BuiltIn)
        {
            if (pair.Value == id)
            {
                return pair.Key;
            }
        }

        return id == 14 ? "m/d/yyyy" : null;
    }

    public static string? FromNumericFormat(string? format) => FromNumericFormat(format, null);

    public static string? FromNumericFormat(string? format, System.Globalization.CultureInfo? culture)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            return null;
        }

        if (TryParseStandard(format, out var letter, out var precision))
        {
            return char.ToUpperInvariant(letter) switch
            {
                'N' => "#,##0" + Decimals(precision ?? 2),
                'F' => "0" + Decimals(precision ?? 2),
                'C' => CurrencyCode(culture, "#,##0" + Decimals(precision ?? culture?.NumberFormat.CurrencyDecimalDigits ?? 2)),
                'P' => "0" + Decimals(precision ?? 2) + "%",
                'D' => precision is > 1 ? new string('0', precision.Value) : "0",
                'E' => "0" + Decimals(precision ?? 6) + "E+000",
                _ => null, // G, R, X and unknown letters: General.
            };
        }

        return TranslateCustomNumeric(format);
    }

    public static string FromDateFormat(string? format)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            return DefaultDate;
        }

        if (format.Length == 1)
        {
            return format[0] switch
            {
                'd' => "m/d/yyyy",
                'D' => LongDate,
                'f' => LongDate + " h:mm AM/PM",
                'F' or 'U' => LongDate + " h:mm:ss AM/PM",
                'g' => "m/d/yyyy h:mm AM/PM",
                'G' => "m/d/yyyy h:mm:ss AM/PM",
                'M' or 'm' => "mmmm d",
                'Y' or 'y' => "mmmm yyyy",
                't' => "h:mm AM/PM",
                'T' => "h:mm:ss AM/PM",
                's' => "yyyy-mm-dd\"T\"hh:mm:ss",
                'u' => "yyyy-mm-dd hh:mm:ss\"Z\"",
                'o' or 'O' => "yyyy-mm-dd\"T\"hh:mm:ss.000",
                'r' or 'R' => "ddd, dd mmm yyyy hh:mm:ss \"GMT\"",
                _ => DefaultDate,
            };
        }

        var code = TranslateCustomDate(format).Trim();
        return code.Length == 0 ? DefaultDate : code;
    }

    /// <summary>
    /// Excel's currency code for a culture: <c>[$symbol-lcid]</c> before or after the number as the culture's positive
    /// pattern says (en-US and invariant: <c>[$$-409]#,##0.00</c>; de-DE: <c>#,##0.00 [$€-407]</c>).
    /// </summary>
    private static string CurrencyCode(System.Globalization.CultureInfo? culture, string number)
    {
        if (culture is null || culture.Name.Length == 0 || culture.Name == "en-US")
        {
            return Currency + number;
        }

        var symbol = culture.NumberFormat.CurrencySymbol;
        var lcid = culture.LCID;
        string tag;
        if (symbol.Length > 0 && symbol.IndexOfAny([']', '-', '"']) < 0 && lcid is > 0 and < 0x10000 and not 0x1000 and not 0x7F)
        {
            tag = "[$" + symbol + "-" + lcid.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "]";
        }
        else
        {
            tag = "\"" + symbol.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
        }

        return culture.NumberFormat.CurrencyPositivePattern switch
        {
            1 => number + tag,
            2 => tag + " " + number,
            3 => number + " " + tag,
            _ => tag + number,
        };
    }

    private static bool TryParseStandard(string format, out char letter, out int? precision)
    {
        letter = format[0];
        precision = null;
        if (!char.IsAsciiLetter(letter) || format.Length > 3)
        {
            return false;
        }

        for (var i = 1; i < format.Length; i++)
        {
            if (!char.IsAsciiDigit(format[i]))
            {
                return false;
            }
        }

        if (format.Length > 1)
        {
            // Excel shows at most 30 decimals; larger precisions would only bloat the code.
            precision = Math.Min(int.Parse(format.AsSpan(1), provider: System.Globalization.CultureInfo.InvariantCulture), 30);
        }

        return true;
    }

    private static string Decimals(int count) => count <= 0 ? string.Empty : "." + new string('0', count);

    /// <summary>.NET custom numeric patterns are mostly valid Excel codes; quote what Excel would misread.</summary>
    private static string? TranslateCustomNumeric(string format)
    {
        var sb = new StringBuilder(format.Length + 8);
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            switch (c)
            {
                case '0' or '#' or '.' or ',' or '%' or ';':
                    sb.Append(c);
                    break;
                case 'E' or 'e' when IsExponent(format, i, out var length):
                    var sign = format[i + 1] == '-' ? '-' : '+';
                    var zeros = length - (format[i + 1] is '+' or '-' ? 2 : 1);
                    sb.Append('E').Append(sign).Append('0', zeros);
                    i += length - 1;
                    break;
                case '\\' when i + 1 < format.Length:
                    AppendEscaped(sb, format[++i]);
                    break;
                case '\'' or '"':
                    i = AppendQuoted(sb, format, i);
                    break;
                default:
                    AppendLiteral(sb, c);
                    break;
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    private static bool IsExponent(string format, int index, out int length)
    {
        var i = index + 1;
        if (i < format.Length && format[i] is '+' or '-')
        {
            i++;
        }

        var start = i;
        while (i < format.Length && format[i] == '0')
        {
            i++;
        }

        length = i - index;
        return i > start;
    }

    private static string TranslateCustomDate(string format)
    {
        var sb = new StringBuilder(format.Length + 8);
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c && char.IsAsciiLetter(c))
            {
                run++;
            }

            switch (c)
            {
                case 'y':
                    sb.Append(run <= 2 ? "yy" : "yyyy");
                    break;
                case 'M':
                    sb.Append('m', Math.Min(run, 4));
                    break;
                case 'd':
                    sb.Append('d', Math.Min(run, 4));
                    break;
                case 'H' or 'h':
                    sb.Append('h', Math.Min(run, 2));
                    break;
                case 'm':
                    sb.Append('m', Math.Min(run, 2));
                    break;
                case 's':
                    sb.Append('s', Math.Min(run, 2));
                    break;
                case 'f' or 'F':
                    sb.Append('0', Math.Min(run, 3));
                    break;
                case 't':
                    sb.Append(run == 1 ? "A/P" : "AM/PM");
                    break;
                case 'z' or 'K' or 'g':
                    break; // time zone and era have no Excel equivalent.
                case '%':
                    break; // "%d" marks a single-letter custom pattern.
                case '\\' when i + 1 < format.Length:
                    AppendEscaped(sb, format[i + 1]);
                    run = 2;
                    break;
                case '\'' or '"':
                    run = AppendQuoted(sb, format, i) - i + 1;
                    break;
                case '/' or ':' or '.' or ',':
                    sb.Append(c);
                    break;
                default:
                    AppendLiteral(sb, c);
                    break;
            }

            i += run;
        }

        return sb.ToString();
    }

    /// <summary>Copies a quoted literal as an Excel double-quoted literal; returns the index of the closing quote.</summary>
    private static int AppendQuoted(StringBuilder sb, string format, int open)
    {
        var quote = format[open];
        var i = open + 1;
        var text = new StringBuilder();
        while (i < format.Length && format[i] != quote)
        {
            if (format[i] == '\\' && i + 1 < format.Length)
            {
                i++;
            }

            text.Append(format[i]);
            i++;
        }

        if (text.Length > 0)
        {
            // Excel literals cannot contain a double quote; emit those as escaped characters.
            var parts = text.ToString().Split('"');
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0)
                {
                    sb.Append("\\\"");
                }

                if (parts[p].Length > 0)
                {
                    sb.Append('"').Append(parts[p]).Append('"');
                }
            }
        }

        return Math.Min(i, format.Length - 1);
    }

    private static void AppendLiteral(StringBuilder sb, char c)
    {
        // Characters Excel shows literally without quoting; everything else is backslash-escaped.
        if (c is ' ' or '-' or '+' or '$' or '(' or ')' or '/' or ':')
        {
            sb.Append(c);
        }
        else
        {
            AppendEscaped(sb, c);
        }
    }

    private static void AppendEscaped(StringBuilder sb, char c)
    {
        if (c == ' ')
        {
            sb.Append(' ');
        }
        else
        {
            sb.Append('\\').Append(c);
        }
    }
}
