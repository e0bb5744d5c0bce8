using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Renderer.Host.Catalog;
using Renderer.Host.Rendering;

namespace Renderer.Host.Api;

/// <summary>/api/reports: upload and list reports, and render one to PDF, XLSX, CSV or DOCX.</summary>
public static class ReportsApi
{
    private const long MaxUploadBytes = 32 * 1024 * 1024;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/reports");
        api.MapPost("/", UploadReport).DisableAntiforgery();
        api.MapGet("/", ListReports);
        api.MapGet("/{name}", GetReport);
        api.MapGet("/{name}/render", RenderReport);
        return app;
    }

    /// <summary>Uploads an RDL as the raw request body; the name comes from ?name= (default: the report's file name is required).</summary>
    public static async Task<Results<Created<ReportSummary>, ProblemHttpResult>> UploadReport(
        HttpRequest request,
        [FromQuery] string? name,
        ReportCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
            return TypedResults.Problem(title: "Missing report name", detail: "Give the report a name with ?name=MyReport.", statusCode: 400);
        if (request.ContentLength > MaxUploadBytes)
            return TypedResults.Problem(title: "Report too large", detail: $"An RDL may be at most {MaxUploadBytes / 1024 / 1024} MiB.", statusCode: 413);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxUploadBytes)
            return TypedResults.Problem(title: "Report too large", detail: $"An RDL may be at most {MaxUploadBytes / 1024 / 1024} MiB.", statusCode: 413);
        var result = await catalog.AddAsync(name.Trim(), buffer.ToArray());
        if (!result.Success) return ProblemResults.From(400, $"The report '{name}' was rejected", result.Diagnostics);
        var summary = ReportSummary.From(result.Entry!);
        return TypedResults.Created($"/api/reports/{Uri.EscapeDataString(summary.Name)}", summary);
    }

    public static Ok<List<ReportSummary>> ListReports(ReportCatalog catalog) =>
        TypedResults.Ok(catalog.Entries.Select(ReportSummary.From).ToList());

    public static Results<Ok<ReportSummary>, NotFound> GetReport(string name, ReportCatalog catalog) =>
        catalog.TryGet(name, out var entry) ? TypedResults.Ok(ReportSummary.From(entry)) : TypedResults.NotFound();

    /// <summary>Renders a report; every query-string key other than "format" is a report parameter.</summary>
    public static async Task<IResult> RenderReport(
        string name,
        HttpContext http,
        ReportCatalog catalog,
        RenderService renderer,
        CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(name, out var entry))
            return TypedResults.Problem(title: "Report not found", detail: $"There is no report named '{name}'.", statusCode: 404);
        var format = http.Request.Query["format"].ToString();
        if (format.Length == 0) format = "pdf";
        var parameters = http.Request.Query
            .Where(q => !string.Equals(q.Key, "format", StringComparison.OrdinalIgnoreCase))
            .Select(q => new KeyValuePair<string, string?[]>(q.Key, q.Value.ToArray()));
        var user = http.User.Identity?.Name ?? "anonymous";
        // Drillthrough links point back at this server as the client called it.
        var serverUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var result = await renderer.RenderAsync(entry, format, parameters, user, serverUrl, cancellationToken);
        if (result.Success)
        {
            // Only the formats RenderService accepts get here: the format name is the file extension.
            var extension = format.ToLowerInvariant();
            http.Response.Headers["X-Page-Count"] = result.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            RenderWarningHeaders.Add(http.Response.Headers, result.Diagnostics);
            return TypedResults.File(result.Content, result.ContentType, $"{entry.Name}.{extension}");
        }
        return result.Failure switch
        {
            RenderFailure.BadRequest => ProblemResults.From(400, $"Invalid request for report '{entry.Name}'", result.Diagnostics),
            RenderFailure.Timeout => ProblemResults.From(504, $"The render of '{entry.Name}' timed out", result.Diagnostics),
            RenderFailure.SandboxFailure => ProblemResults.From(500, $"The render of '{entry.Name}' failed in the sandbox", result.Diagnostics),
            _ => ProblemResults.From(422, $"The report '{entry.Name}' could not be rendered", result.Diagnostics),
        };
    }
}

public sealed record ReportSummary(string Name, string FileName, IReadOnlyList<ParameterSummary> Parameters, IReadOnlyList<object> Diagnostics)
{
    public static ReportSummary From(CatalogEntry entry) => new(
        entry.Name,
        entry.FileName,
        entry.Definition.Parameters.Select(p => new ParameterSummary(p.Name, p.DataType.ToString(), p.Prompt, p.MultiValue, p.Nullable, !p.DefaultValues.IsDefaultOrEmpty || p.DefaultDataSet is not null)).ToList(),
        entry.Diagnostics.Select(ProblemResults.ToJson).ToList());
}

public sealed record ParameterSummary(string Name, string DataType, string? Prompt, bool MultiValue, bool Nullable, bool HasDefault);
