using System.Text;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// Hands out valid, unique worksheet names: at most 31 characters, none of <c>[ ] : * ? / \</c>, no leading or
/// trailing apostrophe, not "History" (reserved by Excel), unique ignoring case.
/// </summary>
internal sealed class SheetNames
{
    public const int MaxLength = 31;

    private const string Fallback = "Sheet";

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A valid name derived from <paramref name="desired"/>, different from every name handed out before.</summary>
    public string GetUniqueName(string? desired)
    {
        var baseName = Sanitize(desired);
        if (_used.Add(baseName))
        {
            return baseName;
        }

        for (var n = 2; ; n++)
        {
            var suffix = $" ({n})";
            var candidate = Truncate(baseName, MaxLength - suffix.Length).TrimEnd() + suffix;
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Makes <paramref name="name"/> a valid sheet name (not necessarily unique).</summary>
    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback + "1";
        }

        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '[' or ']' or ':' or '*' or '?' or '/' or '\\')
            {
                sb.Append('_');
            }
            else if (!char.IsControl(c))
            {
                sb.Append(c);
            }
        }

        var result = Truncate(sb.ToString().Trim().Trim('\''), MaxLength).Trim().Trim('\'');
        if (result.Length == 0)
        {
            return Fallback + "1";
        }

        return string.Equals(result, "History", StringComparison.OrdinalIgnoreCase) ? result + "_" : result;
    }

    private static string Truncate(string value, int length)
    {
        if (value.Length <= length)
        {
            return value;
        }

        // Do not cut a surrogate pair in half.
        var cut = char.IsHighSurrogate(value[length - 1]) ? length - 1 : length;
        return value[..cut];
    }
}
