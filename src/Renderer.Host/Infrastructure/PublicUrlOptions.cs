using System.Net;

namespace Renderer.Host.Infrastructure;

/// <summary>
/// The address clients reach this server at, bound from the "Renderer" section. Absolute links the server writes
/// (drillthrough links in documents, Globals!ReportServerUrl) start with <see cref="PublicBaseUrl"/>, never with the
/// request's Host header, which any client can forge.
/// </summary>
public sealed class PublicUrlOptions
{
    public const string SectionName = "Renderer";

    /// <summary>
    /// e.g. <c>https://reports.example.com</c> or <c>https://example.com/reports</c> (http or https, no query, fragment or
    /// user info). Default: derived from the first listen address (<c>Urls</c>), with <c>localhost</c> for a wildcard one.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Why <paramref name="value"/> is not a usable public base URL, or null when it is.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "Renderer:PublicBaseUrl is empty.";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return $"Renderer:PublicBaseUrl '{value}' is not an absolute http or https URL.";
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return $"Renderer:PublicBaseUrl '{value}' may not hold user info, a query or a fragment.";
        return null;
    }

    /// <summary>The base URL for the listen addresses <paramref name="urls"/> (the <c>Urls</c> setting, ';'-separated; Kestrel's default when empty).</summary>
    public static string FromListenAddresses(string? urls)
    {
        var first = ListenAddresses(urls).First();
        var builder = new UriBuilder(first.Scheme, IsWildcard(first.Host) ? "localhost" : first.Host, first.Port);
        return builder.Uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>
    /// The host names requests may carry by default: the public URL's host and the listen addresses' hosts, plus the
    /// loopback names when one of them is a loopback or wildcard address. Empty entries never appear.
    /// </summary>
    public static IReadOnlyList<string> DefaultAllowedHosts(string publicBaseUrl, string? urls)
    {
        var hosts = new List<string> { new Uri(publicBaseUrl).Host };
        foreach (var address in ListenAddresses(urls))
        {
            if (IsWildcard(address.Host) || IsLoopback(address.Host)) hosts.AddRange(["localhost", "127.0.0.1", "[::1]"]);
            else hosts.Add(address.Host);
        }
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static IEnumerable<Uri> ListenAddresses(string? urls)
    {
        var parsed = (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            // Kestrel accepts "*" and "+" as hosts, which Uri does not.
            .Select(u => Uri.TryCreate(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .ToList();
        return parsed.Count > 0 ? parsed : [new Uri("http://localhost:5000")];
    }

    private static bool IsWildcard(string host) => host is "0.0.0.0" or "[::]" or "::";

    internal static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
