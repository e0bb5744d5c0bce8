namespace Renderer.Host.Security.Permissions;

/// <summary>One principal's roles in a policy.</summary>
public sealed record RoleAssignment(string Principal, IReadOnlyList<string> Roles);

/// <summary>
/// The role assignments that apply to an item: its own when it breaks inheritance (<see cref="Inherited"/> false),
/// else those of the nearest ancestor that has its own (the root always does).
/// </summary>
public sealed record ItemPolicy(bool Inherited, string OwnerKey, IReadOnlyList<RoleAssignment> Assignments)
{
    public bool Allows(IReadOnlyList<string> principals, ItemTask task) =>
        Assignments.Any(a => principals.Contains(a.Principal, StringComparer.Ordinal) && a.Roles.Any(r => Roles.Grants(r, task)));
}
