using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Renderer.Host.Catalog;
using Renderer.Host.Infrastructure;
using Renderer.Host.Rendering;

namespace Renderer.Host.Api;

/// <summary>
/// /api/reports: upload, replace and list reports, and render one to PDF, XLSX, CSV or DOCX. Uploading (POST) never
/// replaces a report: that takes an explicit PUT, and samples are read-only.
/// </summary>
public static class ReportsApi
{
    private const long MaxUploadBytes = 32 * 1024 * 1024;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        // The flat legacy names are not catalog paths, so they are checked against the root folder: reading needs
        // View there and changing needs Manage reports (in practice, the root's Content Managers).
        var api = app.MapGroup("api/reports").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var task = HttpMethods.IsGet(http.Request.Method) ? Security.Permissions.ItemTask.View : Security.Permissions.ItemTask.ManageReports;
            return await V2.CatalogHttp.Denied(http, Catalog.Items.CatalogPath.Root, task, http.RequestAborted) ?? await next(context);
        });
        api.MapPost("/", UploadReport).DisableAntiforgery();
        api.MapPut("/{name}", ReplaceReport).DisableAntiforgery();
        api.MapGet("/", ListReports);
        api.MapGet("/{name}", GetReport);
        api.MapGet("/{name}/render", RenderReport);
        return app;
    }

    /// <summary>Uploads a new RDL as the raw request body under ?name=; an existing name is 409 (replace it with PUT).</summary>
    public static async Task<IResult> UploadReport(
        HttpRequest request,
        [FromQuery] string? name,
        ReportCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
            return TypedResults.Problem(title: "Missing report name", detail: "Give the report a name with ?name=MyReport.", statusCode: 400);
        return await StoreAsync(request, name.Trim(), overwrite: false, catalog, cancellationToken);
    }

    /// <summary>Creates or explicitly replaces the report <paramref name="name"/> with the RDL in the body (read-only samples excepted).</summary>
    public static Task<IResult> ReplaceReport(HttpRequest request, string name, ReportCatalog catalog, CancellationToken cancellationToken) =>
        StoreAsync(request, name.Trim(), overwrite: true, catalog, cancellationToken);

    private static async Task<IResult> StoreAsync(HttpRequest request, string name, bool overwrite, ReportCatalog catalog, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxUploadBytes)
            return TypedResults.Problem(title: "Report too large", detail: $"An RDL may be at most {MaxUploadBytes / 1024 / 1024} MiB.", statusCode: 413);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxUploadBytes)
            return TypedResults.Problem(title: "Report too large", detail: $"An RDL may be at most {MaxUploadBytes / 1024 / 1024} MiB.", statusCode: 413);
        var result = await catalog.AddAsync(name, buffer.ToArray(), persist: true, overwrite);
        if (!result.Success)
        {
            return result.Refusal switch
            {
                CatalogRefusal.Exists => ProblemResults.From(409, $"A report named '{name}' already exists", result.Diagnostics),
                CatalogRefusal.ReadOnly => ProblemResults.From(403, $"The report '{name}' is read-only", result.Diagnostics),
                CatalogRefusal.DataSourceDenied => ProblemResults.From(422, $"The report '{name}' uses a data source it may not use", result.Diagnostics),
                _ => ProblemResults.From(400, $"The report '{name}' was rejected", result.Diagnostics),
            };
        }
        var summary = ReportSummary.From(result.Entry!);
        return result.Replaced ? TypedResults.Ok(summary) : TypedResults.Created($"/api/reports/{Uri.EscapeDataString(summary.Name)}", summary);
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
        return await RenderResponse.WriteAsync(http, entry, entry.Name, subreports: null, renderer, cancellationToken);
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
