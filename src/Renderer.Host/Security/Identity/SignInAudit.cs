using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Security.Identity;

/// <summary>Audit-log entries for sign-in, sign-out and refused sign-ins, with the client's address.</summary>
public sealed class SignInAudit(CatalogDatabase database, ILogger<SignInAudit> logger)
{
    public async Task AppendAsync(HttpContext http, string user, string action, string outcome, string? details, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await CatalogAudit.AppendAsync(connection, null, new CatalogActor(user, http.Connection.RemoteIpAddress?.ToString()), action, null, outcome, details, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The sign-in itself must not fail because the audit write did; the log still records it.
            logger.LogError(exception, "Could not write the audit entry {Action} for {User}.", action, user);
        }
    }
}
