using Renderer.Host.Catalog.Items;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Api.V2;

/// <summary>One principal's roles, as SSRS's REST API v2.0 writes a policy.</summary>
public sealed record PolicyJson(string GroupUserName, IReadOnlyList<RoleJson> Roles);

public sealed record RoleJson(string Name);

/// <summary>An item's policy: whether it inherits its parent's, and the assignments that apply.</summary>
public sealed record ItemPolicyJson(bool InheritParentPolicy, IReadOnlyList<PolicyJson> Policies);

public sealed record SystemPolicyJson(IReadOnlyList<PolicyJson> Policies);

/// <summary>
/// Role assignments over REST, after SSRS's <c>CatalogItems({Id})/Policies</c> and <c>SystemPolicies</c>: reading and
/// changing an item's needs Content Manager on it (Set security), the system's needs System Administrator. Every
/// change is in the audit log.
/// </summary>
public static class PoliciesApi
{
    public static IEndpointRouteBuilder MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(CatalogItemsApi.Prefix).WithTags("Security");
        api.MapGet("/CatalogItems({id:guid})/Policies", GetItem);
        api.MapPut("/CatalogItems({id:guid})/Policies", SetItem).WithSummary("Replaces the item's role assignments, or (InheritParentPolicy) makes it inherit its parent's again.");
        api.MapGet("/RootPolicies", GetRoot).WithSummary("The root folder's role assignments.");
        api.MapPut("/RootPolicies", SetRoot);
        api.MapGet("/SystemPolicies", GetSystem);
        api.MapPut("/SystemPolicies", SetSystem);
        api.MapGet("/Me", Me).WithSummary("Who the server takes the caller to be: user id, language and the principals role assignments can name.");
        return app;
    }

    private static async Task<IResult> GetItem(HttpContext http, Guid id, CatalogQueries queries, PermissionStore store, CancellationToken cancellationToken)
    {
        if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: null } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.SetSecurity, cancellationToken) is { } denied) return denied;
        var policy = await store.EffectiveAsync(item.Path, cancellationToken);
        return TypedResults.Ok(new ItemPolicyJson(policy.Inherited, Json(policy.Assignments)));
    }

    private static async Task<IResult> SetItem(HttpContext http, Guid id, ItemPolicyJson body, CatalogQueries queries, PermissionStore store, CancellationToken cancellationToken)
    {
        if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: null } item) return CatalogHttp.Problem(CatalogError.NotFound(id.ToString("D")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.SetSecurity, cancellationToken) is { } denied) return denied;
        if (Parse(body.Policies, Roles.ItemRole, out var assignments) is { } bad) return bad;
        await store.SetItemAsync(item, body.InheritParentPolicy, assignments, CatalogHttp.Actor(http), cancellationToken);
        var policy = await store.EffectiveAsync(item.Path, cancellationToken);
        return TypedResults.Ok(new ItemPolicyJson(policy.Inherited, Json(policy.Assignments)));
    }

    private static async Task<IResult> GetRoot(HttpContext http, PermissionStore store, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, CatalogPath.Root, ItemTask.SetSecurity, cancellationToken) is { } denied) return denied;
        return TypedResults.Ok(new ItemPolicyJson(false, Json((await store.EffectiveAsync(CatalogPath.Root, cancellationToken)).Assignments)));
    }

    private static async Task<IResult> SetRoot(HttpContext http, ItemPolicyJson body, PermissionStore store, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, CatalogPath.Root, ItemTask.SetSecurity, cancellationToken) is { } denied) return denied;
        if (Parse(body.Policies, Roles.ItemRole, out var assignments) is { } bad) return bad;
        // Nobody may lock everyone out: the root keeps at least one Content Manager.
        if (!assignments.Any(a => a.Roles.Contains(Roles.ContentManager)))
            return CatalogHttp.BadPath("The root folder must keep at least one Content Manager.");
        await store.SetItemAsync(null, false, assignments, CatalogHttp.Actor(http), cancellationToken);
        return TypedResults.Ok(new ItemPolicyJson(false, Json(assignments)));
    }

    private static async Task<IResult> GetSystem(HttpContext http, PermissionStore store, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ManageServerSecurity, cancellationToken) is { } denied) return denied;
        return TypedResults.Ok(new SystemPolicyJson(Json(await store.SystemAsync(cancellationToken))));
    }

    private static async Task<IResult> SetSystem(HttpContext http, SystemPolicyJson body, PermissionStore store, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ManageServerSecurity, cancellationToken) is { } denied) return denied;
        if (Parse(body.Policies, Roles.SystemRole, out var assignments) is { } bad) return bad;
        if (!assignments.Any(a => a.Roles.Contains(Roles.SystemAdministrator)))
            return CatalogHttp.BadPath("The server must keep at least one System Administrator.");
        await store.SetSystemAsync(assignments, CatalogHttp.Actor(http), cancellationToken);
        return TypedResults.Ok(new SystemPolicyJson(Json(assignments)));
    }

    private static IResult Me(HttpContext http)
    {
        var caller = CatalogHttp.Caller(http);
        return TypedResults.Ok(new { caller.UserId, caller.Language, caller.Principals });
    }

    private static IResult? Parse(IReadOnlyList<PolicyJson>? policies, Func<string?, string?> role, out List<RoleAssignment> assignments)
    {
        assignments = [];
        foreach (var policy in policies ?? [])
        {
            if (Principal.Parse(policy.GroupUserName) is not { } principal)
                return CatalogHttp.BadPath($"'{policy.GroupUserName}' is not a principal; use a user name, group:<id> or role:<name>.");
            var roles = new List<string>();
            foreach (var entry in policy.Roles ?? [])
                roles.Add(role(entry.Name) ?? string.Empty);
            if (roles.Contains(string.Empty) || roles.Count == 0)
                return CatalogHttp.BadPath($"'{string.Join(", ", (policy.Roles ?? []).Select(r => r.Name))}' for {principal}: give one or more of {string.Join(", ", Roles.ItemRoleNames.Concat(Roles.SystemRoleNames))} that apply here.");
            assignments.Add(new RoleAssignment(principal, roles.Distinct().ToList()));
        }
        return null;
    }

    private static List<PolicyJson> Json(IReadOnlyList<RoleAssignment> assignments) =>
        assignments.Select(a => new PolicyJson(a.Principal, a.Roles.Select(r => new RoleJson(r)).ToList())).ToList();
}
