namespace Renderer.Sandbox.Pages;

/// <summary>
/// Which hyperlink targets writers may emit: absolute http, https and mailto URLs. Anything else (javascript:, file:,
/// data:, relative paths) is dropped at processing time with a warning, and writers check again before writing a link.
/// </summary>
public static class SafeLinks
{
    /// <summary>The trimmed URL when it is an absolute http, https or mailto URL; otherwise null.</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var trimmed = url.Trim();
        if (trimmed.Any(char.IsControl)) return null;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)) return null;
        return uri.Scheme is "http" or "https" or "mailto" ? trimmed : null;
    }

    public static bool IsAllowed(string? url) => Normalize(url) is not null;
}
