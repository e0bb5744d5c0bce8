using System.Collections.Frozen;
using System.Net;
using Renderer.Contracts.Formats;
using Renderer.Host.Api;
using Renderer.Host.Api.V2;
using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Rendering;
using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Viewer;

/// <summary>
/// The viewer's page (<c>/viewer?path=/Folder/Report&amp;Param=value&amp;rc:Toolbar=false</c>), its script, style
/// sheet and fonts, and SSRS URL access (<c>/ReportServer?/Folder/Report&amp;rs:Command=Render&amp;rs:Format=PDF</c>):
/// with <c>rs:Format</c> the report is rendered in that format at once, without it the viewer opens. Files are only
/// served from the fixed lists read at start, never from a path in the request.
/// </summary>
public static class ViewerPages
{
    private static readonly FrozenDictionary<string, string> Assets = new Dictionary<string, string>
    {
        ["viewer.css"] = "text/css; charset=utf-8",
        ["viewer.js"] = "text/javascript; charset=utf-8",
        ["viewer-params.js"] = "text/javascript; charset=utf-8",
        ["viewer-pages.js"] = "text/javascript; charset=utf-8",
        ["viewer-catalog.js"] = "text/javascript; charset=utf-8",
        ["viewer-subscriptions.js"] = "text/javascript; charset=utf-8",
        ["viewer-subscription-form.js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenSet<string>> Fonts = new(() =>
        Directory.Exists(FontFolder) ? Directory.GetFiles(FontFolder, "*.ttf").Select(Path.GetFileName).OfType<string>().ToFrozenSet(StringComparer.Ordinal) : FrozenSet<string>.Empty);

    private static string AssetFolder => Path.Combine(AppContext.BaseDirectory, "viewer", "static");

    private static string FontFolder => Path.Combine(AppContext.BaseDirectory, "viewer", "fonts");

    public static IEndpointRouteBuilder MapViewerPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/viewer", Shell).ExcludeFromDescription();
        app.MapGet("/viewer/subscriptions", SubscriptionPages.Shell).ExcludeFromDescription();
        app.MapGet("/viewer/static/{file}", Asset).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/viewer/fonts/{file}", Font).AllowAnonymous().ExcludeFromDescription();
        // The report pages' style sheet (fonts and the classes the HTML writer uses), the same for every report.
        app.MapGet("/viewer/static/report.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(HtmlStyleSheet.Text, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/ReportServer", UrlAccess).ExcludeFromDescription();
        return app;
    }

    private static IResult Shell(HttpContext http) =>
        Results.Content(ShellHtml(CatalogHttp.Caller(http).UserId), "text/html; charset=utf-8");

    private static IResult Asset(HttpContext http, string file)
    {
        if (!Assets.TryGetValue(file, out var type)) return Results.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.File(Path.Combine(AssetFolder, file), type);
    }

    private static IResult Font(HttpContext http, string file)
    {
        if (!ShippedFonts.IsShipped(file) || !Fonts.Value.Contains(file)) return Results.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.File(Path.Combine(FontFolder, file), "font/ttf");
    }

    /// <summary>
    /// SSRS URL access. The report path is the query's first key (<c>?/Sales/Report</c>); <c>rs:</c> and <c>rc:</c> keys
    /// are commands and viewer settings, every other key a report parameter (repeated for several values,
    /// <c>name:isnull=true</c> for null). <c>rs:Format</c> renders in that format (PDF, EXCELOPENXML, WORDOPENXML, CSV,
    /// HTML5 or our own names); without it the browser is sent to the viewer with the same settings.
    /// </summary>
    private static async Task<IResult> UrlAccess(HttpContext http, CatalogQueries queries, CatalogReports reports, RenderService renderer, CancellationToken cancellationToken)
    {
        var request = UrlAccessRequest.Parse(http.Request.Query);
        if (request.Path is null) return Results.Redirect("/browse");
        if (request.Format is null) return Results.Redirect("/viewer" + request.ViewerQuery());
        if (OutputFormats.All.FirstOrDefault(f => string.Equals(f.RenderFormatName, request.Format, StringComparison.OrdinalIgnoreCase) || string.Equals(f.Name, request.Format, StringComparison.OrdinalIgnoreCase) || (f == OutputFormats.Html && request.Format.StartsWith("HTML", StringComparison.OrdinalIgnoreCase))) is not { } format)
            return TypedResults.Problem(statusCode: 400, title: "Unsupported format", detail: $"rs:Format '{request.Format}' is not supported; use one of: {string.Join(", ", OutputFormats.All.Select(f => f.RenderFormatName))}.");
        if (!CatalogPath.TryParse(request.Path, out var path, out var error)) return CatalogHttp.BadPath(error);
        if (await queries.GetAsync(path.Value, cancellationToken) is not { DeletedAt: null, Kind: CatalogItemKind.Report } item) return CatalogHttp.Problem(CatalogError.NotFound(path.Value.Value));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.View, cancellationToken) is { } denied) return denied;
        var loaded = await reports.LoadAsync(item, cancellationToken);
        if (loaded is not { Success: true, Entry: { } entry }) return ProblemResults.From(422, $"The report '{item.Path}' does not compile", loaded?.Diagnostics ?? []);
        var caller = CatalogHttp.Caller(http);
        var permissions = http.RequestServices.GetRequiredService<PermissionChecker>();
        var subreports = CatalogFolderSubreports.ViewableBy(reports, item.Path, permissions, caller);
        var result = await renderer.RenderAsync(entry, format.Name, request.Parameters, caller.UserId, null, subreports, cancellationToken, userLanguage: caller.Language, identity: caller.DataIdentity);
        if (!result.Success) return ProblemResults.From(result.Failure == RenderFailure.BadRequest ? 400 : 422, $"The report '{item.Path}' could not be rendered", result.Diagnostics);
        return TypedResults.File(result.Content, result.ContentType, format.FileName(item.Name));
    }

    /// <summary>The export list: every output format but HTML (the viewer shows that one), as the one list of formats names them.</summary>
    internal static readonly string ExportOptions = string.Concat(OutputFormats.All.Where(f => f != OutputFormats.Html)
        .Select(f => $"<option value=\"{f.Name}\">{WebUtility.HtmlEncode(f.DisplayName)}</option>"));

    private static string ShellHtml(string user) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Report viewer</title>
        <link rel="stylesheet" href="/viewer/static/report.css">
        <link rel="stylesheet" href="/viewer/static/viewer.css">
        <script src="/viewer/static/viewer-catalog.js" defer></script>
        <script src="/viewer/static/viewer-params.js" defer></script>
        <script src="/viewer/static/viewer-pages.js" defer></script>
        <script src="/viewer/static/viewer.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#report">Skip to report</a>
        <header class="top" role="banner">
          <nav aria-label="Breadcrumb" id="breadcrumb"><ol></ol></nav>
          <nav aria-label="Site" class="site"><a href="/viewer">Home</a> <a href="/viewer/subscriptions">My subscriptions</a></nav>
          <p class="user">Signed in as <strong id="user">{{WebUtility.HtmlEncode(user)}}</strong></p>
        </header>
        <div class="viewer">
          <aside id="params" aria-label="Parameters" hidden>
            <button type="button" id="params-toggle" aria-expanded="true" aria-controls="param-form">Parameters</button>
            <form id="param-form" novalidate><div id="param-grid"></div>
              <div class="param-actions"><button type="submit" id="view-report">View report</button></div>
            </form>
          </aside>
          <div role="toolbar" id="toolbar" aria-label="Report toolbar" aria-controls="report" hidden>
            <button type="button" id="toolbar-menu" class="narrow-only" aria-expanded="false" aria-controls="toolbar-items">Menu</button>
            <div id="toolbar-items">
            <button type="button" id="back" hidden>Back to parent report</button>
            <button type="button" id="first" aria-label="First page">&#x23EE;</button>
            <button type="button" id="prev" aria-label="Previous page">&#x25C0;</button>
            <label for="page-number">Page</label> <input id="page-number" type="number" min="1" value="1" inputmode="numeric">
            <span id="page-count" aria-live="polite">of ?</span>
            <button type="button" id="next" aria-label="Next page">&#x25B6;</button>
            <button type="button" id="last" aria-label="Last page">&#x23ED;</button>
            <label for="zoom">Zoom</label>
            <select id="zoom"><option value="page-width">Page width</option><option value="whole-page">Whole page</option><option value="50">50%</option><option value="75">75%</option><option value="100" selected>100%</option><option value="150">150%</option><option value="200">200%</option><option value="400">400%</option></select>
            <form id="find-form" role="search"><label for="find-text">Find</label> <input id="find-text" type="search">
            <button type="submit" id="find-next">Next</button><button type="button" id="find-prev">Previous</button></form>
            <label for="export-format">Export</label>
            <select id="export-format">{{ExportOptions}}</select>
            <button type="button" id="export">Export</button>
            <button type="button" id="print">Print</button>
            <button type="button" id="refresh">Refresh</button>
            <a id="subscribe" class="button" href="/viewer/subscriptions">Subscribe</a>
            <button type="button" id="docmap-toggle" aria-expanded="false" aria-controls="docmap" hidden>Document map</button>
            </div>
          </div>
          <nav id="docmap" aria-label="Document map" hidden><ul></ul></nav>
          <main id="report" tabindex="-1" aria-label="Report">
            <p id="status" role="status" aria-live="polite"></p>
            <div id="errors" role="alert"></div>
            <div id="catalog" hidden></div>
            <div id="page-host"></div>
          </main>
        </div>
        </body>
        </html>
        """;
}
