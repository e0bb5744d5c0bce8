using System.Data.Common;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Catalog.Items;

/// <summary>
/// Appends to the audit log. Catalog writes append in their own transaction, so an entry exists exactly when the
/// change does; the table is only ever inserted into.
/// </summary>
internal static class CatalogAudit
{
    public static async Task AppendAsync(DbConnection connection, DbTransaction? transaction, CatalogActor actor, string action, string? itemPath, string outcome, string? details, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("""
            INSERT INTO audit_log (at, user_name, action, item_path, client_address, outcome, details)
            VALUES (@at, @user, @action, @path, @client, @outcome, @details)
            """, transaction)
            .With("at", DateTimeOffset.UtcNow.ToUnixMs()).With("user", actor.UserName).With("action", action).With("path", itemPath)
            .With("client", actor.ClientAddress).With("outcome", outcome).With("details", details);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
