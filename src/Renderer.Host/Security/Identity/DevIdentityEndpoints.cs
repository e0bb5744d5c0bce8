using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Renderer.Host.Security.Identity;

/// <summary>
/// The built-in provider's pages and OpenIddict pass-through endpoints: the sign-in form, authorization (issues a
/// code for the signed-in sample user), token (code, refresh and password grants) and end of session.
/// </summary>
public static class DevIdentityEndpoints
{
    public static IEndpointRouteBuilder MapDevIdentityProvider(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).ExcludeFromDescription().AllowAnonymous();
        group.MapGet(DevIdentityProvider.LoginPath, (HttpContext http, string? returnUrl) => LoginPage(returnUrl, error: null));
        group.MapPost(DevIdentityProvider.LoginPath, Login).DisableAntiforgery();
        group.MapMethods(DevIdentityProvider.AuthorizePath, ["GET", "POST"], (Delegate)Authorize);
        group.MapPost(DevIdentityProvider.TokenPath, Token);
        group.MapMethods(DevIdentityProvider.EndSessionPath, ["GET", "POST"], (Delegate)EndSession);
        return app;
    }

    private static async Task<IResult> Login(HttpContext http, DevIdentitySecrets secrets, SignInAudit audit)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var name = form["username"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var user = DevUsers.Find(name);
        if (user is null || !PasswordMatches(secrets, user.Name, form["password"].ToString()))
        {
            await audit.AppendAsync(http, name.Length == 0 ? "(empty)" : name, "SignInFailed", "refused", "wrong user name or password", http.RequestAborted);
            return LoginPage(returnUrl, "The user name or password is wrong.", StatusCodes.Status401Unauthorized);
        }
        var identity = new ClaimsIdentity(DevIdentityProvider.LoginScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        await http.SignInAsync(DevIdentityProvider.LoginScheme, new ClaimsPrincipal(identity));
        // Only a path on this server; an author of a link cannot send the user elsewhere after sign-in.
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static async Task<IResult> Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var login = await http.AuthenticateAsync(DevIdentityProvider.LoginScheme);
        var user = DevUsers.Find(login.Principal?.Identity?.Name);
        if (!login.Succeeded || user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user is not signed in.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            var query = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync()).Select(p => KeyValuePair.Create(p.Key, p.Value)) : http.Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value));
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(query.Where(p => p.Key != Parameters.Prompt));
            return Results.Redirect(DevIdentityProvider.LoginPath + QueryString.Create("returnUrl", returnUrl));
        }
        return Results.SignIn(Principal(user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(HttpContext http, DevIdentitySecrets secrets, SignInAudit audit)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsPasswordGrantType())
        {
            var user = DevUsers.Find(request.Username);
            if (user is null || !PasswordMatches(secrets, user.Name, request.Password))
            {
                await audit.AppendAsync(http, request.Username ?? "(empty)", "SignInFailed", "refused", "password grant: wrong user name or password", http.RequestAborted);
                return Refuse(Errors.InvalidGrant, "The user name or password is wrong.");
            }
            await audit.AppendAsync(http, user.Name, "SignIn", "success", "password grant (client " + request.ClientId + ")", http.RequestAborted);
            return Results.SignIn(Principal(user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsClientCredentialsGrantType() && request.ClientId is { } application && secrets.ApplicationSecrets.ContainsKey(application))
        {
            await audit.AppendAsync(http, application, "SignIn", "success", "client credentials grant (embedding application)", http.RequestAborted);
            return Results.SignIn(ApplicationPrincipal(application), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = DevUsers.Find(result.Principal?.GetClaim(Claims.Subject));
            if (user is null) return Refuse(Errors.InvalidGrant, "The user no longer exists.");
            return Results.SignIn(Principal(user, result.Principal!.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> EndSession(HttpContext http)
    {
        await http.SignOutAsync(DevIdentityProvider.LoginScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>The claims every token of <paramref name="user"/> carries, with where each goes.</summary>
    private static ClaimsPrincipal Principal(DevUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Name)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.Name)
            .SetClaim(Claims.Locale, user.Language)
            .SetClaims("groups", [.. user.Groups]);
        var granted = scopes.Intersect([Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, SignInSettings.ApiScope]).ToList();
        identity.SetScopes(granted);
        if (granted.Contains(SignInSettings.ApiScope))
        {
            identity.SetResources(SignInSettings.ApiAudience);
            // Microsoft.Identity.Web authorizes API calls by the scp (or roles) claim, as Entra ID issues it.
            identity.SetClaim("scp", SignInSettings.ApiScope);
        }
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.PreferredUsername or Claims.Locale or "groups" => [Destinations.AccessToken, Destinations.IdentityToken],
            "scp" => [Destinations.AccessToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// An embedding application's access token, shaped as Entra ID issues an app-only token: subject and <c>azp</c> the
    /// client id, audience the API, and the <c>Embed.Token</c> app role in <c>roles</c>.
    /// </summary>
    private static ClaimsPrincipal ApplicationPrincipal(string clientId)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.AuthorizedParty, clientId).SetClaims("roles", [Embedding.EmbedTokensApi.EmbedRole]);
        identity.SetResources(SignInSettings.ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static bool PasswordMatches(DevIdentitySecrets secrets, string user, string? password) =>
        password is not null && secrets.Passwords.TryGetValue(user, out var expected)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(password)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult LoginPage(string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in - Report Server (development provider)</title>
            <style>body{font-family:sans-serif;max-width:24rem;margin:4rem auto}label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1.5rem}.error{color:#a00}</style></head>
            <body><main><h1>Sign in</h1>
            <p>Built-in development provider. The sample users' passwords are in <code>data/identity/dev-identity.json</code>.</p>
            {{(error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}}
            <form method="post" action="{{DevIdentityProvider.LoginPath}}">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "/")}}">
            <label for="username">User name</label><input id="username" name="username" autocomplete="username" required>
            <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
