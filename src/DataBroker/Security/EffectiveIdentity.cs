namespace DataBroker.Security;

/// <summary>
/// Whom a render's data is for: the user name (<c>@UserName</c> in row-level security rules), the row-level security
/// roles named for them (by an embed token), optional custom data (<c>@CustomData</c>), and the principals
/// (<c>user:</c>, <c>group:</c>, <c>role:</c>) that role members are matched against. It comes from the signed-in
/// user's token, an embed token, or a subscription's owner; never from report parameters or expressions.
/// </summary>
public sealed record EffectiveIdentity(string UserName, IReadOnlyList<string> Roles, string? CustomData, IReadOnlyList<string> Principals)
{
    /// <summary>A signed-in user (or a subscription's owner): roles come from the rules' member lists.</summary>
    public static EffectiveIdentity ForUser(string userName, IReadOnlyList<string> principals) => new(userName, [], null, principals);

    /// <summary>Whether <paramref name="role"/> applies: named for this identity, or one of its members is one of its principals.</summary>
    public bool IsIn(RlsRole role) =>
        Roles.Contains(role.Name, StringComparer.OrdinalIgnoreCase)
        || role.Members.Any(m => Principals.Contains(m, StringComparer.OrdinalIgnoreCase));
}
