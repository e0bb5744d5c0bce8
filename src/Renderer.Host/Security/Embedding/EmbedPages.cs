using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Renderer.Host.Security.Transport;

namespace Renderer.Host.Security.Embedding;

/// <summary>
/// The embedding library and the page it frames. <c>/embed/embed.js</c> is the library a host page loads;
/// <c>/embed/frame?app=&lt;clientId&gt;&amp;report=&lt;id&gt;</c> is the page inside the iframe: no data and no inline
/// script, it receives the embed token by postMessage from an origin the application registered and then uses the
/// viewer's API with it. Its <c>frame-ancestors</c> lists exactly the application's registered origins (an unknown
/// application gets <c>'none'</c>); nothing in the request chooses them.
/// </summary>
public static class EmbedPages
{
    private static string AssetFolder => Path.Combine(AppContext.BaseDirectory, "embed", "static");

    public static IEndpointRouteBuilder MapEmbedPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/embed").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/embed.js", () => Results.File(Path.Combine(AssetFolder, "embed.js"), "text/javascript; charset=utf-8"));
        group.MapGet("/static/embed-frame.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.File(Path.Combine(AssetFolder, "embed-frame.js"), "text/javascript; charset=utf-8");
        });
        group.MapGet("/frame", Frame);
        return app;
    }

    private static IResult Frame(HttpContext http, string? app, string? report, IOptions<EmbeddingOptions> options)
    {
        var application = options.Value.Find(app);
        var origins = application?.Origins.Select(EmbedOrigins.Normalize).OfType<string>().Distinct().ToList() ?? [];
        http.Items[SecurityHeaders.FrameAncestorsItem] = origins;
        if (application is null || !Guid.TryParse(report, out var reportId))
            return Results.Content("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>No such embedded report.</p></body></html>",
                "text/html; charset=utf-8", null, StatusCodes.Status404NotFound);
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(application.DisplayName ?? "Report")}}</title>
            <link rel="stylesheet" href="/viewer/static/report.css">
            <link rel="stylesheet" href="/viewer/static/viewer.css">
            <script src="/viewer/static/viewer-pages.js" defer></script>
            <script src="/embed/static/embed-frame.js" defer></script>
            </head>
            <body class="embedded" data-report="{{reportId:D}}" data-origins="{{WebUtility.HtmlEncode(JsonSerializer.Serialize(origins))}}">
            <div role="toolbar" id="toolbar" aria-label="Report toolbar" aria-controls="report" hidden>
              <button type="button" id="prev" aria-label="Previous page">&#x25C0;</button>
              <span id="page-number">1</span> <span id="page-count" aria-live="polite">of ?</span>
              <button type="button" id="next" aria-label="Next page">&#x25B6;</button>
            </div>
            <main id="report" tabindex="-1" aria-label="Report">
              <p id="status" role="status" aria-live="polite">Waiting for the host page…</p>
              <div id="errors" role="alert"></div>
              <div id="page-host"></div>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
