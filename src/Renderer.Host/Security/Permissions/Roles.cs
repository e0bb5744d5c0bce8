using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Security.Permissions;

/// <summary>What a role on an item allows, named after SSRS's item-level tasks.</summary>
public enum ItemTask
{
    View,
    ManageReports,
    ManageFolders,
    ManageResources,
    ManageDataSources,
    ManageIndividualSubscriptions,
    ManageAllSubscriptions,
    SetSecurity,
}

/// <summary>What a system role allows, named after SSRS's system-level tasks.</summary>
public enum SystemTask
{
    ManageServerSecurity,
    ViewServerLogs,
    ViewServerProperties,
    ManageSharedSchedules,
}

/// <summary>
/// SSRS's predefined roles and their tasks. Item roles: <b>Browser</b> (view folders, reports and resources, run
/// reports, own subscriptions), <b>Publisher</b> (add and change reports, folders, resources and data sources; like in
/// SSRS it does not include viewing, so publishers usually also hold Browser), <b>Content Manager</b> (everything,
/// including permissions and all subscriptions). System roles: <b>System Administrator</b> and <b>System User</b>.
/// </summary>
public static class Roles
{
    public const string Browser = "Browser";
    public const string Publisher = "Publisher";
    public const string ContentManager = "Content Manager";
    public const string SystemAdministrator = "System Administrator";
    public const string SystemUser = "System User";

    private static readonly Dictionary<string, ItemTask[]> ItemRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        [Browser] = [ItemTask.View, ItemTask.ManageIndividualSubscriptions],
        [Publisher] = [ItemTask.ManageReports, ItemTask.ManageFolders, ItemTask.ManageResources, ItemTask.ManageDataSources],
        [ContentManager] = Enum.GetValues<ItemTask>(),
    };

    private static readonly Dictionary<string, SystemTask[]> SystemRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        [SystemAdministrator] = Enum.GetValues<SystemTask>(),
        [SystemUser] = [SystemTask.ViewServerProperties],
    };

    public static IReadOnlyCollection<string> ItemRoleNames => ItemRoles.Keys;

    public static IReadOnlyCollection<string> SystemRoleNames => SystemRoles.Keys;

    public static bool Grants(string role, ItemTask task) => ItemRoles.TryGetValue(role, out var tasks) && tasks.Contains(task);

    public static bool Grants(string role, SystemTask task) => SystemRoles.TryGetValue(role, out var tasks) && tasks.Contains(task);

    /// <summary>The role's canonical name, or null when <paramref name="name"/> is not an item role.</summary>
    public static string? ItemRole(string? name) => name is not null && ItemRoles.ContainsKey(name) ? ItemRoles.Keys.First(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)) : null;

    public static string? SystemRole(string? name) => name is not null && SystemRoles.ContainsKey(name) ? SystemRoles.Keys.First(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)) : null;

    /// <summary>The task that adding, changing or deleting an item of <paramref name="kind"/> needs.</summary>
    public static ItemTask Manage(CatalogItemKind kind) => kind switch
    {
        CatalogItemKind.Folder => ItemTask.ManageFolders,
        CatalogItemKind.DataSource => ItemTask.ManageDataSources,
        CatalogItemKind.Resource => ItemTask.ManageResources,
        _ => ItemTask.ManageReports,
    };
}
