using System.Collections;
using System.Collections.Immutable;
using DataBroker.Connectors;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;

namespace DataBroker.Queries;

/// <summary>
/// Pairs each RDL query parameter with the value the sandbox evaluated for it (keyed by query parameter name; a leading
/// <c>@</c>, <c>:</c> or <c>$</c> and letter case do not matter) and checks the value can be bound as a typed parameter.
/// </summary>
internal static class QueryParameterBinder
{
    private static readonly char[] Prefixes = ['@', ':', '$'];

    public static ImmutableArray<QueryParameterValue> Bind(
        DataSetDefinition dataSet, IReadOnlyDictionary<string, object?> values, DiagnosticBag diagnostics)
    {
        var bound = ImmutableArray.CreateBuilder<QueryParameterValue>(dataSet.Query.Parameters.Length);
        foreach (var parameter in dataSet.Query.Parameters)
        {
            if (!TryGetValue(values, parameter.Name, out var value))
            {
                diagnostics.Add(DataDiagnostics.MissingValue(dataSet.Name, parameter.Name, parameter.Location));
                continue;
            }

            switch (value)
            {
                case null or DBNull:
                    bound.Add(new QueryParameterValue(parameter.Name, null));
                    break;
                case string or bool or char or byte or sbyte or short or ushort or int or uint or long or ulong
                    or float or double or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or byte[]:
                    bound.Add(new QueryParameterValue(parameter.Name, value));
                    break;
                case IEnumerable:
                    diagnostics.Add(DataDiagnostics.MultiValue(dataSet.Name, parameter.Name, parameter.Location));
                    break;
                default:
                    diagnostics.Add(DataDiagnostics.UnsupportedValue(dataSet.Name, parameter.Name, value.GetType(), parameter.Location));
                    break;
            }
        }

        return bound.ToImmutable();
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
