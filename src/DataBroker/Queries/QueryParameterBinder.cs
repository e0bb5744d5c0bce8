using System.Collections;
using System.Collections.Immutable;
using DataBroker.Connectors;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;

namespace DataBroker.Queries;

/// <summary>The command text to run (multi-value parameters expanded) and the values to bind.</summary>
internal sealed record BoundQuery(string CommandText, ImmutableArray<QueryParameterValue> Parameters);

/// <summary>
/// Pairs each RDL query parameter with the value the sandbox evaluated for it (keyed by query parameter name; a leading
/// <c>@</c>, <c>:</c> or <c>$</c> and letter case do not matter) and checks the value can be bound as a typed parameter.
/// A value that is an array (a multi-value report parameter) is expanded by <see cref="MultiValueExpander"/>: <c>@p</c> in the
/// command text becomes <c>@p_0, @p_1, ...</c>, each bound to one item; an empty array binds <c>@p</c> to a single NULL.
/// </summary>
internal static class QueryParameterBinder
{
    /// <summary>Most items one multi-value query parameter may carry (SQL Server accepts 2,100 parameters per statement).</summary>
    public const int MaxMultiValueItems = 2000;

    private static readonly char[] Prefixes = ['@', ':', '$'];

    public static BoundQuery Bind(DataSetDefinition dataSet, IReadOnlyDictionary<string, object?> values, DiagnosticBag diagnostics)
    {
        var commandText = dataSet.Query.CommandText;
        var bound = ImmutableArray.CreateBuilder<QueryParameterValue>(dataSet.Query.Parameters.Length);
        var names = new HashSet<string>(dataSet.Query.Parameters.Select(p => p.Name.TrimStart(Prefixes)), StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in dataSet.Query.Parameters)
        {
            if (!TryGetValue(values, parameter.Name, out var value))
            {
                diagnostics.Add(DataDiagnostics.MissingValue(dataSet.Name, parameter.Name, parameter.Location));
                continue;
            }

            if (value is IEnumerable items and not string and not byte[])
            {
                var list = items.Cast<object?>().ToList();
                if (list.Count == 0)
                {
                    bound.Add(new QueryParameterValue(parameter.Name, null));
                    continue;
                }
                if (list.Count > MaxMultiValueItems)
                {
                    diagnostics.Add(DataDiagnostics.MultiValue(dataSet.Name, parameter.Name, $"has {list.Count:N0} values; at most {MaxMultiValueItems:N0} are accepted", parameter.Location));
                    continue;
                }
                var bare = parameter.Name.TrimStart(Prefixes);
                var prefix = parameter.Name[..(parameter.Name.Length - bare.Length)];
                var suffix = Suffix(bare, list.Count, names);
                var ok = true;
                for (int i = 0; i < list.Count && ok; i++)
                {
                    ok = IsBindable(list[i]);
                    if (ok) bound.Add(new QueryParameterValue($"{prefix}{bare}{suffix}{i}", Normalize(list[i])));
                    else diagnostics.Add(DataDiagnostics.MultiValue(dataSet.Name, parameter.Name, $"has an item of type {list[i]!.GetType().Name}; items must be strings, numbers, dates, booleans or null", parameter.Location));
                }
                if (ok) commandText = MultiValueExpander.Expand(commandText, bare, suffix, list.Count).Text;
                continue;
            }

            if (IsBindable(value)) bound.Add(new QueryParameterValue(parameter.Name, Normalize(value)));
            else diagnostics.Add(DataDiagnostics.UnsupportedValue(dataSet.Name, parameter.Name, value!.GetType(), parameter.Location));
        }

        return new BoundQuery(commandText, bound.ToImmutable());
    }

    private static bool IsBindable(object? value) => value is null or DBNull
        or string or bool or char or byte or sbyte or short or ushort or int or uint or long or ulong
        or float or double or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or byte[];

    private static object? Normalize(object? value) => value is DBNull ? null : value;

    /// <summary><c>_</c>, unless a generated name would collide with another query parameter; then <c>_mv_</c>, <c>_mv2_</c>, ...</summary>
    private static string Suffix(string bare, int count, HashSet<string> names)
    {
        for (int attempt = 0; ; attempt++)
        {
            var suffix = attempt switch { 0 => "_", 1 => "_mv_", _ => $"_mv{attempt}_" };
            var clash = false;
            for (int i = 0; i < count && !clash; i++) clash = names.Contains($"{bare}{suffix}{i}");
            if (!clash) return suffix;
        }
    }

    private static bool TryGetValue(IReadOnlyDictionary<string, object?> values, string name, out object? value)
    {
        if (values.TryGetValue(name, out value)) return true;
        var bare = name.TrimStart(Prefixes);
        if (values.TryGetValue(bare, out value) || values.TryGetValue("@" + bare, out value)) return true;
        foreach (var (key, candidate) in values)
        {
            if (string.Equals(key.TrimStart(Prefixes), bare, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = null;
        return false;
    }
}
