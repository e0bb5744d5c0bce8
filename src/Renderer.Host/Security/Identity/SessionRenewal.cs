using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Renderer.Host.Security.Identity;

/// <summary>
/// Renews a browser session's access token silently before it expires: when less than
/// <see cref="SignInOptions.RenewBeforeExpiry"/> is left, the refresh token is redeemed at the provider's token
/// endpoint; if that fails the session ends and the next request signs in again.
/// </summary>
public static class SessionRenewal
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IOptions<SignInOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)) return;
        if (expires - time.GetUtcNow() > settings.RenewBeforeExpiry) return;
        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var oidc = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        if (refreshToken is null || oidc.ConfigurationManager is null) { await RejectAsync(context); return; }
        var configuration = await oidc.ConfigurationManager.GetConfigurationAsync(context.HttpContext.RequestAborted);
        using var response = await oidc.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = oidc.ClientId ?? string.Empty,
            ["client_secret"] = oidc.ClientSecret ?? string.Empty,
        }), context.HttpContext.RequestAborted);
        if (!response.IsSuccessStatusCode) { await RejectAsync(context); return; }
        using var json = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(context.HttpContext.RequestAborted), cancellationToken: context.HttpContext.RequestAborted);
        var root = json.RootElement;
        var lifetime = root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 3600;
        context.Properties.UpdateTokenValue("access_token", root.GetProperty("access_token").GetString()!);
        if (root.TryGetProperty("refresh_token", out var refreshed)) context.Properties.UpdateTokenValue("refresh_token", refreshed.GetString()!);
        context.Properties.UpdateTokenValue("expires_at", time.GetUtcNow().AddSeconds(lifetime).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
