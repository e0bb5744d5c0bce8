using System.Security.Claims;

namespace Renderer.Host.Security.Embedding;

/// <summary>
/// The identity of a request authenticated by an embed token: its name is the effective user name, it holds no role
/// or group claims (so no catalog permission), and it carries the token's <see cref="Grant"/>.
/// </summary>
public sealed class EmbedIdentity : ClaimsIdentity
{
    public EmbedIdentity(EmbedGrant grant)
        : base([new Claim(EmbedGrant.Claims.UserName, grant.UserName)], EmbedTokenHandler.SchemeName, EmbedGrant.Claims.UserName, null) => Grant = grant;

    public EmbedGrant Grant { get; }

    public override ClaimsIdentity Clone() => new EmbedIdentity(Grant);
}
