using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;

namespace DataBroker.Queries;

/// <summary>
/// Refuses parameter values the dataset's query does not declare (DAT6009): the sandbox evaluates exactly the declared
/// query parameters, so any other name in a request is a tampered or confused sandbox. Names compare like
/// <see cref="QueryParameterBinder"/> does: a leading <c>@</c>, <c>:</c> or <c>$</c> and letter case do not matter.
/// </summary>
internal static class UndeclaredParameterCheck
{
    private static readonly char[] Prefixes = ['@', ':', '$'];

    public static void Check(DataSetDefinition dataSet, IReadOnlyDictionary<string, object?> values, DiagnosticBag diagnostics)
    {
        if (values.Count == 0) return;
        var declared = new HashSet<string>(dataSet.Query.Parameters.Select(p => p.Name.TrimStart(Prefixes)), StringComparer.OrdinalIgnoreCase);
        foreach (var name in values.Keys)
        {
            if (!declared.Contains(name.TrimStart(Prefixes))) diagnostics.Add(DataDiagnostics.UnknownParameter(dataSet.Name, name, dataSet.Query.Location));
        }
    }
}
