using System.Globalization;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Gives every report parameter its value, in declaration order so defaults and dataset queries may use earlier parameters
/// (cascading parameters):
/// <list type="number">
/// <item>the caller's values (already typed by the host), else the default: constants/expressions, or the ValueField of a
/// default dataset (first row; every row for a multi-value parameter). No value and not nullable is PRC4003.</item>
/// <item>valid values, when declared (static list or dataset): each value must be one of them, else PRC4006 naming the
/// parameter and the value. Their labels become Parameters!X.Label.</item>
/// </list>
/// </summary>
internal static class ParameterResolver
{
    public const string InvalidValue = DiagnosticCodes.Processing.InvalidParameterValue;

    public static bool TryResolve(
        ReportDefinition report,
        IReadOnlyDictionary<string, object?[]> supplied,
        Func<Dictionary<string, ReportParameter>, ProcessingContext> contextFactory,
        DiagnosticBag diagnostics,
        out Dictionary<string, ReportParameter> parameters,
        Func<string?, ProcessingContext, DataSetInstance>? loadDataSet = null)
    {
        parameters = new Dictionary<string, ReportParameter>(StringComparer.OrdinalIgnoreCase);
        var context = contextFactory(parameters);
        foreach (var definition in report.Parameters)
        {
            var owner = $"ReportParameter '{definition.Name}'";
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
                    diagnostics.Add(RdlDiagnostic.Error(DiagnosticCodes.Processing.ParameterValueFailed, $"The default value of parameter '{definition.Name}' could not be evaluated: {ex.Message}", definition.Location, owner, definition.DefaultValues[0].Raw));
                    continue;
                }
            }
            if (values is null && definition.DefaultDataSet is { } defaultSource && loadDataSet is not null)
            {
                var rows = ReadDataSet(defaultSource, definition, context, loadDataSet, diagnostics, "default values");
                if (rows is null) continue;
                if (rows.Count > 0) values = definition.MultiValue ? rows.Select(r => r.Value).ToArray() : [rows[0].Value];
            }
            if (values is null)
            {
                if (!definition.Nullable)
                {
                    diagnostics.Add(RdlDiagnostic.Error(DiagnosticCodes.Processing.ParameterMissing, $"The parameter '{definition.Name}' has no default value; supply a value for it.", definition.Location, owner));
                    continue;
                }
                values = [null];
            }

            string?[] labels;
            if (definition.HasValidValues)
            {
                var valid = ValidValues(definition, context, loadDataSet, diagnostics);
                if (valid is null) continue;
                if (!TryLabel(definition, values, valid, diagnostics, out labels)) continue;
            }
            else
            {
                labels = values.Select(v => System.Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray();
            }
            parameters[definition.Name] = new ReportParameter(values, labels, definition.MultiValue);
        }
        return !diagnostics.HasErrors;
    }

    private static List<(object? Value, string? Label)>? ValidValues(
        ReportParameterDefinition definition, ProcessingContext context, Func<string?, ProcessingContext, DataSetInstance>? loadDataSet, DiagnosticBag diagnostics)
    {
        if (definition.ValidValuesDataSet is { } source)
            return loadDataSet is null ? null : ReadDataSet(source, definition, context, loadDataSet, diagnostics, "valid values");
        var list = new List<(object?, string?)>();
        foreach (var item in definition.ValidValues)
        {
            try
            {
                var value = item.Value is null ? null : Convert(context.Evaluator.Evaluate(item.Value, context), definition.DataType);
                var label = item.Label is null ? null : Text(context.Evaluator.Evaluate(item.Label, context));
                list.Add((value, label));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                diagnostics.Add(RdlDiagnostic.Error(DiagnosticCodes.Processing.ParameterValueFailed, $"A valid value of parameter '{definition.Name}' could not be evaluated: {ex.Message}", definition.Location, $"ReportParameter '{definition.Name}'", item.Value?.Raw));
                return null;
            }
        }
        return list;
    }

    private static List<(object? Value, string? Label)>? ReadDataSet(
        DataSetReferenceDefinition source, ReportParameterDefinition definition, ProcessingContext context,
        Func<string?, ProcessingContext, DataSetInstance> loadDataSet, DiagnosticBag diagnostics, string what)
    {
        try
        {
            return ParameterDataSetValues.Read(source, definition, context, loadDataSet);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidCastException or OverflowException)
        {
            diagnostics.Add(RdlDiagnostic.Error(DiagnosticCodes.Processing.ParameterDataSetFailed, $"The {what} of parameter '{definition.Name}' could not be read from dataset '{source.DataSetName}': {ex.Message}", source.Location, $"ReportParameter '{definition.Name}'"));
            return null;
        }
    }

    /// <summary>Checks every value is valid and takes its label; a null value of a nullable parameter needs no valid value.</summary>
    private static bool TryLabel(ReportParameterDefinition definition, object?[] values, List<(object? Value, string? Label)> valid, DiagnosticBag diagnostics, out string?[] labels)
    {
        labels = new string?[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            var value = values[i];
            var match = valid.FindIndex(v => Equals(Normalize(v.Value), Normalize(value)));
            if (match < 0)
            {
                if (value is null && definition.Nullable)
                {
                    labels[i] = null;
                    continue;
                }
                var shown = value is null ? "(null)" : Text(value);
                diagnostics.Add(RdlDiagnostic.Error(InvalidValue, $"The value '{shown}' is not a valid value for parameter '{definition.Name}'.", definition.Location, $"ReportParameter '{definition.Name}'"));
                return false;
            }
            labels[i] = valid[match].Label ?? Text(valid[match].Value);
        }
        return true;
    }

    private static object? Normalize(object? value) => value switch
    {
        DBNull => null,
        int or long or short or byte => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        float or double or decimal => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    internal static string? Text(object? value) => value is null or DBNull ? null : System.Convert.ToString(value, CultureInfo.InvariantCulture);

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
