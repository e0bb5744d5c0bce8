namespace Renderer.Host.Security.Identity;

/// <summary>Section <c>Security:SignIn</c>: token lifetimes and who administers a fresh catalog.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "Security:SignIn";

    /// <summary>Lifetime of the built-in provider's access tokens (Entra ID sets its own).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A browser session renews its access token when less than this is left.</summary>
    public TimeSpan RenewBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Allowed clock difference when checking token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Principals (<c>user:alice@contoso.com</c>, <c>group:&lt;object id&gt;</c>, <c>role:Reports.Admin</c>) made System
    /// Administrator and Content Manager of the root folder when the catalog has no role assignments yet. With the
    /// built-in provider the default is its sample administrator.
    /// </summary>
    public string[] InitialAdministrators { get; set; } = [];
}
