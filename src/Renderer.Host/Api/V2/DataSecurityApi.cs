using DataBroker;
using DataBroker.Security;
using Microsoft.Extensions.Options;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Security.DataSecurity;
using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Api.V2;

/// <summary>
/// Row-level and object-level security of shared datasets. Only system administrators (ManageServerSecurity) read or
/// change it: report authors, publishers and content managers cannot widen what a user sees. Each change is audited.
/// </summary>
public static class DataSecurityApi
{
    public static IEndpointRouteBuilder MapDataSecurityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(CatalogItemsApi.Prefix).WithTags("Data security");
        api.MapGet("/DataSets({id:guid})/Security", Get).WithSummary("The shared dataset's row-level security roles (filters and members) and hidden fields.");
        api.MapPut("/DataSets({id:guid})/Security", Set).WithSummary("Replaces the shared dataset's row-level security roles and hidden fields (system administrators only).");
        return app;
    }

    private static async Task<IResult> Get(HttpContext http, Guid id, CatalogQueries queries, DataSetSecurityStore store, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ManageServerSecurity, cancellationToken) is { } denied) return denied;
        if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: null, Kind: CatalogItemKind.DataSet }) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await store.GetAsync(id, cancellationToken));
    }

    private static async Task<IResult> Set(HttpContext http, Guid id, DataSetSecurity security, CatalogQueries queries, DataSetSecurityStore store, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ManageServerSecurity, cancellationToken) is { } denied) return denied;
        if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: null, Kind: CatalogItemKind.DataSet } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        var normalized = new DataSetSecurity(security.Roles ?? [], security.HiddenFields ?? []);
        if (normalized.Problem() is { } problem) return CatalogHttp.BadPath(problem);
        foreach (var member in normalized.Roles.SelectMany(r => r.Members ?? []))
            if (Security.Identity.Principal.Parse(member) is null) return CatalogHttp.BadPath($"Role member '{member}' is not a user, group: or role: principal.");
        normalized = normalized with { Roles = [.. normalized.Roles.Select(r => r with { Members = [.. (r.Members ?? []).Select(m => Security.Identity.Principal.Parse(m)!)] })] };
        await store.SetAsync(id, item.Path.Value, normalized, CatalogHttp.Actor(http), cancellationToken);
        return TypedResults.Ok(normalized);
    }

    /// <summary>Whether <paramref name="registeredSource"/> is protected by row-level security (only administrators may add shared datasets on it).</summary>
    internal static bool IsProtected(IOptions<DataBrokerOptions> broker, string? registeredSource) =>
        registeredSource is not null && broker.Value.DataSources.TryGetValue(registeredSource, out var source) && source.RowLevelSecurity;
}
