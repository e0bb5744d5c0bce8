using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Catalog.Items;

/// <summary>Reads the catalog: items by path or id, a folder's children, search, versions and content.</summary>
public sealed class CatalogQueries(CatalogDatabase database)
{
    public const int MaxPageSize = 1000;

    public async Task<CatalogItem?> GetAsync(CatalogPath path, CancellationToken cancellationToken = default)
    {
        if (path.IsRoot) return null;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CatalogItemRows.ByPath(connection, null, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The item with <paramref name="id"/>, including a deleted one (for restore).</summary>
    public async Task<CatalogItem?> GetByIdAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {CatalogItemRows.Columns} FROM catalog_items WHERE id = @id").With("id", id.ToString("D"));
        return (await CatalogItemRows.ReadAll(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>The live items directly in <paramref name="folder"/>, folders first, then by name.</summary>
    public async Task<IReadOnlyList<CatalogItem>> ChildrenAsync(CatalogPath folder, int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"""
            SELECT {CatalogItemRows.Columns} FROM catalog_items
            WHERE parent_key = @parent AND deleted_at IS NULL
            ORDER BY CASE WHEN kind = 'Folder' THEN 0 ELSE 1 END, path_key
            LIMIT @take OFFSET @skip
            """).With("parent", folder.Key).With("take", Clamp(take)).With("skip", Math.Max(0, skip));
        return await CatalogItemRows.ReadAll(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Live items whose name or description contains <paramref name="text"/> (without case), optionally only below
    /// <paramref name="under"/> and of one kind, ordered by path.
    /// </summary>
    public async Task<IReadOnlyList<CatalogItem>> SearchAsync(string text, CatalogPath? under = null, CatalogItemKind? kind = null, int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        var pattern = "%" + CatalogItemRows.LikeLiteral(text.ToLowerInvariant()) + "%";
        var sql = $"""
            SELECT {CatalogItemRows.Columns} FROM catalog_items
            WHERE deleted_at IS NULL AND (LOWER(name) LIKE @pattern ESCAPE '\' OR LOWER(COALESCE(description, '')) LIKE @pattern ESCAPE '\')
            """;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("").With("pattern", pattern);
        if (under is { IsRoot: false } folder)
        {
            sql += " AND path_key LIKE @under ESCAPE '\\'";
            command.With("under", CatalogItemRows.LikeLiteral(folder.Key) + "/%");
        }
        if (kind is { } k)
        {
            sql += " AND kind = @kind";
            command.With("kind", k.ToString());
        }
        command.CommandText = sql + " ORDER BY path_key LIMIT @take OFFSET @skip";
        command.With("take", Clamp(take)).With("skip", Math.Max(0, skip));
        return await CatalogItemRows.ReadAll(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deleted items that can still be restored, most recent first.</summary>
    public async Task<IReadOnlyList<CatalogItem>> DeletedAsync(int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {CatalogItemRows.Columns} FROM catalog_items WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, path_key LIMIT @take OFFSET @skip")
            .With("take", Clamp(take)).With("skip", Math.Max(0, skip));
        return await CatalogItemRows.ReadAll(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ItemVersion>> VersionsAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT version, content_hash, size, created_by, created_at, comment FROM item_versions WHERE item_id = @id ORDER BY version")
            .With("id", itemId.ToString("D"));
        var versions = new List<ItemVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            versions.Add(new ItemVersion((int)reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), DbCommandExtensions.FromUnixMs(reader.GetInt64(4)), reader.NullableString(5)));
        return versions;
    }

    /// <summary>The content of <paramref name="version"/> (the current one when null); null when there is none.</summary>
    public async Task<byte[]?> ContentAsync(CatalogItem item, int? version = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT content FROM item_versions WHERE item_id = @id AND version = @version")
            .With("id", item.Id.ToString("D")).With("version", version ?? item.CurrentVersion);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    private static int Clamp(int take) => Math.Clamp(take, 1, MaxPageSize);
}
