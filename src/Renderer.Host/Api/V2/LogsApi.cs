using System.Globalization;
using System.Text;
using Renderer.Host.Catalog.Logs;

using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Api.V2;

/// <summary>The execution log (ExecutionLog3's fields) and the audit log, newest first; the audit log also as CSV.</summary>
public static class LogsApi
{
    public static IEndpointRouteBuilder MapLogsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(CatalogItemsApi.Prefix).WithTags("Logs");
        api.MapGet("/ExecutionLog", Executions).WithSummary("Renders, newest first; filter with ?path=, ?user=, ?since= (ISO 8601).");
        api.MapGet("/AuditLog", Audit).WithSummary("Catalog changes, renders and exports, newest first; ?format=csv exports them.");
        return app;
    }

    private static async Task<IResult> Executions(HttpContext http, LogQueries logs, string? path, string? user, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ViewServerLogs, cancellationToken) is { } denied) return denied;
        var (skip, top) = CatalogHttp.Paging(http.Request);
        var rows = await logs.ExecutionsAsync(path, user, since, skip, top, cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new CatalogPage<ExecutionLogEntry>(rows, rows.Count == top ? skip + top : null));
    }

    private static async Task<IResult> Audit(HttpContext http, LogQueries logs, string? path, string? user, DateTimeOffset? since, string? format, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ViewServerLogs, cancellationToken) is { } denied) return denied;
        var (skip, top) = CatalogHttp.Paging(http.Request);
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        var rows = await logs.AuditAsync(path, user, since, skip, csv && !http.Request.Query.ContainsKey("$top") ? 100_000 : top, cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        if (!csv) return TypedResults.Ok(new CatalogPage<AuditEntry>(rows, rows.Count == top ? skip + top : null));
        var text = new StringBuilder("Id,At,User,Action,ItemPath,ClientAddress,Outcome,Details\r\n");
        foreach (var row in rows)
            text.Append(CultureInfo.InvariantCulture, $"{row.Id},{row.At:O},{Csv(row.UserName)},{Csv(row.Action)},{Csv(row.ItemPath)},{Csv(row.ClientAddress)},{Csv(row.Outcome)},{Csv(row.Details)}\r\n");
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "audit-log.csv");
    }

    /// <summary>A CSV field, quoted when needed, with a leading apostrophe before text a spreadsheet would run as a formula.</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
