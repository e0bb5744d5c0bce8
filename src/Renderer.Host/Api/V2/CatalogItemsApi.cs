using Renderer.Host.Catalog.Items;
using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Api.V2;

/// <summary>
/// The catalog tree over REST, after SSRS's REST API v2.0: list, search, look up, create folders, rename, move,
/// delete (to <c>DeletedItems</c>) and restore. Writes take <c>If-Match</c>; a stale one is 412.
/// </summary>
public static class CatalogItemsApi
{
    public const string Prefix = "api/v2.0";

    public static IEndpointRouteBuilder MapCatalogItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Catalog");
        api.MapGet("/CatalogItems", List).WithSummary("Lists a folder's items (?parent=/path, default the root) or searches names and descriptions (?search=text).");
        api.MapGet("/CatalogItems/ByPath", ByPath).WithSummary("The item at ?path=/Folder/Name.");
        api.MapGet("/CatalogItems({id:guid})", Get);
        api.MapPatch("/CatalogItems({id:guid})", Patch).WithSummary("Renames (Name) or moves (Path) an item; a folder takes its subtree along.");
        api.MapDelete("/CatalogItems({id:guid})", Delete).WithSummary("Deletes an item (a folder with its subtree); it can be restored until the retention period ends.");
        api.MapGet("/DeletedItems", Deleted);
        api.MapPost("/DeletedItems({id:guid})/Restore", Restore);
        api.MapPost("/Folders", CreateFolder);
        return app;
    }

    private static async Task<IResult> List(HttpContext http, CatalogQueries queries, string? parent, string? search, string? type, CancellationToken cancellationToken)
    {
        var (skip, top) = CatalogHttp.Paging(http.Request);
        if (!CatalogPath.TryParse(parent ?? "/", out var folder, out var error)) return CatalogHttp.BadPath(error);
        CatalogItemKind? kind = null;
        if (type is not null)
        {
            if (!Enum.TryParse<CatalogItemKind>(type, ignoreCase: true, out var parsed)) return CatalogHttp.BadPath($"'{type}' is not an item type; use Folder, Report, DataSource, DataSet or Resource.");
            kind = parsed;
        }
        if (!folder.Value.IsRoot && await CatalogHttp.Denied(http, folder.Value, ItemTask.View, cancellationToken) is { } denied) return denied;
        var items = search is not null || kind is not null
            ? await queries.SearchAsync(search ?? string.Empty, folder, kind, skip, top, cancellationToken)
            : await queries.ChildrenAsync(folder.Value, skip, top, cancellationToken);
        return TypedResults.Ok(CatalogHttp.Page(await CatalogHttp.Visible(http, items, cancellationToken), skip, top, items.Count));
    }

    private static async Task<IResult> ByPath(HttpContext http, CatalogQueries queries, string? path, CancellationToken cancellationToken)
    {
        if (!CatalogPath.TryParse(path, out var parsed, out var error)) return CatalogHttp.BadPath(error);
        if (await CatalogHttp.Denied(http, parsed.Value, ItemTask.View, cancellationToken) is { } denied) return denied;
        return await queries.GetAsync(parsed.Value, cancellationToken) is { } item ? CatalogHttp.Item(http, item) : CatalogHttp.Problem(CatalogError.NotFound(parsed.Value.Value));
    }

    private static async Task<IResult> Get(HttpContext http, Guid id, CatalogQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: null } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        return await CatalogHttp.Denied(http, item.Path, ItemTask.View, cancellationToken) ?? CatalogHttp.Item(http, item);
    }

    private static async Task<IResult> Patch(HttpContext http, Guid id, CatalogItemPatch patch, CatalogQueries queries, CatalogTree tree, CancellationToken cancellationToken)
    {
        if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: null } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, Roles.Manage(item.Kind), cancellationToken) is { } denied) return denied;
        var ifMatch = CatalogHttp.IfMatch(http, item);
        CatalogResult<CatalogItem> result;
        if (patch.Path is not null)
        {
            if (!CatalogPath.TryParse(patch.Path, out var target, out var error)) return CatalogHttp.BadPath(error);
            if (patch.Name is not null && patch.Name != target.Value.Name) return CatalogHttp.BadPath("Name and Path disagree; give one of them.");
            if (await CatalogHttp.Denied(http, target.Value, Roles.Manage(item.Kind), cancellationToken) is { } refused) return refused;
            result = await tree.MoveAsync(item.Path, target.Value, ifMatch, CatalogHttp.Actor(http), cancellationToken);
        }
        else if (patch.Name is not null) result = await tree.RenameAsync(item.Path, patch.Name, ifMatch, CatalogHttp.Actor(http), cancellationToken);
        else return CatalogHttp.BadPath("Give a new Name or Path.");
        return result.Success ? CatalogHttp.Item(http, result.Value!) : CatalogHttp.Problem(result.Error!);
    }

    private static async Task<IResult> Delete(HttpContext http, Guid id, CatalogQueries queries, CatalogTree tree, CancellationToken cancellationToken)
    {
        if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: null } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, Roles.Manage(item.Kind), cancellationToken) is { } denied) return denied;
        var result = await tree.DeleteAsync(item.Path, CatalogHttp.IfMatch(http, item), CatalogHttp.Actor(http), cancellationToken);
        return result.Success ? TypedResults.NoContent() : CatalogHttp.Problem(result.Error!);
    }

    private static async Task<IResult> Deleted(HttpContext http, CatalogQueries queries, CancellationToken cancellationToken)
    {
        var (skip, top) = CatalogHttp.Paging(http.Request);
        var deleted = await queries.DeletedAsync(skip, top, cancellationToken);
        var manageable = new List<CatalogItem>();
        foreach (var item in deleted)
            if (await CatalogHttp.Denied(http, item.Path, Roles.Manage(item.Kind), cancellationToken) is null) manageable.Add(item);
        return TypedResults.Ok(CatalogHttp.Page(manageable, skip, top, deleted.Count));
    }

    private static async Task<IResult> Restore(HttpContext http, Guid id, CatalogQueries queries, CatalogTree tree, CancellationToken cancellationToken)
    {
        if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: not null } deleted) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, deleted.Path, Roles.Manage(deleted.Kind), cancellationToken) is { } denied) return denied;
        var result = await tree.RestoreAsync(id, CatalogHttp.Actor(http), cancellationToken);
        return result.Success ? CatalogHttp.Item(http, result.Value!) : CatalogHttp.Problem(result.Error!);
    }

    private static async Task<IResult> CreateFolder(HttpContext http, FolderRequest request, CatalogPublisher publisher, CancellationToken cancellationToken)
    {
        if (!CatalogPath.TryParse(request.Path, out var path, out var error)) return CatalogHttp.BadPath(error);
        if (await CatalogHttp.Denied(http, path.Value, ItemTask.ManageFolders, cancellationToken) is { } denied) return denied;
        var result = await publisher.CreateFolderAsync(path.Value, request.Description, CatalogHttp.Actor(http), cancellationToken);
        return result.Success ? CatalogHttp.Item(http, result.Value!, StatusCodes.Status201Created) : CatalogHttp.Problem(result.Error!);
    }
}
