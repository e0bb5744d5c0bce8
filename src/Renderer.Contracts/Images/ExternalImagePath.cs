namespace Renderer.Sandbox;

/// <summary>
/// How an External Image value names a catalog resource, as SSRS resolves it for a report in its catalog: an absolute
/// path (<c>/Shared/logo.png</c>) or a path relative to the report's folder (<c>logo.png</c>, <c>../Shared/logo.png</c>).
/// URLs (<c>http:</c>, <c>https:</c>, <c>file:</c>, any <c>scheme:</c>), backslashes and paths whose <c>..</c> would leave
/// the root are refused. The host and the sandbox share this, so a path means the same on both sides.
/// </summary>
public static class ExternalImagePath
{
    /// <summary>Longest value resolved (longer values are refused).</summary>
    public const int MaxLength = 1024;

    /// <summary>
    /// The absolute path <paramref name="value"/> names from <paramref name="folder"/> (an absolute folder path, <c>/</c>
    /// for the root), or null with the reason in <paramref name="refusal"/>; an empty value is null with no refusal.
    /// </summary>
    public static string? Resolve(string folder, string? value, out string? refusal)
    {
        refusal = null;
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0) return null;
        if (text.Length > MaxLength) { refusal = $"it is longer than {MaxLength} characters"; return null; }
        if (HasScheme(text)) { refusal = "it is a URL, and the server fetches no URL (only catalog resources are shown)"; return null; }
        if (text.Contains('\\', StringComparison.Ordinal) || text.Any(char.IsControl)) { refusal = "it is not a catalog path"; return null; }
        var segments = text.StartsWith('/') ? new List<string>() : folder.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var part in text.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (segments.Count == 0) { refusal = "its '..' leaves the root folder"; return null; }
                segments.RemoveAt(segments.Count - 1);
            }
            else if (part != ".") segments.Add(part);
        }
        if (segments.Count == 0) { refusal = "it names a folder, not an image"; return null; }
        return "/" + string.Join('/', segments);
    }

    /// <summary>True when <paramref name="path"/> is absolute and already resolved (what the host may pass to the sandbox).</summary>
    public static bool IsResolved(string path) =>
        path.StartsWith('/') && Resolve("/", path, out _) is { } resolved && string.Equals(resolved, path, StringComparison.Ordinal);

    /// <summary>A value is shown in messages cut to 200 characters.</summary>
    public static string Shown(string value) => value.Length > 200 ? value[..200] + "..." : value;

    /// <summary><c>http:</c>, <c>file:</c>, <c>data:</c>, <c>C:</c>...: letters, digits, '+', '-' or '.' before a colon.</summary>
    private static bool HasScheme(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal)) return true;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        if (!char.IsAsciiLetter(text[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.')) return false;
        return true;
    }
}
