using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Renderer.Host.Catalog;
using Renderer.Host.Infrastructure;
using Renderer.Host.Catalog.Logs;
using Renderer.Host.Rendering;
using Renderer.Contracts.Formats;

namespace Renderer.Host.Api;

/// <summary>
/// Renders a report for an HTTP request and writes the answer: the file with its page count and warnings, or
/// ProblemDetails whose status says who is at fault (400 request, 422 report, 500 sandbox, 504 timeout).
/// Every query-string key other than <c>format</c> is a report parameter.
/// </summary>
public static class RenderResponse
{
    public static async Task<IResult> WriteAsync(HttpContext http, CatalogEntry entry, string itemPath, ISubreportSource? subreports, RenderService renderer, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        var format = http.Request.Query["format"].ToString();
        if (format.Length == 0) format = OutputFormats.Default.Name;
        var parameters = http.Request.Query
            .Where(q => !string.Equals(q.Key, "format", StringComparison.OrdinalIgnoreCase))
            .Select(q => new KeyValuePair<string, string?[]>(q.Key, q.Value.ToArray()));
        var user = V2.CatalogHttp.Caller(http).UserId;
        using var activity = Infrastructure.Telemetry.RendererMetrics.Activities.StartActivity("render");
        activity?.SetTag("renderer.item_path", itemPath);
        activity?.SetTag("renderer.format", format);
        var result = await renderer.RenderAsync(entry, format, parameters, user, ServerUrl(http), subreports, cancellationToken, userLanguage: V2.CatalogHttp.Caller(http).Language, identity: V2.CatalogHttp.Caller(http).DataIdentity);
        http.Response.Headers.CacheControl = "no-store";
        await LogAsync(http, itemPath, format, user, start, result);
        if (result.Success)
        {
            // Only the formats RenderService accepts (OutputFormats) get here.
            var fileName = OutputFormats.Find(format)!.FileName(entry.Name);
            http.Response.Headers["X-Page-Count"] = result.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            RenderWarningHeaders.Add(http.Response.Headers, result.Diagnostics);
            return TypedResults.File(result.Content, result.ContentType, fileName);
        }
        return result.Failure switch
        {
            RenderFailure.BadRequest => ProblemResults.From(400, $"Invalid request for report '{entry.Name}'", result.Diagnostics),
            RenderFailure.Busy => Busy(http, entry.Name, result),
            RenderFailure.Timeout => ProblemResults.From(504, $"The render of '{entry.Name}' timed out", result.Diagnostics),
            RenderFailure.SandboxFailure => ProblemResults.From(500, $"The render of '{entry.Name}' failed in the sandbox", result.Diagnostics),
            _ => ProblemResults.From(422, $"The report '{entry.Name}' could not be rendered", result.Diagnostics),
        };
    }

    private static async Task LogAsync(HttpContext http, string itemPath, string format, string user, DateTimeOffset start, RenderResult result)
    {
        if (http.RequestServices.GetService<ExecutionLogWriter>() is not { } log) return;
        var parameters = string.Join('&', http.Request.Query
            .Where(q => !string.Equals(q.Key, "format", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? string.Empty))));
        var status = result.Success ? "Success" : result.Diagnostics.FirstOrDefault(d => d.IsError)?.Code ?? result.Failure.ToString();
        var t = result.Timings;
        http.RequestServices.GetService<Infrastructure.Telemetry.RendererMetrics>()?.RecordRender(format.ToLowerInvariant(), status, t, result.Content.Length);
        await log.AppendAsync(new ExecutionLogEntry(
            itemPath, user, RequestTypes.Export, format.ToLowerInvariant(), parameters.Length == 0 ? null : parameters, start, start.AddMilliseconds(t.Total),
            t.DataRetrieval, t.Processing, t.Rendering, "Live", status, result.Content.Length, t.RowCount, result.PageCount, result.PeakMemoryBytes / 1024,
            $"{{\"sandboxProcessingMs\":{t.SandboxProcessing}}}", http.Connection.RemoteIpAddress?.ToString()));
    }

    private static ProblemHttpResult Busy(HttpContext http, string name, RenderResult result)
    {
        http.Response.Headers.RetryAfter = result.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ProblemResults.From(503, $"The server is too busy to render '{name}' now", result.Diagnostics);
    }

    /// <summary>The base URL drillthrough links point at: the configured public address, never the request's (forgeable) Host header.</summary>
    private static string? ServerUrl(HttpContext http) => http.RequestServices.GetService<IOptions<PublicUrlOptions>>()?.Value.PublicBaseUrl;
}
