using System.Text;
using System.Text.RegularExpressions;

namespace Renderer.Sandbox.Processing.Filters;

/// <summary>
/// The VB <c>Like</c> pattern a Like filter uses: <c>*</c> any run of characters, <c>?</c> one character, <c>#</c> one digit,
/// <c>[abc]</c> / <c>[a-z]</c> / <c>[!abc]</c> character lists. As in SSRS the match is case-insensitive, and <c>%</c> is also
/// accepted for "any run of characters" (the SSRS filter documentation uses it, e.g. <c>%o%th*</c>).
/// </summary>
internal static class LikePattern
{
    private static readonly Dictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static bool IsMatch(string text, string pattern)
    {
        Regex? regex;
        lock (Cache)
        {
            if (!Cache.TryGetValue(pattern, out regex))
            {
                regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(2));
                if (Cache.Count < 256) Cache[pattern] = regex;
            }
        }
        return regex.IsMatch(text);
    }

    internal static string ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '*' or '%': sb.Append(".*"); break;
                case '?': sb.Append('.'); break;
                case '#': sb.Append("[0-9]"); break;
                case '[':
                    int close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }
                    var list = pattern.Substring(i + 1, close - i - 1);
                    i = close;
                    bool negate = list.StartsWith('!');
                    if (negate) list = list[1..];
                    if (list.Length == 0)
                    {
                        if (negate) sb.Append('!');
                        break;
                    }
                    sb.Append(negate ? "[^" : "[");
                    foreach (char ch in list) sb.Append(ch == '-' ? "-" : Regex.Escape(ch.ToString()).Replace("]", @"\]"));
                    sb.Append(']');
                    break;
                default: sb.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return sb.Append('$').ToString();
    }
}
