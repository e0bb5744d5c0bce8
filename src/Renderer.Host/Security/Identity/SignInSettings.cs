namespace Renderer.Host.Security.Identity;

/// <summary>
/// The addresses and lifetimes of sign-in with the built-in provider, all derived from <c>Renderer:PublicBaseUrl</c>
/// (never from a request's Host header).
/// </summary>
public sealed class SignInSettings
{
    public const string ApiScope = "renderer-api";
    public const string ApiAudience = "renderer-api";

    public SignInSettings(string publicBaseUrl, TimeSpan accessTokenLifetime)
    {
        var root = publicBaseUrl.TrimEnd('/');
        Issuer = new Uri(root + "/");
        MetadataAddress = root + "/.well-known/openid-configuration";
        RedirectUri = root + "/signin-oidc";
        PostLogoutRedirectUri = root + "/signout-callback-oidc";
        AccessTokenLifetime = accessTokenLifetime;
    }

    public Uri Issuer { get; }

    public string MetadataAddress { get; }

    public string RedirectUri { get; }

    public string PostLogoutRedirectUri { get; }

    public TimeSpan AccessTokenLifetime { get; }
}
