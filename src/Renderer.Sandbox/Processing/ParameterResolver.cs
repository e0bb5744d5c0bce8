using System.Globalization;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Gives every report parameter its value: the caller's (already typed by the host) or the evaluated default,
/// in declaration order so a default may use earlier parameters. A parameter left without a value is an error.
/// </summary>
internal static class ParameterResolver
{
    public static bool TryResolve(
        ReportDefinition report,
        IReadOnlyDictionary<string, object?[]> supplied,
        Func<Dictionary<string, ReportParameter>, ProcessingContext> contextFactory,
        DiagnosticBag diagnostics,
        out Dictionary<string, ReportParameter> parameters)
    {
        parameters = new Dictionary<string, ReportParameter>(StringComparer.OrdinalIgnoreCase);
        var context = contextFactory(parameters);
        foreach (var definition in report.Parameters)
        {
            object?[]? values = supplied.FirstOrDefault(p => string.Equals(p.Key, definition.Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (values is null && !definition.DefaultValues.IsDefaultOrEmpty)
            {
                try
                {
                    values = definition.DefaultValues
                        .Select(d => Convert(context.Evaluator.Evaluate(d, context), definition.DataType))
                        .ToArray();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    diagnostics.Add(RdlDiagnostic.Error("PRC4002", $"The default value of parameter '{definition.Name}' could not be evaluated: {ex.Message}", definition.Location, $"ReportParameter '{definition.Name}'", definition.DefaultValues[0].Raw));
                    continue;
                }
            }
            if (values is null)
            {
                if (!definition.Nullable)
                {
                    diagnostics.Add(RdlDiagnostic.Error("PRC4003", $"The parameter '{definition.Name}' has no default value; supply a value for it.", definition.Location, $"ReportParameter '{definition.Name}'"));
                    continue;
                }
                values = [null];
            }
            var labels = values.Select(v => System.Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray();
            parameters[definition.Name] = new ReportParameter(values, labels, definition.MultiValue);
        }
        return !diagnostics.HasErrors;
    }

    /// <summary>Converts a default value (often the constant text of the RDL) to the parameter's declared type.</summary>
    public static object? Convert(object? value, ReportParameterType type)
    {
        if (value is null or DBNull) return null;
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            ReportParameterType.Integer => value is string s ? int.Parse(s.Trim(), NumberStyles.Integer, invariant) : System.Convert.ToInt32(value, invariant),
            ReportParameterType.Float => value is string s ? double.Parse(s.Trim(), NumberStyles.Float, invariant) : System.Convert.ToDouble(value, invariant),
            ReportParameterType.Boolean => value is string s ? bool.Parse(s.Trim()) : System.Convert.ToBoolean(value, invariant),
            ReportParameterType.DateTime => value is string s ? DateTime.Parse(s.Trim(), invariant) : System.Convert.ToDateTime(value, invariant),
            _ => System.Convert.ToString(value, invariant),
        };
    }
}
