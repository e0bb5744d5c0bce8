using System.Globalization;
using System.Security.Claims;

namespace Renderer.Host.Security.Identity;

/// <summary>
/// Who is calling, read from the validated token or session: the user id that <c>User!UserID</c> shows and
/// permissions name, the language for <c>User!Language</c>, and the principals role assignments can name
/// (<c>user:</c>, <c>group:</c> and <c>role:</c> entries from the token's <c>groups</c> and <c>roles</c> claims).
/// </summary>
public sealed record Caller(string UserId, string Language, IReadOnlyList<string> Principals)
{
    public static Caller Anonymous { get; } = new("anonymous", "en-US", []);

    /// <summary>
    /// What an embed token grants this caller, when the request came with one (then <see cref="UserId"/> is the token's
    /// effective user name and there are no principals, so no catalog permission).
    /// </summary>
    public Embedding.EmbedGrant? Embed { get; init; }

    /// <summary>
    /// Whose rows the broker shows this caller (row-level security): the user and their principals; for an embed token,
    /// exactly the token's effective identity (user name, roles and custom data).
    /// </summary>
    public DataBroker.Security.EffectiveIdentity DataIdentity => Embed is { } grant
        ? new DataBroker.Security.EffectiveIdentity(grant.UserName, grant.Roles, grant.CustomData, [])
        : DataBroker.Security.EffectiveIdentity.ForUser(UserId, Principals);

    public static Caller From(ClaimsPrincipal user, string? acceptLanguage = null)
    {
        if (user.Identity?.IsAuthenticated != true) return Anonymous;
        if (user.Identity is Embedding.EmbedIdentity { Grant: var grant })
            return new Caller(grant.UserName, FromHeader(acceptLanguage) ?? "en-US", []) { Embed = grant };
        var id = First(user, "preferred_username", ClaimTypes.Upn, "upn", "email", ClaimTypes.Email, "sub", ClaimTypes.NameIdentifier, "oid", "azp", "appid")
            ?? "unknown";
        var language = First(user, "locale", "xms_pl") ?? FromHeader(acceptLanguage) ?? "en-US";
        var principals = new List<string> { Principal.User(id) };
        foreach (var claim in user.Claims)
        {
            if (claim.Type is "groups" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups") principals.Add(Principal.Group(claim.Value));
            else if (claim.Type is "roles" or "role" or ClaimTypes.Role) principals.Add(Principal.Role(claim.Value));
        }
        return new Caller(id, language, principals.Distinct(StringComparer.Ordinal).ToList());
    }

    private static string? First(ClaimsPrincipal user, params string[] types) =>
        types.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string? FromHeader(string? header)
    {
        var first = header?.Split(',')[0].Split(';')[0].Trim();
        if (string.IsNullOrEmpty(first)) return null;
        try { return CultureInfo.GetCultureInfo(first).Name is { Length: > 0 } name ? name : null; }
        catch (CultureNotFoundException) { return null; }
    }
}

/// <summary>The text form of a principal in role assignments: <c>user:alice</c>, <c>group:Sales Analysts</c>, <c>role:Report.Admin</c>.</summary>
public static class Principal
{
    public static string User(string id) => "user:" + id.ToLowerInvariant();

    public static string Group(string id) => "group:" + id;

    public static string Role(string name) => "role:" + name;

    /// <summary>Normalises a principal given in an API call; a bare name is a user. Null when it is not valid.</summary>
    public static string? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 256 || value.Any(char.IsControl)) return null;
        var colon = value.IndexOf(':');
        if (colon < 0) return User(value);
        var (kind, name) = (value[..colon].ToLowerInvariant(), value[(colon + 1)..].Trim());
        if (name.Length == 0) return null;
        return kind switch { "user" => User(name), "group" => Group(name), "role" => Role(name), _ => null };
    }
}
