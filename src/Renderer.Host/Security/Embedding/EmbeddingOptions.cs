using Microsoft.Extensions.Options;

namespace Renderer.Host.Security.Embedding;

/// <summary>
/// <c>Embedding:*</c>: the applications that may embed reports (<c>Embedding:Applications:&lt;ClientId&gt;</c>, each with
/// the origins whose pages may frame the report and a display name for the audit log) and how often the embed token
/// signing key is replaced (<see cref="KeyRotation"/>, one day by default).
/// </summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embedding";

    /// <summary>The longest and default lifetime of an embed token.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromMinutes(60);

    public Dictionary<string, EmbedApplication> Applications { get; set; } = new(StringComparer.Ordinal);

    public TimeSpan KeyRotation { get; set; } = TimeSpan.FromDays(1);

    public EmbedApplication? Find(string? clientId) =>
        clientId is not null && Applications.TryGetValue(clientId, out var application) ? application : null;
}

/// <summary>An application registered to embed reports: the origins of its pages (scheme, host and port) and its name.</summary>
public sealed class EmbedApplication
{
    public string? DisplayName { get; set; }

    public string[] Origins { get; set; } = [];
}

internal sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        var errors = new List<string>();
        if (options.KeyRotation < TimeSpan.FromMinutes(5) || options.KeyRotation > TimeSpan.FromDays(90))
            errors.Add("Embedding:KeyRotation must be between 00:05:00 and 90.00:00:00.");
        foreach (var (clientId, application) in options.Applications)
        {
            var setting = $"Embedding:Applications:{clientId}";
            if (clientId.Length is 0 or > 100 || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                errors.Add($"{setting}: the client id may hold only letters, digits, '-', '_' and '.' (at most 100).");
            if (clientId is Identity.DevIdentityProvider.WebClientId or Identity.DevIdentityProvider.CliClientId)
                errors.Add($"{setting}: '{clientId}' is the server's own client id; choose another.");
            if (application.Origins.Length == 0) errors.Add($"{setting}:Origins must list at least one origin.");
            for (var i = 0; i < application.Origins.Length; i++)
                if (OriginProblem(application.Origins[i]) is { } problem) errors.Add($"{setting}:Origins:{i}: {problem}");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// Why <paramref name="origin"/> is not an origin a page may frame reports from: it must be exactly
    /// <c>scheme://host[:port]</c>, https, or http on a loopback host (for development).
    /// </summary>
    internal static string? OriginProblem(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin) || !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return $"'{origin}' is not an http or https origin.";
        if (!string.Equals(EmbedOrigins.Normalize(origin), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase) || origin.Contains('*', StringComparison.Ordinal))
            return $"'{origin}' must be only scheme://host[:port], without path, query or wildcard.";
        if (uri.Scheme == Uri.UriSchemeHttp && !Infrastructure.PublicUrlOptions.IsLoopback(uri.Host))
            return $"'{origin}' uses http on a host that is not loopback; use https.";
        return null;
    }
}

/// <summary>Origins compared as the browser sends them: lower-case scheme and host, the port only when not the default.</summary>
public static class EmbedOrigins
{
    public static string? Normalize(string? origin) =>
        Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) && uri.AbsolutePath is "/" or "" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}
