using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Renderer.Host.Security.Identity;

/// <summary>
/// The built-in development identity provider: OpenIddict's server on the same HTTPS origin, with the authorization
/// code flow (PKCE required) and refresh tokens for the browser client, the password flow for the command-line
/// client that scripts use to get a token, and the client credentials flow for the embedding applications configured
/// under <c>Embedding:Applications</c> (their access tokens carry the <c>Embed.Token</c> app role). It keeps no token store (OpenIddict's degraded mode), so the handlers
/// below do what the store would: they admit only the two known clients, the web client's exact redirect URIs and
/// its secret.
/// </summary>
public static class DevIdentityProvider
{
    public const string WebClientId = "renderer-web";
    public const string CliClientId = "renderer-cli";
    public const string LoginScheme = "DevIdentityLogin";
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string EndSessionPath = "/connect/endsession";
    public const string LoginPath = "/account/login";

    public static void AddDevIdentityProvider(this IServiceCollection services, DevIdentitySecrets secrets, SignInSettings settings)
    {
        services.AddSingleton(secrets);
        services.AddAuthentication().AddCookie(LoginScheme, cookie =>
        {
            cookie.Cookie.Name = "__Host-dev-idp";
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.Path = "/";
            cookie.LoginPath = LoginPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(settings.Issuer);
            server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                .SetEndSessionEndpointUris(EndSessionPath.TrimStart('/'));
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow().AllowPasswordFlow().AllowClientCredentialsFlow();
            server.RegisterScopes(OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile, OpenIddictConstants.Scopes.OfflineAccess, SignInSettings.ApiScope);
            server.SetAccessTokenLifetime(settings.AccessTokenLifetime);
            server.SetIdentityTokenLifetime(TimeSpan.FromMinutes(10));
            server.SetRefreshTokenLifetime(TimeSpan.FromHours(8));
            server.AddSigningKey(secrets.CreateSigningKey());
            server.AddEncryptionKey(secrets.CreateEncryptionKey());
            server.DisableAccessTokenEncryption();
            server.EnableDegradedMode();
            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != WebClientId)
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client is not registered with this provider.");
                else if (context.RedirectUri != settings.RedirectUri)
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The redirect_uri is not registered for this client.");
                return default;
            }));
            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var request = context.Request;
                if (context.ClientId == WebClientId)
                {
                    if (!FixedTime(context.ClientSecret, secrets.WebClientSecret))
                        context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client secret is wrong.");
                    else if (request.IsPasswordGrantType())
                        context.Reject(OpenIddictConstants.Errors.UnauthorizedClient, "This client may not use the password flow.");
                }
                else if (context.ClientId is { } application && secrets.ApplicationSecrets.TryGetValue(application, out var secret))
                {
                    // An embedding application: only client credentials, with its secret from the secrets file.
                    if (!FixedTime(context.ClientSecret, secret))
                        context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client secret is wrong.");
                    else if (!request.IsClientCredentialsGrantType())
                        context.Reject(OpenIddictConstants.Errors.UnauthorizedClient, "This client may only use the client credentials flow.");
                }
                else if (context.ClientId == CliClientId)
                {
                    if (!request.IsPasswordGrantType() && !request.IsRefreshTokenGrantType())
                        context.Reject(OpenIddictConstants.Errors.UnauthorizedClient, "This client may only use the password and refresh token flows.");
                }
                else context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client is not registered with this provider.");
                return default;
            }));
            server.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && uri != settings.PostLogoutRedirectUri)
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The post_logout_redirect_uri is not registered.");
                return default;
            }));
        });
    }

    private static bool FixedTime(string? given, string expected) =>
        given is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected));
}
