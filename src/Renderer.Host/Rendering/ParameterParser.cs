using System.Globalization;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Rendering;

/// <summary>
/// Parses parameter values from a URL or command line into the types the report declares. A value that does not parse,
/// or a name the report does not declare, is an error naming the parameter. Values not given are left to the
/// report's defaults, which the sandbox evaluates.
/// </summary>
public static class ParameterParser
{
    public static IReadOnlyDictionary<string, object?[]> Parse(
        ReportDefinition report,
        IEnumerable<KeyValuePair<string, string?[]>> raw,
        DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, object?[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in raw)
        {
            var definition = report.FindParameter(name);
            if (definition is null)
            {
                diagnostics.Add(RdlDiagnostic.Error(DiagnosticCodes.Server.UnknownParameter, $"The report '{report.Name}' has no parameter named '{name}'.", SourceLocation.None, $"ReportParameter '{name}'"));
                continue;
            }
            if (values.Length > 1 && !definition.MultiValue)
            {
                diagnostics.Add(RdlDiagnostic.Error(DiagnosticCodes.Server.TooManyValues, $"The parameter '{definition.Name}' takes one value, but {values.Length} were given.", definition.Location, $"ReportParameter '{definition.Name}'"));
                continue;
            }
            var typed = new object?[values.Length];
            bool ok = true;
            for (int i = 0; i < values.Length && ok; i++)
            {
                if (!TryConvert(values[i], definition, out typed[i], out var problem))
                {
                    diagnostics.Add(RdlDiagnostic.Error(DiagnosticCodes.Server.InvalidParameterValue, $"The value '{values[i]}' of parameter '{definition.Name}' is not valid: {problem}", definition.Location, $"ReportParameter '{definition.Name}'"));
                    ok = false;
                }
            }
            if (ok) result[definition.Name] = typed;
        }
        return result;
    }

    public static bool TryConvert(string? text, ReportParameterDefinition definition, out object? value, out string problem)
    {
        value = null;
        problem = string.Empty;
        if (text is null || (text.Length == 0 && definition.DataType != ReportParameterType.String))
        {
            if (definition.Nullable) return true;
            problem = "a value is required (the parameter is not nullable).";
            return false;
        }
        var invariant = CultureInfo.InvariantCulture;
        switch (definition.DataType)
        {
            case ReportParameterType.Integer when int.TryParse(text, NumberStyles.Integer, invariant, out var i):
                value = i;
                return true;
            case ReportParameterType.Float when double.TryParse(text, NumberStyles.Float, invariant, out var d):
                value = d;
                return true;
            case ReportParameterType.Boolean when bool.TryParse(text, out var b):
                value = b;
                return true;
            case ReportParameterType.DateTime when DateTime.TryParse(text, invariant, DateTimeStyles.None, out var t):
                value = t;
                return true;
            case ReportParameterType.String:
                if (text.Length == 0 && !definition.AllowBlank)
                {
                    problem = "a blank value is not allowed (AllowBlank is false).";
                    return false;
                }
                value = text;
                return true;
            default:
                problem = $"expected {Describe(definition.DataType)}.";
                return false;
        }
    }

    private static string Describe(ReportParameterType type) => type switch
    {
        ReportParameterType.Integer => "an integer (e.g. 2024)",
        ReportParameterType.Float => "a number (e.g. 12.5)",
        ReportParameterType.Boolean => "true or false",
        ReportParameterType.DateTime => "a date (e.g. 2024-01-31)",
        _ => "text",
    };
}
