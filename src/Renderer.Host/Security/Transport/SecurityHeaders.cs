using Microsoft.Extensions.Options;

namespace Renderer.Host.Security.Transport;

/// <summary>
/// Headers on every response: <c>X-Content-Type-Options: nosniff</c>, a strict Content-Security-Policy whose
/// <c>frame-ancestors</c> comes from <see cref="TransportOptions.FrameAncestors"/>, no referrer across origins, and
/// <c>Cache-Control: no-store</c> on everything but the API reference's static files, so report output, data and
/// definitions are never kept by a browser or proxy.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<TransportOptions> options)
{
    /// <summary>
    /// An <see cref="HttpContext.Items"/> key: a page that may be framed by particular origins (the embed frame) puts
    /// them here, already checked, and its policy lists exactly those (an empty list gives <c>'none'</c>).
    /// </summary>
    public const string FrameAncestorsItem = "Renderer.Security.FrameAncestors";

    private const string BasePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ";

    private readonly string _policy = Policy(options.Value.FrameAncestors);

    private static string Policy(IReadOnlyCollection<string> ancestors) => BasePolicy + (ancestors.Count == 0 ? "'none'" : string.Join(' ', ancestors));

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/scalar"))
            {
                headers.ContentSecurityPolicy = context.Items[FrameAncestorsItem] is IReadOnlyCollection<string> ancestors ? Policy(ancestors) : _policy;
                // The viewer's script, style sheet and fonts carry no data and may be cached; everything else may not.
                if (!IsStaticViewerFile(context.Request.Path) || !headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
            }
            // The API reference page needs inline script and carries no data; its static files keep their own caching.
            else if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsStaticViewerFile(PathString path) =>
        path.StartsWithSegments("/viewer/static") || path.StartsWithSegments("/viewer/fonts") || path.StartsWithSegments("/embed/static");
}
