namespace DataBroker.Security;

/// <summary>
/// An administrator's security for one shared dataset: row-level security roles (a user sees the rows that match the
/// filter of ANY role they are in; with roles defined, a user in none sees no rows, as in Power BI) and fields hidden
/// from roles (object-level security). Empty: every row and field for everyone who may run the report.
/// </summary>
public sealed record DataSetSecurity(IReadOnlyList<RlsRole> Roles, IReadOnlyList<HiddenField> HiddenFields)
{
    public static DataSetSecurity None { get; } = new([], []);

    public bool FiltersRows => Roles.Count > 0;

    /// <summary>The problem with this definition for an administrator, or null when it is valid.</summary>
    public string? Problem()
    {
        foreach (var role in Roles)
        {
            if (string.IsNullOrWhiteSpace(role.Name)) return "Every role needs a name.";
            if (role.Filter.Count == 0) return $"Role '{role.Name}' has no filter condition; give at least one (a role that sees everything says so with a condition an administrator chose).";
            foreach (var condition in role.Filter)
            {
                if (string.IsNullOrWhiteSpace(condition.Column)) return $"A condition of role '{role.Name}' names no column.";
                if (!RlsCondition.Operators.Contains(condition.Operator)) return $"Role '{role.Name}': operator '{condition.Operator}' is not one of {string.Join(", ", RlsCondition.Operators)}.";
                if (condition.Value is null) return $"Role '{role.Name}': the condition on '{condition.Column}' has no value.";
            }
        }
        if (Roles.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice) return $"Role '{twice.Key}' is defined twice.";
        foreach (var field in HiddenFields)
            if (string.IsNullOrWhiteSpace(field.Field) || field.Roles.Count == 0) return "Every hidden field names a field and at least one role.";
        return null;
    }
}

/// <summary>A row-level security role: its filter (every condition must hold) and its members (principals: <c>user:</c>, <c>group:</c>, <c>role:</c>).</summary>
public sealed record RlsRole(string Name, IReadOnlyList<RlsCondition> Filter, IReadOnlyList<string> Members);

/// <summary>
/// One condition of a role's filter on a column the dataset returns: <c>eq</c> (equals, text compared without case),
/// <c>ne</c>, or <c>in</c> (the value is a comma-separated list, or <c>@Roles</c>). The value is a literal or one of
/// the identity's values, bound by the broker: <c>@UserName</c>, <c>@CustomData</c>, <c>@Roles</c>.
/// </summary>
public sealed record RlsCondition(string Column, string Operator, string Value)
{
    public static readonly IReadOnlyList<string> Operators = ["eq", "ne", "in"];
}

/// <summary>A field (column) of the shared dataset that users in <see cref="Roles"/> may not see.</summary>
public sealed record HiddenField(string Field, IReadOnlyList<string> Roles);
