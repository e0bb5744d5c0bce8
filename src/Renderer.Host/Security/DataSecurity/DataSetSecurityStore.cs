using System.Text.Json;
using DataBroker.Security;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Security.DataSecurity;

/// <summary>
/// The row-level and object-level security administrators set on shared datasets (<c>dataset_security</c>), kept apart
/// from the dataset's versions so a republished query keeps its security and only administrators change it.
/// </summary>
public sealed class DataSetSecurityStore(CatalogDatabase database)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DataSetSecurity> GetAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT definition FROM dataset_security WHERE item_id = @id").With("id", itemId.ToString("D"));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text
            ? JsonSerializer.Deserialize<DataSetSecurity>(text, Json) ?? DataSetSecurity.None
            : DataSetSecurity.None;
    }

    /// <summary>Replaces the security of the dataset <paramref name="itemId"/> (at <paramref name="itemPath"/>) and audits it in the same transaction.</summary>
    public async Task SetAsync(Guid itemId, string itemPath, DataSetSecurity security, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (var delete = connection.Command("DELETE FROM dataset_security WHERE item_id = @id", transaction).With("id", itemId.ToString("D")))
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = connection.Command("INSERT INTO dataset_security (item_id, definition, updated_by, updated_at) VALUES (@id, @definition, @by, @at)", transaction)
            .With("id", itemId.ToString("D")).With("definition", JsonSerializer.Serialize(security, Json)).With("by", actor.UserName).With("at", DateTimeOffset.UtcNow.ToUnixMs()))
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await CatalogAudit.AppendAsync(connection, transaction, actor, "SetDataSecurity", itemPath, "success",
            $"{security.Roles.Count} row-level security roles ({string.Join(", ", security.Roles.Select(r => r.Name))}), {security.HiddenFields.Count} hidden fields", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
