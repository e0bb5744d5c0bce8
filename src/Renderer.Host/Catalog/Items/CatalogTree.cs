using System.Data.Common;
using Rdl.Model.Diagnostics;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Catalog.Items;

/// <summary>
/// Moves, renames, deletes and restores items. A moved folder takes its subtree along; a delete is a soft delete of
/// the item and its subtree as one batch, which restore brings back together until the retention period purges it.
/// </summary>
public sealed class CatalogTree(CatalogDatabase database, TimeProvider time)
{
    public Task<CatalogResult<CatalogItem>> RenameAsync(CatalogPath path, string newName, long? ifMatchRowVersion, CatalogActor actor, CancellationToken cancellationToken = default)
        => CatalogPath.IsValidName(newName, out var error)
            ? MoveAsync(path, path.Parent.Child(newName), ifMatchRowVersion, actor, cancellationToken)
            : Task.FromResult<CatalogResult<CatalogItem>>(CatalogError.InvalidPath(error));

    public async Task<CatalogResult<CatalogItem>> MoveAsync(CatalogPath path, CatalogPath target, long? ifMatchRowVersion, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        if (path.IsRoot || target.IsRoot) return CatalogError.BadMove("The root folder cannot be moved or replaced.");
        if (target.IsBelow(path)) return CatalogError.BadMove($"'{path}' cannot be moved into itself ('{target}').");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var item = await CatalogItemRows.ByPath(connection, transaction, path, cancellationToken).ConfigureAwait(false);
        if (CheckWritable(item, path, ifMatchRowVersion) is { } refused) return refused;
        if (!target.Parent.IsRoot)
        {
            var parent = await CatalogItemRows.ByPath(connection, transaction, target.Parent, cancellationToken).ConfigureAwait(false);
            if (parent is null) return CatalogError.NoParentFolder(target);
            if (parent.Kind != CatalogItemKind.Folder) return CatalogError.WrongKind(target.Parent, CatalogItemKind.Folder, parent.Kind);
        }
        if (target.Key != path.Key && await CatalogItemRows.ByPath(connection, transaction, target, cancellationToken).ConfigureAwait(false) is not null)
            return CatalogError.Exists(target);

        var now = time.GetUtcNow().ToUnixMs();
        await using (var update = connection.Command("""
            UPDATE catalog_items SET name = @name, path = @path, path_key = @key, parent_key = @parent, row_version = row_version + 1, modified_by = @user, modified_at = @now
            WHERE id = @id
            """, transaction))
        {
            update.With("name", target.Name).With("path", target.Value).With("key", target.Key).With("parent", target.Parent.Key)
                .With("user", actor.UserName).With("now", now).With("id", item!.Id.ToString("D"));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (item.Kind == CatalogItemKind.Folder)
        {
            // Descendants keep everything after the old prefix; lengths count characters, which paths hold only from the BMP.
            var oldLength = path.Value.Length;
            await using var subtree = connection.Command("""
                UPDATE catalog_items SET path = @path || substr(path, @from), path_key = @key || substr(path_key, @from), parent_key = @key || substr(parent_key, @from), row_version = row_version + 1
                WHERE deleted_at IS NULL AND path_key LIKE @prefix ESCAPE '\'
                """, transaction)
                .With("path", target.Value).With("key", target.Key).With("from", oldLength + 1).With("prefix", CatalogItemRows.LikeLiteral(path.Key) + "/%");
            await subtree.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await CatalogAudit.AppendAsync(connection, transaction, actor, "Move", path.Value, "Success", $"to {target}", cancellationToken).ConfigureAwait(false);
        var moved = await CatalogItemRows.ByPath(connection, transaction, target, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return moved!;
    }

    /// <summary>Deletes the item (and a folder's subtree) softly; <see cref="RestoreAsync"/> brings them back.</summary>
    public async Task<CatalogResult<CatalogItem>> DeleteAsync(CatalogPath path, long? ifMatchRowVersion, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var item = await CatalogItemRows.ByPath(connection, transaction, path, cancellationToken).ConfigureAwait(false);
        if (CheckWritable(item, path, ifMatchRowVersion) is { } refused) return refused;
        var prefix = CatalogItemRows.LikeLiteral(path.Key) + "/%";
        await using (var readOnly = connection.Command("SELECT COUNT(*) FROM catalog_items WHERE deleted_at IS NULL AND read_only <> 0 AND path_key LIKE @prefix ESCAPE '\\'", transaction).With("prefix", prefix))
            if (Convert.ToInt64(await readOnly.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
                return new CatalogError(DiagnosticCodes.Catalog.ReadOnly, CatalogErrorKind.ReadOnly, $"The folder '{path}' holds read-only items and cannot be deleted.");
        await using (var delete = connection.Command("""
            UPDATE catalog_items SET deleted_at = @now, deleted_by = @user, delete_batch = @batch, row_version = row_version + 1
            WHERE deleted_at IS NULL AND (id = @id OR path_key LIKE @prefix ESCAPE '\')
            """, transaction))
        {
            delete.With("now", time.GetUtcNow().ToUnixMs()).With("user", actor.UserName).With("batch", item!.Id.ToString("D"))
                .With("id", item.Id.ToString("D")).With("prefix", prefix);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await CatalogAudit.AppendAsync(connection, transaction, actor, "Delete", path.Value, "Success", null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return item with { DeletedAt = time.GetUtcNow() };
    }

    /// <summary>Restores what one delete removed (an item, or a folder with its subtree) to where it was.</summary>
    public async Task<CatalogResult<CatalogItem>> RestoreAsync(Guid id, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var find = connection.Command($"SELECT {CatalogItemRows.Columns}, delete_batch FROM catalog_items WHERE id = @id AND deleted_at IS NOT NULL", transaction).With("id", id.ToString("D"));
        string? batch = null;
        CatalogItem? item = null;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) (item, batch) = (CatalogItemRows.Read(reader), reader.NullableString(14));
        if (item is null || batch is null) return CatalogError.NotFound(id.ToString("D"));
        await using var members = connection.Command($"SELECT {CatalogItemRows.Columns} FROM catalog_items WHERE delete_batch = @batch ORDER BY path_key", transaction).With("batch", batch);
        var restored = await CatalogItemRows.ReadAll(members, cancellationToken).ConfigureAwait(false);
        var top = restored[0].Path;
        if (!top.Parent.IsRoot && await CatalogItemRows.ByPath(connection, transaction, top.Parent, cancellationToken).ConfigureAwait(false) is null) return CatalogError.NoParentFolder(top);
        foreach (var member in restored)
            if (await CatalogItemRows.ByPath(connection, transaction, member.Path, cancellationToken).ConfigureAwait(false) is not null) return CatalogError.RestoreBlocked(member.Path);
        await using (var restore = connection.Command("UPDATE catalog_items SET deleted_at = NULL, deleted_by = NULL, delete_batch = NULL, row_version = row_version + 1 WHERE delete_batch = @batch", transaction).With("batch", batch))
            await restore.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await CatalogAudit.AppendAsync(connection, transaction, actor, "Restore", top.Value, "Success", $"{restored.Count} item(s)", cancellationToken).ConfigureAwait(false);
        var result = await CatalogItemRows.ByPath(connection, transaction, item.Path, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result!;
    }

    /// <summary>Removes for good the items deleted longer than <paramref name="retention"/> ago, with their versions; returns how many.</summary>
    public async Task<int> PurgeAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        var cutoff = (time.GetUtcNow() - retention).ToUnixMs();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        const string expired = "SELECT id FROM catalog_items WHERE deleted_at IS NOT NULL AND deleted_at < @cutoff";
        foreach (var table in new[] { "item_versions", "report_parameter_settings" })
        {
            await using var children = connection.Command($"DELETE FROM {table} WHERE item_id IN ({expired})", transaction).With("cutoff", cutoff);
            await children.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var items = connection.Command("DELETE FROM catalog_items WHERE deleted_at IS NOT NULL AND deleted_at < @cutoff", transaction).With("cutoff", cutoff);
        var count = await items.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static CatalogError? CheckWritable(CatalogItem? item, CatalogPath path, long? ifMatchRowVersion) =>
        item is null ? CatalogError.NotFound(path.Value)
        : item.ReadOnly ? CatalogError.IsReadOnly(path)
        : ifMatchRowVersion is { } expected && expected != item.RowVersion ? CatalogError.Stale(path)
        : null;
}
