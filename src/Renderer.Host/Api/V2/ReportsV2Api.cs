using Microsoft.AspNetCore.Mvc;
using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Rendering;
using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Api.V2;

/// <summary>
/// Reports in the catalog: publish (POST creates, never replaces; PUT of the content adds a version, with If-Match),
/// metadata with parameters, download of any version, version history, rollback and render.
/// </summary>
public static class ReportsV2Api
{
    public const long MaxReportBytes = 32 * 1024 * 1024;

    public static IEndpointRouteBuilder MapReportsV2Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(CatalogItemsApi.Prefix).WithTags("Reports");
        api.MapPost("/Reports", Create).DisableAntiforgery().WithSummary("Publishes the RDL in the body at ?path=; 409 when an item exists there (PUT its Content to add a version).");
        api.MapGet("/Reports({id:guid})", Get);
        api.MapPut("/Reports({id:guid})/Content", Replace).DisableAntiforgery().WithSummary("Publishes the RDL in the body as the report's next version (If-Match: its ETag).");
        api.MapGet("/Reports({id:guid})/Content/$value", Download).WithSummary("The RDL of the current version, or of ?version=N.");
        api.MapGet("/Reports({id:guid})/Versions", Versions);
        api.MapPost("/Reports({id:guid})/Versions({version:int})/Rollback", Rollback).WithSummary("Publishes version N again as the newest version.");
        api.MapGet("/Reports({id:guid})/ParameterDefinitions", ParameterDefinitions)
            .WithSummary("Each parameter's default and valid values, dataset-based ones run through the broker; earlier parameters' values in the query string (?Year=2024) feed dependent ones.");
        api.MapGet("/Reports({id:guid})/Render", Render).WithSummary("Renders the report: ?format= one of the output formats, every other key a report parameter.").WithOutputFormatParameter();
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, string? path, string? comment, string? description, CatalogPublisher publisher, CatalogReports reports, CancellationToken cancellationToken)
    {
        if (!CatalogPath.TryParse(path, out var target, out var error)) return CatalogHttp.BadPath(error);
        if (await CatalogHttp.Denied(http, target.Value, ItemTask.ManageReports, cancellationToken) is { } denied) return denied;
        return await Publish(http, target.Value, comment, description, new PublishOptions(), publisher, reports, cancellationToken);
    }

    private static async Task<IResult> Replace(HttpContext http, Guid id, string? comment, CatalogQueries queries, CatalogPublisher publisher, CatalogReports reports, CancellationToken cancellationToken)
    {
        if (await FindReport(queries, id, cancellationToken) is not { } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.ManageReports, cancellationToken) is { } denied) return denied;
        var ifMatch = CatalogHttp.IfMatch(http, item);
        return await Publish(http, item.Path, comment, null, new PublishOptions { Overwrite = ifMatch is null, IfMatchRowVersion = ifMatch }, publisher, reports, cancellationToken);
    }

    private static async Task<IResult> Publish(HttpContext http, CatalogPath path, string? comment, string? description, PublishOptions options, CatalogPublisher publisher, CatalogReports reports, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxReportBytes) return TooLarge();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxReportBytes) return TooLarge();
        var bytes = buffer.ToArray();
        var validation = await reports.ValidateAsync(bytes, path.Name + ".rdl", path.Value);
        if (!validation.Success)
        {
            var denied = validation.Diagnostics.Any(d => d.Code == DataBroker.Connectors.DataSourceAccess.RestrictedDataSource);
            return ProblemResults.From(denied ? 422 : 400, $"The report '{path}' was rejected", validation.Diagnostics);
        }
        var parameters = validation.Entry!.Definition.Parameters.Select(p => (p.Name, p.DataType.ToString())).ToList();
        var result = await publisher.PublishAsync(path, CatalogItemKind.Report, bytes,
            options with { Comment = comment, Description = description, ContentType = "application/xml", Parameters = parameters }, CatalogHttp.Actor(http), cancellationToken);
        if (!result.Success) return CatalogHttp.Problem(result.Error!);
        return CatalogHttp.Item(http, result.Value!.Item, result.Value.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> Get(HttpContext http, Guid id, CatalogQueries queries, CatalogReports reports, CancellationToken cancellationToken)
    {
        if (await FindReport(queries, id, cancellationToken) is not { } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.View, cancellationToken) is { } denied) return denied;
        var loaded = await reports.LoadAsync(item, cancellationToken);
        if (loaded is not { Success: true, Entry: { } entry }) return ProblemResults.From(422, $"The report '{item.Path}' no longer compiles", loaded?.Diagnostics ?? []);
        http.Response.Headers.ETag = item.ETag;
        return TypedResults.Ok(ReportJson.From(CatalogItemJson.From(item), entry));
    }

    private static async Task<IResult> Download(HttpContext http, Guid id, int? version, CatalogQueries queries, CancellationToken cancellationToken)
    {
        if (await FindReport(queries, id, cancellationToken) is not { } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.ManageReports, cancellationToken) is { } denied) return denied;
        if (await queries.ContentAsync(item, version, cancellationToken) is not { } content) return CatalogHttp.Problem(CatalogError.NoVersion(item.Path, version ?? 0));
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(content, "application/xml", $"{item.Name}.rdl");
    }

    private static async Task<IResult> Versions(HttpContext http, Guid id, CatalogQueries queries, CancellationToken cancellationToken)
    {
        if (await FindReport(queries, id, cancellationToken) is not { } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.View, cancellationToken) is { } denied) return denied;
        return TypedResults.Ok(new CatalogPage<ItemVersionJson>((await queries.VersionsAsync(item.Id, cancellationToken)).Select(ItemVersionJson.From).ToList(), null));
    }

    private static async Task<IResult> Rollback(HttpContext http, Guid id, int version, CatalogQueries queries, CatalogPublisher publisher, CancellationToken cancellationToken)
    {
        if (await FindReport(queries, id, cancellationToken) is not { } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.ManageReports, cancellationToken) is { } denied) return denied;
        var result = await publisher.RollbackAsync(item.Path, version, CatalogHttp.IfMatch(http, item), CatalogHttp.Actor(http), cancellationToken);
        return result.Success ? CatalogHttp.Item(http, result.Value!.Item) : CatalogHttp.Problem(result.Error!);
    }

    private static async Task<IResult> Render(HttpContext http, Guid id, CatalogQueries queries, CatalogReports reports, RenderService renderer, CancellationToken cancellationToken)
    {
        if (await FindReport(queries, id, cancellationToken) is not { } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.View, cancellationToken) is { } denied) return denied;
        var loaded = await reports.LoadAsync(item, cancellationToken);
        if (loaded is not { Success: true, Entry: { } entry }) return ProblemResults.From(422, $"The report '{item.Path}' no longer compiles", loaded?.Diagnostics ?? []);
        var permissions = http.RequestServices.GetRequiredService<PermissionChecker>();
        var caller = CatalogHttp.Caller(http);
        var subreports = CatalogFolderSubreports.ViewableBy(reports, item.Path, permissions, caller);
        return await RenderResponse.WriteAsync(http, entry, item.Path.Value, subreports, renderer, cancellationToken);
    }

    private static async Task<IResult> ParameterDefinitions(HttpContext http, Guid id, CatalogQueries queries, CatalogReports reports, DataBroker.Queries.IQueryRunner broker, CancellationToken cancellationToken)
    {
        if (await FindReport(queries, id, cancellationToken) is not { } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.View, cancellationToken) is { } denied) return denied;
        var loaded = await reports.LoadAsync(item, cancellationToken);
        if (loaded is not { Success: true, Entry: { } entry }) return ProblemResults.From(422, $"The report '{item.Path}' no longer compiles", loaded?.Diagnostics ?? []);
        var given = http.Request.Query.Select(q => new KeyValuePair<string, string?[]>(q.Key, q.Value.ToArray()));
        var result = await new ParameterValues(broker).EvaluateAsync(entry, given, CatalogHttp.Actor(http).UserName, cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        if (!result.Success)
        {
            var badRequest = result.Diagnostics.Any(d => d.IsError && d.Code.StartsWith("PRM", StringComparison.Ordinal));
            return ProblemResults.From(badRequest ? 400 : 422, $"The parameter values of '{item.Path}' could not be evaluated", result.Diagnostics);
        }
        return TypedResults.Ok(ParameterDefinitionsJson.From(entry, result));
    }

    private static async Task<CatalogItem?> FindReport(CatalogQueries queries, Guid id, CancellationToken cancellationToken) =>
        await queries.GetByIdAsync(id, cancellationToken) is { DeletedAt: null, Kind: CatalogItemKind.Report } item ? item : null;

    private static IResult TooLarge() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "Report too large",
        Detail = $"An RDL may be at most {MaxReportBytes / 1024 / 1024} MiB.",
    });
}
