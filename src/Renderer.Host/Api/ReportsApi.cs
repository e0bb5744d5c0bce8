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
        var result = catalog.Add(name.Trim(), buffer.ToArray());
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
