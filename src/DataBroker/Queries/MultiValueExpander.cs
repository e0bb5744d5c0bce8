using System.Text;

namespace DataBroker.Queries;

/// <summary>
/// Expands a multi-value query parameter in SQL text, as SSRS does for <c>WHERE Region IN (@Region)</c>: each reference
/// <c>@Region</c> (or <c>:Region</c> / <c>$Region</c>) outside string literals, quoted identifiers and comments becomes
/// <c>@Region_0, @Region_1, ...</c>, one generated placeholder per value. Only generated parameter <em>names</em> are written
/// into the text; the values are bound separately, so a value can never change the statement.
/// </summary>
internal static class MultiValueExpander
{
    /// <summary>Rewrites every reference to <paramref name="bareName"/> (without prefix) into <paramref name="count"/> placeholders
    /// named <c>{prefix}{bareName}{suffix}{i}</c>. Returns the new text and how many references were replaced.</summary>
    public static (string Text, int Replaced) Expand(string sql, string bareName, string suffix, int count)
    {
        var sb = new StringBuilder(sql.Length + 16 * count);
        int replaced = 0;
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            int skipTo = c switch
            {
                '\'' => EndOfQuoted(sql, i, '\''),
                '"' => EndOfQuoted(sql, i, '"'),
                '`' => EndOfQuoted(sql, i, '`'),
                '[' => EndOfQuoted(sql, i, ']'),
                '-' when i + 1 < sql.Length && sql[i + 1] == '-' => EndOfLine(sql, i),
                '/' when i + 1 < sql.Length && sql[i + 1] == '*' => EndOfBlockComment(sql, i),
                _ => -1,
            };
            if (skipTo >= 0)
            {
                sb.Append(sql, i, skipTo - i);
                i = skipTo;
                continue;
            }
            if (c is '@' or ':' or '$' && (i == 0 || !IsIdentifierChar(sql[i - 1]) && sql[i - 1] != c) && Matches(sql, i + 1, bareName))
            {
                for (int k = 0; k < count; k++)
                {
                    if (k > 0) sb.Append(", ");
                    sb.Append(c).Append(bareName).Append(suffix).Append(k);
                }
                replaced++;
                i += 1 + bareName.Length;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return (sb.ToString(), replaced);
    }

    private static bool Matches(string sql, int start, string name)
    {
        if (start + name.Length > sql.Length) return false;
        if (string.Compare(sql, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        int end = start + name.Length;
        return end == sql.Length || !IsIdentifierChar(sql[end]);
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '#' or '@';

    /// <summary>Index just past the closing <paramref name="close"/> (a doubled closer is an escaped one), or the end of the text.</summary>
    private static int EndOfQuoted(string sql, int open, char close)
    {
        int i = open + 1;
        while (i < sql.Length)
        {
            if (sql[i] == close)
            {
                if (i + 1 < sql.Length && sql[i + 1] == close)
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.Length;
    }

    private static int EndOfLine(string sql, int start)
    {
        int nl = sql.IndexOf('\n', start);
        return nl < 0 ? sql.Length : nl + 1;
    }

    private static int EndOfBlockComment(string sql, int start)
    {
        int end = sql.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return end < 0 ? sql.Length : end + 2;
    }
}
