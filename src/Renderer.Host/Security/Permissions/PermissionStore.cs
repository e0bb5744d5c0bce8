using System.Data.Common;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Security.Permissions;

/// <summary>
/// Role assignments in the catalog database: per item (<c>item_policies</c>, with <c>item_policy_owners</c> listing
/// the items that break inheritance; the root's key is <see cref="RootKey"/>) and system-wide (<c>system_policies</c>).
/// </summary>
public sealed class PermissionStore(CatalogDatabase database)
{
    public const string RootKey = "root";

    /// <summary>The policy that applies to <paramref name="path"/> (which need not exist yet: a new item inherits).</summary>
    public async Task<ItemPolicy> EffectiveAsync(CatalogPath path, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await EffectiveAsync(connection, path, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<ItemPolicy> EffectiveAsync(DbConnection connection, CatalogPath path, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        for (var p = path; !p.IsRoot; p = p.Parent) keys.Add(p.Key);
        var owner = RootKey;
        var self = false;
        if (keys.Count > 0)
        {
            await using var command = connection.Command($"""
                SELECT i.id, i.path_key FROM catalog_items i JOIN item_policy_owners o ON o.item_id = i.id
                WHERE i.deleted_at IS NULL AND i.path_key IN ({string.Join(", ", keys.Select((_, n) => "@k" + n))})
                """);
            for (var n = 0; n < keys.Count; n++) command.With("k" + n, keys[n]);
            var deepest = -1;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var depth = reader.GetString(1).Count(c => c == '/');
                if (depth > deepest) (deepest, owner, self) = (depth, reader.GetString(0), reader.GetString(1) == path.Key);
            }
        }
        return new ItemPolicy(!self, owner, await AssignmentsAsync(connection, "item_policies WHERE item_id = @owner", owner, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<RoleAssignment>> SystemAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AssignmentsAsync(connection, "system_policies WHERE @owner = @owner", RootKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces an item's own policy (or, with <paramref name="inherit"/>, removes it so the item inherits again).</summary>
    public async Task SetItemAsync(CatalogItem? item, bool inherit, IReadOnlyList<RoleAssignment> assignments, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        var owner = item?.Id.ToString("D") ?? RootKey;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, "DELETE FROM item_policies WHERE item_id = @owner", owner, cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, "DELETE FROM item_policy_owners WHERE item_id = @owner", owner, cancellationToken).ConfigureAwait(false);
        if (!inherit || item is null)
        {
            if (item is not null) await Execute(connection, transaction, "INSERT INTO item_policy_owners (item_id) VALUES (@owner)", owner, cancellationToken).ConfigureAwait(false);
            await InsertAsync(connection, transaction, "INSERT INTO item_policies (item_id, principal, role) VALUES (@owner, @principal, @role)", owner, assignments, cancellationToken).ConfigureAwait(false);
        }
        await CatalogAudit.AppendAsync(connection, transaction, actor, "SetPolicy", item?.Path.Value ?? "/", "success", inherit && item is not null ? "inherit parent policy" : Describe(assignments), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetSystemAsync(IReadOnlyList<RoleAssignment> assignments, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, "DELETE FROM system_policies WHERE @owner = @owner", RootKey, cancellationToken).ConfigureAwait(false);
        await InsertAsync(connection, transaction, "INSERT INTO system_policies (principal, role) VALUES (@principal, @role)", RootKey, assignments, cancellationToken).ConfigureAwait(false);
        await CatalogAudit.AppendAsync(connection, transaction, actor, "SetSystemPolicy", null, "success", Describe(assignments), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether any assignment exists at all (a fresh catalog has none).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT (SELECT COUNT(*) FROM item_policies) + (SELECT COUNT(*) FROM system_policies)");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<IReadOnlyList<RoleAssignment>> AssignmentsAsync(DbConnection connection, string from, string owner, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT principal, role FROM {from} ORDER BY principal, role").With("owner", owner);
        var rows = new List<(string Principal, string Role)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows.GroupBy(r => r.Principal, StringComparer.Ordinal).Select(g => new RoleAssignment(g.Key, g.Select(r => r.Role).ToList())).ToList();
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string sql, string owner, IReadOnlyList<RoleAssignment> assignments, CancellationToken cancellationToken)
    {
        foreach (var assignment in assignments)
            foreach (var role in assignment.Roles.Distinct(StringComparer.Ordinal))
            {
                await using var command = connection.Command(sql, transaction).With("owner", owner).With("principal", assignment.Principal).With("role", role);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, string owner, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction).With("owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(IReadOnlyList<RoleAssignment> assignments) =>
        string.Join("; ", assignments.Select(a => a.Principal + ": " + string.Join(", ", a.Roles)));
}
