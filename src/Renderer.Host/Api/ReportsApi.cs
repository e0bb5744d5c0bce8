using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Renderer.Host.Api.V2;
using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Rendering;

namespace Renderer.Host.Api;

/// <summary>
/// /api/reports, the first API, kept for existing scripts: upload, replace, list and render reports by a flat name,
/// served from the catalog database (<see cref="LegacyReports"/>: a name is the sample <c>/Samples/{name}</c>, else the
/// upload in <c>Catalog:LegacyUploadFolder</c>). Uploading (POST) never replaces a report: that takes an explicit PUT,
/// which publishes a new version; samples are read-only.
/// </summary>
public static class ReportsApi
{
    private const long MaxUploadBytes = 32 * 1024 * 1024;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        // The flat names are not paths the caller chose, so they are checked against the root folder: reading needs
        // View there and changing needs Manage reports (in practice, the root's Browsers and Content Managers).
        var api = app.MapGroup("api/reports").WithTags("Reports (flat names)").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var task = HttpMethods.IsGet(http.Request.Method) ? Security.Permissions.ItemTask.View : Security.Permissions.ItemTask.ManageReports;
            return await V2.CatalogHttp.Denied(http, Catalog.Items.CatalogPath.Root, task, http.RequestAborted) ?? await next(context);
        });
        api.MapPost("/", UploadReport).DisableAntiforgery().WithSummary("Uploads a new RDL (raw body) under ?name=; 409 when the name exists.");
        api.MapPut("/{name}", ReplaceReport).DisableAntiforgery().WithSummary("Creates (201) or replaces (200, a new version) the upload of that name.");
        api.MapGet("/", ListReports).WithSummary("The samples and the uploads, with their parameters.");
        api.MapGet("/{name}", GetReport);
        api.MapGet("/{name}/render", RenderReport).WithOutputFormatParameter().WithSummary("Renders: ?format=, every other key a report parameter.");
        return app;
    }

    /// <summary>Uploads a new RDL as the raw request body under ?name=; an existing name is 409 (replace it with PUT).</summary>
    public static async Task<IResult> UploadReport(HttpContext http, [FromQuery] string? name, LegacyReports legacy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
            return TypedResults.Problem(title: "Missing report name", detail: "Give the report a name with ?name=MyReport.", statusCode: 400);
        return await StoreAsync(http, name.Trim(), replace: false, legacy, cancellationToken);
    }

    /// <summary>Creates or explicitly replaces the report <paramref name="name"/> with the RDL in the body (read-only samples excepted).</summary>
    public static Task<IResult> ReplaceReport(HttpContext http, string name, LegacyReports legacy, CancellationToken cancellationToken) =>
        StoreAsync(http, name.Trim(), replace: true, legacy, cancellationToken);

    private static async Task<IResult> StoreAsync(HttpContext http, string name, bool replace, LegacyReports legacy, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxUploadBytes) return TooLarge();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxUploadBytes) return TooLarge();
        var upload = await legacy.UploadAsync(name, buffer.ToArray(), replace, CatalogHttp.Actor(http), cancellationToken);
        if (upload.Error is { } error) return CatalogHttp.Problem(error);
        if (!upload.Success)
        {
            var denied = upload.Validation.Diagnostics.Any(d => d.Code == DataBroker.Connectors.DataSourceAccess.RestrictedDataSource);
            return denied
                ? ProblemResults.From(422, $"The report '{name}' uses a data source it may not use", upload.Validation.Diagnostics)
                : ProblemResults.From(400, $"The report '{name}' was rejected", upload.Validation.Diagnostics);
        }
        var item = upload.Published!.Item;
        var summary = ReportSummary.From(item, upload.Validation.Entry!.Definition, upload.Validation.Diagnostics);
        return upload.Published.Created ? TypedResults.Created($"/api/reports/{Uri.EscapeDataString(item.Name)}", summary) : TypedResults.Ok(summary);
    }

    public static async Task<Ok<List<ReportSummary>>> ListReports(LegacyReports legacy, CatalogReports reports, CancellationToken cancellationToken)
    {
        var summaries = new List<ReportSummary>();
        foreach (var item in await legacy.ListAsync(cancellationToken))
            if (await reports.ReadAsync(item, cancellationToken) is { Report: { } report } read) summaries.Add(ReportSummary.From(item, report, read.Diagnostics));
        return TypedResults.Ok(summaries);
    }

    public static async Task<IResult> GetReport(string name, LegacyReports legacy, CatalogReports reports, CancellationToken cancellationToken)
    {
        if (await legacy.FindAsync(name, cancellationToken) is not { } item || await reports.ReadAsync(item, cancellationToken) is not { Report: { } report } read)
            return NotFound(name);
        return TypedResults.Ok(ReportSummary.From(item, report, read.Diagnostics));
    }

    /// <summary>Renders a report; every query-string key other than "format" is a report parameter.</summary>
    public static async Task<IResult> RenderReport(
        string name,
        HttpContext http,
        LegacyReports legacy,
        CatalogReports reports,
        RenderService renderer,
        CancellationToken cancellationToken)
    {
        if (await legacy.FindAsync(name, cancellationToken) is not { } item) return NotFound(name);
        var loaded = await reports.LoadAsync(item, cancellationToken);
        if (loaded is not { Success: true, Entry: { } entry }) return ProblemResults.From(422, $"The report '{item.Path}' no longer compiles", loaded?.Diagnostics ?? []);
        return await RenderResponse.WriteAsync(http, entry, item.Path.Value, new LegacySubreports(reports, legacy, item.Path), renderer, cancellationToken);
    }

    private static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem(title: "Report not found", detail: $"There is no report named '{name}'.", statusCode: 404);

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(title: "Report too large", detail: $"An RDL may be at most {MaxUploadBytes / 1024 / 1024} MiB.", statusCode: 413);
}

/// <summary>A report of the flat list: its name, its catalog path and version, its parameters and its warnings.</summary>
public sealed record ReportSummary(string Name, string Path, int Version, IReadOnlyList<ParameterSummary> Parameters, IReadOnlyList<object> Diagnostics)
{
    public static ReportSummary From(CatalogItem item, ReportDefinition definition, IEnumerable<RdlDiagnostic> diagnostics) => new(
        item.Name,
        item.Path.Value,
        item.CurrentVersion,
        definition.Parameters.Select(p => new ParameterSummary(p.Name, p.DataType.ToString(), p.Prompt, p.MultiValue, p.Nullable, !p.DefaultValues.IsDefaultOrEmpty || p.DefaultDataSet is not null)).ToList(),
        diagnostics.Select(ProblemResults.ToJson).ToList());
}

public sealed record ParameterSummary(string Name, string DataType, string? Prompt, bool MultiValue, bool Nullable, bool HasDefault);
