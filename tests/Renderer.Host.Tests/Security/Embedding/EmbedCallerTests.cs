using System.Security.Claims;
using Renderer.Host.Security.Embedding;
using Renderer.Host.Security.Identity;

namespace Renderer.Host.Tests.Security.Embedding;

/// <summary>
/// Who a request with an embed token is: the token's user name with no catalog principals, and for row-level
/// security exactly the token's identity; a signed-in user keeps the user-and-principals identity.
/// </summary>
public sealed class EmbedCallerTests
{
    private static readonly EmbedGrant Grant = new("portal", [Guid.NewGuid()], [], new Dictionary<string, string?[]>(), "customer-17", ["Customer", "EU"], "tenant-17", ["https://portal.example"], DateTimeOffset.UtcNow.AddMinutes(5));

    [Test]
    public void An_embed_caller_is_the_tokens_user_without_principals_and_its_data_identity_is_the_tokens()
    {
        var caller = Caller.From(new ClaimsPrincipal(new EmbedIdentity(Grant)), "fr-FR");

        Assert.That(caller.UserId, Is.EqualTo("customer-17"));
        Assert.That(caller.Principals, Is.Empty, "no catalog permission through an embed token");
        Assert.That(caller.Embed, Is.SameAs(Grant));
        var identity = caller.DataIdentity;
        Assert.That((identity.UserName, identity.CustomData), Is.EqualTo(("customer-17", "tenant-17")));
        Assert.That(identity.Roles, Is.EqualTo(new[] { "Customer", "EU" }));
        Assert.That(identity.Principals, Is.Empty);
        Assert.That(EmbedViewerGuard.SessionOwner(caller), Is.Not.EqualTo("customer-17"), "apart from a signed-in user of that name");
    }

    [Test]
    public void A_signed_in_user_keeps_the_user_identity()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("preferred_username", "alice"), new Claim("roles", "Customer")], "Bearer"));
        var caller = Caller.From(user);

        Assert.That(caller.Embed, Is.Null);
        Assert.That(caller.DataIdentity.Roles, Is.Empty);
        Assert.That(caller.DataIdentity.Principals, Does.Contain("user:alice").And.Contain("role:Customer"));
    }
}
