using System.Data.Common;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Catalog.Items;

/// <summary>The one column list every item query selects, and how a row becomes a <see cref="CatalogItem"/>.</summary>
internal static class CatalogItemRows
{
    public const string Columns = "id, kind, path, description, read_only, content_type, properties, current_version, row_version, created_by, created_at, modified_by, modified_at, deleted_at";

    public static CatalogItem Read(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)),
        Enum.Parse<CatalogItemKind>(r.GetString(1)),
        CatalogPath.Parse(r.GetString(2)),
        r.NullableString(3),
        r.GetInt64(4) != 0,
        r.NullableString(5),
        r.NullableString(6),
        (int)r.GetInt64(7),
        r.GetInt64(8),
        r.GetString(9),
        DbCommandExtensions.FromUnixMs(r.GetInt64(10)),
        r.GetString(11),
        DbCommandExtensions.FromUnixMs(r.GetInt64(12)),
        r.NullableInt64(13) is { } deleted ? DbCommandExtensions.FromUnixMs(deleted) : null);

    public static async Task<List<CatalogItem>> ReadAll(DbCommand command, CancellationToken cancellationToken)
    {
        var items = new List<CatalogItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Read(reader));
        return items;
    }

    /// <summary>The live (not deleted) item at <paramref name="path"/>, read inside <paramref name="transaction"/> when given.</summary>
    public static async Task<CatalogItem?> ByPath(DbConnection connection, DbTransaction? transaction, CatalogPath path, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM catalog_items WHERE path_key = @key AND deleted_at IS NULL", transaction)
            .With("key", path.Key);
        return (await ReadAll(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>Escapes LIKE wildcards so user text matches literally (with <c>ESCAPE '\'</c>).</summary>
    public static string LikeLiteral(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
