using System.Data.Common;
using System.Security.Cryptography;
using Rdl.Model.Diagnostics;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Catalog.Items;

/// <summary>
/// Creates folders and publishes content versions. Every publish of a report, resource, data source or dataset adds
/// a version (who, when, hash, comment); concurrent publishes to one path each get their own version number because
/// the number is taken by an atomic increment on the item row.
/// </summary>
public sealed class CatalogPublisher(CatalogDatabase database)
{
    private const int MaxAttempts = 5;

    public async Task<CatalogResult<CatalogItem>> CreateFolderAsync(CatalogPath path, string? description, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        if (path.IsRoot) return CatalogError.Exists(path);
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            if (await CheckParent(connection, transaction, path, cancellationToken).ConfigureAwait(false) is { } parentError) return parentError;
            if (await CatalogItemRows.ByPath(connection, transaction, path, cancellationToken).ConfigureAwait(false) is not null) return CatalogError.Exists(path);
            try
            {
                var item = await Insert(connection, transaction, path, CatalogItemKind.Folder, new PublishOptions { Description = description }, 0, actor, cancellationToken).ConfigureAwait(false);
                await CatalogAudit.AppendAsync(connection, transaction, actor, "CreateFolder", path.Value, "Success", null, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return item;
            }
            catch (DbException e) when (CatalogDatabase.IsUniqueViolation(e) && attempt < MaxAttempts)
            {
                // Another writer created it between our check and insert: look again.
            }
        }
    }

    /// <summary>Creates <paramref name="path"/> and any missing folders above it; existing folders are left as they are.</summary>
    public async Task<CatalogResult<CatalogItem>> EnsureFolderAsync(CatalogPath path, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        if (!path.Parent.IsRoot && await EnsureFolderAsync(path.Parent, actor, cancellationToken).ConfigureAwait(false) is { Success: false } failed) return failed;
        var created = await CreateFolderAsync(path, null, actor, cancellationToken).ConfigureAwait(false);
        if (created.Success || created.Error!.Code != DiagnosticCodes.Catalog.Exists) return created;
        var existing = await new CatalogQueries(database).GetAsync(path, cancellationToken).ConfigureAwait(false);
        return existing is { Kind: CatalogItemKind.Folder } ? existing : CatalogError.WrongKind(path, CatalogItemKind.Folder, existing?.Kind ?? CatalogItemKind.Folder);
    }

    /// <summary>Publishes <paramref name="content"/> as the next version of the item at <paramref name="path"/>, creating it when absent.</summary>
    public async Task<CatalogResult<PublishedVersion>> PublishAsync(CatalogPath path, CatalogItemKind kind, byte[] content, PublishOptions options, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        if (path.IsRoot || kind == CatalogItemKind.Folder) return CatalogError.InvalidPath($"Content cannot be published at '{path}' as a {kind}.");
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await PublishIn(connection, transaction, path, kind, content, hash, options, actor, cancellationToken).ConfigureAwait(false);
                if (result.Success) await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (DbException e) when (CatalogDatabase.IsUniqueViolation(e) && attempt < MaxAttempts)
            {
                // A concurrent publish created the item first; the next attempt finds it and adds a version.
            }
        }
    }

    /// <summary>Publishes the content of an earlier <paramref name="version"/> as the newest version.</summary>
    public async Task<CatalogResult<PublishedVersion>> RollbackAsync(CatalogPath path, int version, long? ifMatchRowVersion, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        var queries = new CatalogQueries(database);
        if (await queries.GetAsync(path, cancellationToken).ConfigureAwait(false) is not { } item) return CatalogError.NotFound(path.Value);
        if (await queries.ContentAsync(item, version, cancellationToken).ConfigureAwait(false) is not { } content) return CatalogError.NoVersion(path, version);
        var options = new PublishOptions { Overwrite = ifMatchRowVersion is null, IfMatchRowVersion = ifMatchRowVersion, Comment = $"Rolled back to version {version}" };
        return await PublishAsync(path, item.Kind, content, options, actor, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<CatalogResult<PublishedVersion>> PublishIn(DbConnection connection, DbTransaction transaction, CatalogPath path, CatalogItemKind kind, byte[] content, string hash, PublishOptions options, CatalogActor actor, CancellationToken cancellationToken)
    {
        if (await CheckParent(connection, transaction, path, cancellationToken).ConfigureAwait(false) is { } parentError) return parentError;
        var existing = await CatalogItemRows.ByPath(connection, transaction, path, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            if (options.IfMatchRowVersion is not null) return CatalogError.Stale(path);
            var created = await Insert(connection, transaction, path, kind, options, 1, actor, cancellationToken).ConfigureAwait(false);
            await InsertVersion(connection, transaction, created.Id, 1, content, hash, options.Comment, actor, cancellationToken).ConfigureAwait(false);
            await CatalogAudit.AppendAsync(connection, transaction, actor, "Publish", path.Value, "Success", $"{kind} version 1 ({hash[..12]})", cancellationToken).ConfigureAwait(false);
            return new PublishedVersion(created, 1, Created: true);
        }
        if (existing.Kind != kind) return CatalogError.WrongKind(path, kind, existing.Kind);
        if (existing.ReadOnly && !options.BypassReadOnly) return CatalogError.IsReadOnly(path);
        if (options.IfMatchRowVersion is { } expected && expected != existing.RowVersion) return CatalogError.Stale(path);
        if (options.IfMatchRowVersion is null && !options.Overwrite) return CatalogError.Exists(path);
        if (options.BypassReadOnly && await CurrentHash(connection, transaction, existing, cancellationToken).ConfigureAwait(false) == hash)
            return new PublishedVersion(existing, existing.CurrentVersion, Created: false, Unchanged: true);

        var sql = """
            UPDATE catalog_items SET current_version = current_version + 1, row_version = row_version + 1, modified_by = @user, modified_at = @now,
                description = COALESCE(@description, description), content_type = COALESCE(@contentType, content_type), properties = COALESCE(@properties, properties)
            WHERE id = @id AND deleted_at IS NULL
            """ + (options.IfMatchRowVersion is null ? "" : " AND row_version = @expected") + " RETURNING current_version";
        await using var update = connection.Command(sql, transaction)
            .With("user", actor.UserName).With("now", DateTimeOffset.UtcNow.ToUnixMs()).With("description", options.Description)
            .With("contentType", options.ContentType).With("properties", options.Properties).With("id", existing.Id.ToString("D"));
        if (options.IfMatchRowVersion is { } rowVersion) update.With("expected", rowVersion);
        if (await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not { } versionValue) return CatalogError.Stale(path);
        var version = Convert.ToInt32(versionValue, System.Globalization.CultureInfo.InvariantCulture);
        await InsertVersion(connection, transaction, existing.Id, version, content, hash, options.Comment, actor, cancellationToken).ConfigureAwait(false);
        if (options.Parameters is { } parameters) await ParameterSettings.PruneAsync(connection, transaction, existing.Id, parameters, cancellationToken).ConfigureAwait(false);
        await CatalogAudit.AppendAsync(connection, transaction, actor, "Publish", path.Value, "Success", $"{kind} version {version} ({hash[..12]})", cancellationToken).ConfigureAwait(false);
        var item = await CatalogItemRows.ByPath(connection, transaction, path, cancellationToken).ConfigureAwait(false);
        return new PublishedVersion(item!, version, Created: false);
    }

    private static async Task<CatalogError?> CheckParent(DbConnection connection, DbTransaction transaction, CatalogPath path, CancellationToken cancellationToken)
    {
        if (path.Parent.IsRoot) return null;
        var parent = await CatalogItemRows.ByPath(connection, transaction, path.Parent, cancellationToken).ConfigureAwait(false);
        if (parent is null) return CatalogError.NoParentFolder(path);
        return parent.Kind == CatalogItemKind.Folder ? null : CatalogError.WrongKind(path.Parent, CatalogItemKind.Folder, parent.Kind);
    }

    private static async Task<string?> CurrentHash(DbConnection connection, DbTransaction transaction, CatalogItem item, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT content_hash FROM item_versions WHERE item_id = @id AND version = @version", transaction)
            .With("id", item.Id.ToString("D")).With("version", item.CurrentVersion);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static async Task<CatalogItem> Insert(DbConnection connection, DbTransaction transaction, CatalogPath path, CatalogItemKind kind, PublishOptions options, int version, CatalogActor actor, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid();
        await using var command = connection.Command("""
            INSERT INTO catalog_items (id, kind, name, path, path_key, parent_key, description, read_only, content_type, properties, current_version, row_version, created_by, created_at, modified_by, modified_at)
            VALUES (@id, @kind, @name, @path, @key, @parent, @description, @readOnly, @contentType, @properties, @version, 1, @user, @now, @user, @now)
            """, transaction)
            .With("id", id.ToString("D")).With("kind", kind.ToString()).With("name", path.Name).With("path", path.Value).With("key", path.Key)
            .With("parent", path.Parent.Key).With("description", options.Description).With("readOnly", options.ReadOnly ? 1 : 0)
            .With("contentType", options.ContentType).With("properties", options.Properties).With("version", version)
            .With("user", actor.UserName).With("now", now.ToUnixMs());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new CatalogItem(id, kind, path, options.Description, options.ReadOnly, options.ContentType, options.Properties, version, 1, actor.UserName, now, actor.UserName, now, null);
    }

    private static async Task InsertVersion(DbConnection connection, DbTransaction transaction, Guid itemId, int version, byte[] content, string hash, string? comment, CatalogActor actor, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("""
            INSERT INTO item_versions (item_id, version, content, content_hash, size, created_by, created_at, comment)
            VALUES (@id, @version, @content, @hash, @size, @user, @now, @comment)
            """, transaction)
            .With("id", itemId.ToString("D")).With("version", version).With("content", content).With("hash", hash).With("size", (long)content.Length)
            .With("user", actor.UserName).With("now", DateTimeOffset.UtcNow.ToUnixMs()).With("comment", comment);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
