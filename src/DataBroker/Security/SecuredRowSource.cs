using System.Globalization;
using DataBroker.Connectors;

namespace DataBroker.Security;

/// <summary>
/// A shared dataset's rows as one identity may see them: rows that match none of the identity's row-level security
/// roles are left out (all of them when the identity is in no role), and columns hidden from it are removed. The
/// filter runs in the broker on the rows the administrator's query returned, so it holds for every provider and no
/// SQL can reach around it.
/// </summary>
internal sealed class SecuredRowSource : IRowSource
{
    private readonly IRowSource _inner;
    private readonly Func<object?[], bool> _visible;
    private readonly int[] _kept;

    private SecuredRowSource(IRowSource inner, Func<object?[], bool> visible, int[] kept, IReadOnlyList<string> columns)
    {
        _inner = inner;
        _visible = visible;
        _kept = kept;
        Columns = columns;
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// Wraps <paramref name="rows"/> for <paramref name="identity"/>; null (and <paramref name="missingColumn"/> set) when
    /// a rule of a role the identity is in names a column the rows do not have, so nothing is shown.
    /// </summary>
    public static IRowSource? Wrap(IRowSource rows, DataSetSecurity security, EffectiveIdentity identity, out string? missingColumn)
    {
        missingColumn = null;
        var columns = rows.Columns;
        int Index(string name)
        {
            for (var i = 0; i < columns.Count; i++) if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }

        var roles = security.Roles.Where(identity.IsIn).ToList();
        IReadOnlyList<string> roleNames = [.. roles.Select(r => r.Name).Concat(identity.Roles).Distinct(StringComparer.OrdinalIgnoreCase)];
        var filters = new List<Func<object?[], bool>>();
        foreach (var role in roles)
        {
            var conditions = new List<Func<object?[], bool>>();
            foreach (var condition in role.Filter)
            {
                var index = Index(condition.Column);
                if (index < 0)
                {
                    missingColumn = condition.Column;
                    return null;
                }
                conditions.Add(Compile(index, condition, identity, roleNames));
            }
            filters.Add(row => conditions.TrueForAll(c => c(row)));
        }
        Func<object?[], bool> visible = !security.FiltersRows ? _ => true : filters.Count == 0 ? _ => false : row => filters.Exists(f => f(row));

        var hidden = HiddenColumns(security, identity);
        var kept = Enumerable.Range(0, columns.Count).Where(i => !hidden.Contains(columns[i])).ToArray();
        return new SecuredRowSource(rows, visible, kept, [.. kept.Select(i => columns[i])]);
    }

    /// <summary>The fields hidden from <paramref name="identity"/> (it is in one of the roles each is hidden from).</summary>
    public static HashSet<string> HiddenColumns(DataSetSecurity security, EffectiveIdentity identity)
    {
        var roles = security.Roles.Where(identity.IsIn).Select(r => r.Name).Concat(identity.Roles).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return security.HiddenFields.Where(f => f.Roles.Any(roles.Contains)).Select(f => f.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public async ValueTask<object?[]?> ReadRowAsync(CancellationToken cancellationToken)
    {
        while (await _inner.ReadRowAsync(cancellationToken).ConfigureAwait(false) is { } row)
        {
            if (!_visible(row)) continue;
            if (_kept.Length == row.Length) return row;
            var projected = new object?[_kept.Length];
            for (var i = 0; i < _kept.Length; i++) projected[i] = row[_kept[i]];
            return projected;
        }
        return null;
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private static Func<object?[], bool> Compile(int index, RlsCondition condition, EffectiveIdentity identity, IReadOnlyList<string> roleNames)
    {
        var values = Values(condition, identity, roleNames);
        var set = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        return condition.Operator switch
        {
            "ne" => row => row[index] is { } v && !set.Contains(Text(v)),
            _ => row => row[index] is { } v && set.Contains(Text(v)),
        };
    }

    /// <summary>The values a condition compares with: the identity's (bound here, never parsed from report text) or the administrator's literal list.</summary>
    private static IEnumerable<string> Values(RlsCondition condition, EffectiveIdentity identity, IReadOnlyList<string> roleNames) => condition.Value.Trim() switch
    {
        var v when v.Equals("@UserName", StringComparison.OrdinalIgnoreCase) => [identity.UserName],
        var v when v.Equals("@CustomData", StringComparison.OrdinalIgnoreCase) => identity.CustomData is { } data ? [data] : [],
        var v when v.Equals("@Roles", StringComparison.OrdinalIgnoreCase) => roleNames,
        var v when condition.Operator == "in" => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        var v => [v],
    };

    private static string Text(object value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
