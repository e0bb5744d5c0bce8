using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Renderer.Host.Security.Embedding;

/// <summary>
/// Authenticates <c>Authorization: EmbedToken &lt;jws&gt;</c>: a valid token gives an <see cref="EmbedIdentity"/>; any
/// fault is 401 with <c>WWW-Authenticate: EmbedToken</c>. The token itself is never logged.
/// </summary>
public sealed class EmbedTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, EmbedTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "EmbedToken";
    public const string Prefix = SchemeName + " ";

    public static bool Carries(HttpRequest request) => request.Headers.Authorization.ToString().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var (grant, failure) = await tokens.ValidateAsync(header[Prefix.Length..].Trim(), Context.RequestAborted);
        if (grant is null) return AuthenticateResult.Fail(failure ?? "The embed token is not valid.");
        return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(new EmbedIdentity(grant)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "EmbedToken error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
