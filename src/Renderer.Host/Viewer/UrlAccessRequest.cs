using System.Text;

namespace Renderer.Host.Viewer;

/// <summary>
/// An SSRS URL access query split into the report path (the first key, <c>?/Folder/Report</c>), the <c>rs:</c> command
/// keys, the <c>rc:</c> device settings and the report parameters (<c>name:isnull=true</c> is a null value).
/// </summary>
public sealed record UrlAccessRequest(string? Path, string? Format, IReadOnlyList<KeyValuePair<string, string?>> Settings, IReadOnlyList<KeyValuePair<string, string?[]>> Parameters)
{
    public static UrlAccessRequest Parse(IQueryCollection query)
    {
        string? path = null, format = null;
        var settings = new List<KeyValuePair<string, string?>>();
        var parameters = new List<KeyValuePair<string, string?[]>>();
        foreach (var (key, values) in query)
        {
            if (path is null && key.StartsWith('/') && values.All(string.IsNullOrEmpty))
            {
                path = key;
                continue;
            }
            if (key.StartsWith("rs:", StringComparison.OrdinalIgnoreCase))
            {
                if (string.Equals(key, "rs:Format", StringComparison.OrdinalIgnoreCase)) format = values.ToString();
                continue;
            }
            if (key.StartsWith("rc:", StringComparison.OrdinalIgnoreCase))
            {
                settings.Add(new(key, values.ToString()));
                continue;
            }
            if (key.EndsWith(":isnull", StringComparison.OrdinalIgnoreCase))
            {
                if (string.Equals(values.ToString(), "true", StringComparison.OrdinalIgnoreCase)) parameters.Add(new(key[..^":isnull".Length], [null]));
                continue;
            }
            parameters.Add(new(key, values.ToArray()));
        }
        return new UrlAccessRequest(path, string.IsNullOrEmpty(format) ? null : format, settings, parameters);
    }

    /// <summary>The viewer's query string for the same report, parameters and settings (<c>?path=...&amp;rc:Toolbar=false</c>).</summary>
    public string ViewerQuery()
    {
        var query = new StringBuilder("?path=").Append(Uri.EscapeDataString(Path ?? "/"));
        foreach (var (key, value) in Settings) query.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
        foreach (var (key, values) in Parameters)
        {
            foreach (var value in values)
            {
                query.Append('&').Append(Uri.EscapeDataString(value is null ? key + ":isnull" : key)).Append('=').Append(Uri.EscapeDataString(value ?? "true"));
            }
        }
        return query.ToString();
    }
}
