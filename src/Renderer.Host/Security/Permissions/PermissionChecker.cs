using Renderer.Host.Catalog.Items;
using Renderer.Host.Security.Identity;

namespace Renderer.Host.Security.Permissions;

/// <summary>What the caller may do: every API operation and every render asks here.</summary>
public sealed class PermissionChecker(PermissionStore store)
{
    public async Task<bool> CanAsync(Caller caller, CatalogPath path, ItemTask task, CancellationToken cancellationToken = default) =>
        (await store.EffectiveAsync(path, cancellationToken).ConfigureAwait(false)).Allows(caller.Principals, task);

    public async Task<bool> CanAsync(Caller caller, SystemTask task, CancellationToken cancellationToken = default) =>
        (await store.SystemAsync(cancellationToken).ConfigureAwait(false)).Any(a => caller.Principals.Contains(a.Principal, StringComparer.Ordinal) && a.Roles.Any(r => Roles.Grants(r, task)));

    /// <summary>The items the caller may see, in their order (each item's effective policy is read: two queries per item).</summary>
    public async Task<IReadOnlyList<CatalogItem>> VisibleAsync(Caller caller, IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken = default)
    {
        var visible = new List<CatalogItem>(items.Count);
        foreach (var item in items)
        {
            var policy = await store.EffectiveAsync(item.Path, cancellationToken).ConfigureAwait(false);
            if (policy.Allows(caller.Principals, ItemTask.View)) visible.Add(item);
        }
        return visible;
    }
}
