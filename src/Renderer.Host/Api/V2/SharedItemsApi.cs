using System.Text.Json;
using DataBroker;
using Microsoft.Extensions.Options;
using Rdl.Model.Diagnostics;
using Renderer.Host.Catalog.Items;

using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Api.V2;

/// <summary>Body of <c>POST DataSources</c>: the data source registered on the server whose connection and credential entry it uses.</summary>
public sealed record DataSourceRequest(string Path, string RegisteredSource, string? Description, bool Overwrite = false);

/// <summary>Body of <c>POST DataSets</c>: a query on a shared data source of the catalog.</summary>
public sealed record DataSetRequest(string Path, string DataSourcePath, string CommandText, IReadOnlyList<string>? Fields, string? Description, bool Overwrite = false);

/// <summary>
/// Resources (images, WebAssembly modules), shared data sources and shared datasets. A data source names a source
/// registered with the broker, never a connection string or secret: those stay in the broker's configuration and
/// credential store. Each publish is a new version, as for reports.
/// </summary>
public static class SharedItemsApi
{
    public const long MaxResourceBytes = 16 * 1024 * 1024;

    private static readonly HashSet<string> ResourceTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/bmp", "image/svg+xml", "application/wasm",
    };

    public static IEndpointRouteBuilder MapSharedItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(CatalogItemsApi.Prefix).WithTags("Shared items");
        api.MapPost("/Resources", CreateResource).DisableAntiforgery().WithSummary("Publishes the body (Content-Type image/* or application/wasm) at ?path=; ?overwrite=true adds a version.");
        api.MapGet("/Resources({id:guid})/Content/$value", ResourceContent);
        api.MapPost("/DataSources", CreateDataSource);
        api.MapGet("/DataSources({id:guid})", Definition);
        api.MapPost("/DataSets", CreateDataSet);
        api.MapGet("/DataSets({id:guid})", Definition);
        return app;
    }

    private static async Task<IResult> CreateResource(HttpContext http, string? path, bool? overwrite, CatalogPublisher publisher, CancellationToken cancellationToken)
    {
        if (!CatalogPath.TryParse(path, out var target, out var error)) return CatalogHttp.BadPath(error);
        if (await CatalogHttp.Denied(http, target.Value, ItemTask.ManageResources, cancellationToken) is { } denied) return denied;
        var contentType = http.Request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        if (!ResourceTypes.Contains(contentType)) return CatalogHttp.BadPath($"Resources of type '{contentType}' are not accepted; use one of {string.Join(", ", ResourceTypes)}.");
        if (http.Request.ContentLength > MaxResourceBytes) return CatalogHttp.BadPath($"A resource may be at most {MaxResourceBytes / 1024 / 1024} MiB.");
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxResourceBytes) return CatalogHttp.BadPath($"A resource may be at most {MaxResourceBytes / 1024 / 1024} MiB.");
        var result = await publisher.PublishAsync(target.Value, CatalogItemKind.Resource, buffer.ToArray(),
            new PublishOptions { Overwrite = overwrite == true, ContentType = contentType }, CatalogHttp.Actor(http), cancellationToken);
        return Published(http, result);
    }

    private static async Task<IResult> ResourceContent(HttpContext http, Guid id, CatalogQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: null, Kind: CatalogItemKind.Resource } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.View, cancellationToken) is { } denied) return denied;
        var content = await queries.ContentAsync(item, cancellationToken: cancellationToken);
        return content is null ? CatalogHttp.Problem(CatalogError.NotFound(item.Path.Value)) : TypedResults.File(content, item.ContentType ?? "application/octet-stream", item.Name);
    }

    private static async Task<IResult> CreateDataSource(HttpContext http, DataSourceRequest request, IOptions<DataBrokerOptions> broker, CatalogPublisher publisher, CancellationToken cancellationToken)
    {
        if (!CatalogPath.TryParse(request.Path, out var target, out var error)) return CatalogHttp.BadPath(error);
        if (await CatalogHttp.Denied(http, target.Value, ItemTask.ManageDataSources, cancellationToken) is { } denied) return denied;
        if (!broker.Value.DataSources.ContainsKey(request.RegisteredSource))
            return CatalogHttp.BadPath($"No data source named '{request.RegisteredSource}' is registered on the server (DataBroker:DataSources).");
        var definition = JsonSerializer.Serialize(new { request.RegisteredSource });
        var result = await publisher.PublishAsync(target.Value, CatalogItemKind.DataSource, System.Text.Encoding.UTF8.GetBytes(definition),
            new PublishOptions { Overwrite = request.Overwrite, Description = request.Description, ContentType = "application/json", Properties = definition }, CatalogHttp.Actor(http), cancellationToken);
        return Published(http, result);
    }

    private static async Task<IResult> CreateDataSet(HttpContext http, DataSetRequest request, CatalogQueries queries, CatalogPublisher publisher, IOptions<DataBrokerOptions> broker, CancellationToken cancellationToken)
    {
        if (!CatalogPath.TryParse(request.Path, out var target, out var error)) return CatalogHttp.BadPath(error);
        if (!CatalogPath.TryParse(request.DataSourcePath, out var source, out error)) return CatalogHttp.BadPath(error);
        if (await CatalogHttp.Denied(http, target.Value, ItemTask.ManageReports, cancellationToken) is { } denied) return denied;
        if (await CatalogHttp.Denied(http, source.Value, ItemTask.View, cancellationToken) is { } hidden) return hidden;
        if (await queries.GetAsync(source.Value, cancellationToken) is not { Kind: CatalogItemKind.DataSource } sourceItem)
            return CatalogHttp.Problem(new CatalogError(DiagnosticCodes.Catalog.NoSharedDataSource, CatalogErrorKind.Invalid, $"There is no shared data source at '{source}'."));
        // On a source that row-level security protects, a shared dataset's query decides what every user can reach:
        // only administrators write one, so no author can add an unfiltered query beside theirs.
        var registered = JsonDocument.Parse(sourceItem.Properties ?? "{}").RootElement.TryGetProperty("RegisteredSource", out var name) ? name.GetString() : null;
        if (DataSecurityApi.IsProtected(broker, registered) && await CatalogHttp.Denied(http, SystemTask.ManageServerSecurity, cancellationToken) is { } notAdmin) return notAdmin;
        if (string.IsNullOrWhiteSpace(request.CommandText)) return CatalogHttp.BadPath("A shared dataset needs a CommandText.");
        var definition = JsonSerializer.Serialize(new { DataSourcePath = source.Value.Value, request.CommandText, Fields = request.Fields ?? [] });
        var result = await publisher.PublishAsync(target.Value, CatalogItemKind.DataSet, System.Text.Encoding.UTF8.GetBytes(definition),
            new PublishOptions { Overwrite = request.Overwrite, Description = request.Description, ContentType = "application/json", Properties = definition }, CatalogHttp.Actor(http), cancellationToken);
        return Published(http, result);
    }

    private static async Task<IResult> Definition(HttpContext http, Guid id, CatalogQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: null, Kind: CatalogItemKind.DataSource or CatalogItemKind.DataSet } item)
            return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, Roles.Manage(item.Kind), cancellationToken) is { } denied) return denied;
        http.Response.Headers.ETag = item.ETag;
        return TypedResults.Ok(new { Item = CatalogItemJson.From(item), Definition = JsonDocument.Parse(item.Properties ?? "{}").RootElement });
    }

    private static IResult Published(HttpContext http, CatalogResult<PublishedVersion> result) => result.Success
        ? CatalogHttp.Item(http, result.Value!.Item, result.Value.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
        : CatalogHttp.Problem(result.Error!);
}
