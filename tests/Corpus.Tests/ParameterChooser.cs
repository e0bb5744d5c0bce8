using System.Globalization;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Renderer.Sandbox.Data;

namespace Corpus.Tests;

/// <summary>
/// Chooses the parameter values a user would type for a corpus report: nothing for a parameter whose default can stand;
/// a valid value (the first static one, or the first row of the valid-values dataset) when the parameter restricts its
/// values and its default cannot be trusted against generated data; else a simple value of the declared type.
/// </summary>
internal static class ParameterChooser
{
    public static async Task<Dictionary<string, object?[]>> ChooseAsync(ReportDefinition report, CorpusDataProvider data, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in report.Parameters)
        {
            var hasDefault = !parameter.DefaultValues.IsDefaultOrEmpty || parameter.DefaultDataSet is not null;
            if (parameter.ValidValuesDataSet is { } reference)
            {
                var (rows, source) = await SafePeekAsync(data, reference.DataSetName, cancellationToken);
                if (hasDefault && source == "inline") continue;
                var chosen = rows is null ? [] : ValuesOf(report, rows, reference, parameter);
                if (chosen.Length > 0)
                {
                    values[parameter.Name] = parameter.MultiValue ? chosen : [chosen[0]];
                    continue;
                }
            }
            else if (!parameter.ValidValues.IsDefaultOrEmpty)
            {
                if (hasDefault) continue;
                var first = parameter.ValidValues.Select(v => v.Value?.Raw).FirstOrDefault(v => v is not null && !v.StartsWith('='));
                if (first is not null && Convert(first, parameter.DataType) is { } typed)
                {
                    values[parameter.Name] = [typed];
                    continue;
                }
            }
            if (hasDefault) continue;
            values[parameter.Name] = [Simple(parameter.DataType)];
        }
        return values;
    }

    private static async Task<(DataSetRows? Rows, string Source)> SafePeekAsync(CorpusDataProvider data, string dataSetName, CancellationToken cancellationToken)
    {
        try
        {
            return await data.PeekAsync(dataSetName, cancellationToken);
        }
        catch (DataSetRequestException)
        {
            return (null, "none");
        }
    }

    private static object?[] ValuesOf(ReportDefinition report, DataSetRows rows, DataSetReferenceDefinition reference, ReportParameterDefinition parameter)
    {
        var field = report.FindDataSet(reference.DataSetName)?.Fields
            .FirstOrDefault(f => string.Equals(f.Name, reference.ValueField, StringComparison.OrdinalIgnoreCase));
        var column = rows.IndexOf(field?.DataField ?? reference.ValueField);
        if (column < 0) return [];
        return rows.Rows.Select(r => r[column]).Where(v => v is not null)
            .Select(v => Convert(v, parameter.DataType)).Where(v => v is not null).Distinct().ToArray();
    }

    private static object Simple(ReportParameterType type) => type switch
    {
        ReportParameterType.Integer => 1,
        ReportParameterType.Float => 1.0,
        ReportParameterType.Boolean => true,
        ReportParameterType.DateTime => new DateTime(2024, 1, 1),
        _ => "1",
    };

    private static object? Convert(object? value, ReportParameterType type)
    {
        var invariant = CultureInfo.InvariantCulture;
        try
        {
            return type switch
            {
                ReportParameterType.Integer => System.Convert.ToInt32(value, invariant),
                ReportParameterType.Float => System.Convert.ToDouble(value, invariant),
                ReportParameterType.Boolean => System.Convert.ToBoolean(value, invariant),
                ReportParameterType.DateTime => System.Convert.ToDateTime(value, invariant),
                _ => System.Convert.ToString(value, invariant),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }
}
