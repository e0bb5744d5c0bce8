using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Renderer.Host.Security.Identity;

namespace Renderer.Host.Tests.Security.Identity;

/// <summary>
/// Tokens made in the test, to show what the API refuses: signed with the provider's real key from the data folder
/// (so only the changed property is wrong), with a foreign key, or unsigned.
/// </summary>
internal static class TestTokens
{
    public static string Mint(string dataFolder, string subject, string issuer = TestSignIn.BaseUrl + "/", string audience = SignInSettings.ApiAudience,
        DateTime? expires = null, SecurityKey? key = null, IDictionary<string, object>? claims = null)
    {
        var signingKey = key ?? DevIdentitySecrets.LoadOrCreate(dataFolder).CreateSigningKey();
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddMinutes(30);
        var all = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["preferred_username"] = subject,
            ["scp"] = SignInSettings.ApiScope,
        };
        foreach (var (name, value) in claims ?? new Dictionary<string, object>()) all[name] = value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-60) < now ? exp.AddMinutes(-60) : now,
            NotBefore = exp.AddMinutes(-60) < now ? exp.AddMinutes(-60) : now,
            Expires = exp,
            Claims = all,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
            TokenType = "at+jwt",
        });
    }

    public static SecurityKey ForeignKey(string keyId) => new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>The token with <c>alg: none</c> and no signature, its claims unchanged.</summary>
    public static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"at+jwt\"}"));
        return header + "." + parts[1] + ".";
    }

    /// <summary>The token with one byte of its signature changed.</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[10] ^= 0x5A;
        return parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(signature);
    }
}
