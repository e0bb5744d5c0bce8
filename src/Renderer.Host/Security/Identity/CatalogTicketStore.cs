using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Security.Identity;

/// <summary>
/// Keeps sign-in sessions (the cookie's authentication ticket, with its tokens) in the catalog database, so the
/// cookie only carries a session id, a restart keeps users signed in and every host on one database accepts it.
/// Tickets are encrypted with data protection (whose keys are in the same database) before they are stored.
/// </summary>
public sealed class CatalogTicketStore(CatalogDatabase database, IDataProtectionProvider protection, TimeProvider time) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("Renderer.SignInSessions.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Guid.NewGuid().ToString("N");
        await RenewAsync(id, ticket).ConfigureAwait(false);
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var bytes = _protector.Protect(TicketSerializer.Default.Serialize(ticket));
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var delete = connection.Command("DELETE FROM auth_sessions WHERE id = @id OR expires_at < @now")
            .With("id", key).With("now", time.GetUtcNow().ToUnixMs());
        await using var transaction = await database.BeginWriteAsync(connection).ConfigureAwait(false);
        delete.Transaction = transaction;
        await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
        await using var insert = connection.Command("INSERT INTO auth_sessions (id, user_name, ticket, expires_at) VALUES (@id, @user, @ticket, @expires)", transaction)
            .With("id", key).With("user", ticket.Principal.Identity?.Name ?? string.Empty).With("ticket", bytes).With("expires", ticket.Properties.ExpiresUtc?.ToUnixMs());
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var command = connection.Command("SELECT ticket FROM auth_sessions WHERE id = @id AND (expires_at IS NULL OR expires_at >= @now)")
            .With("id", key).With("now", time.GetUtcNow().ToUnixMs());
        if (await command.ExecuteScalarAsync().ConfigureAwait(false) is not byte[] bytes) return null;
        try { return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes)); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    public async Task RemoveAsync(string key)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var command = connection.Command("DELETE FROM auth_sessions WHERE id = @id").With("id", key);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}

/// <summary>Points the sign-in cookie at <see cref="CatalogTicketStore"/>.</summary>
public sealed class UseCatalogTicketStore(CatalogTicketStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == CookieAuthenticationDefaults.AuthenticationScheme) options.SessionStore = store;
    }
}
