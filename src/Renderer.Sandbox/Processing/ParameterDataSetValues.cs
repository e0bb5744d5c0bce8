using Rdl.Model.Definitions.Data;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Reads a parameter's default or valid values from a dataset (&lt;DataSetReference&gt;): the ValueField (and LabelField) of
/// each row, through the dataset's fields so calculated fields work. The dataset is loaded like any other, through the
/// broker, with query parameters that may use earlier report parameters (cascading parameters).
/// </summary>
internal static class ParameterDataSetValues
{
    public static List<(object? Value, string? Label)> Read(
        DataSetReferenceDefinition reference, ReportParameterDefinition parameter, ProcessingContext context, Func<string?, ProcessingContext, DataSetInstance> loadDataSet)
    {
        var dataSet = loadDataSet(reference.DataSetName, context);
        if (dataSet.FieldIndex(reference.ValueField) < 0)
            throw new InvalidOperationException($"The dataset '{dataSet.Name}' has no field '{reference.ValueField}' (the ValueField of parameter '{parameter.Name}').");
        if (reference.LabelField is { } labelField && dataSet.FieldIndex(labelField) < 0)
            throw new InvalidOperationException($"The dataset '{dataSet.Name}' has no field '{labelField}' (the LabelField of parameter '{parameter.Name}').");

        var result = new List<(object?, string?)>(dataSet.Rows.Count);
        var saved = context.SetRow(dataSet, null);
        try
        {
            foreach (var row in dataSet.Rows)
            {
                context.SetRow(dataSet, row);
                var value = ParameterResolver.Convert(context.GetFieldValue(reference.ValueField), parameter.DataType);
                var label = reference.LabelField is { } field ? ParameterResolver.Text(context.GetFieldValue(field)) : null;
                result.Add((value, label));
            }
        }
        finally
        {
            context.RestoreRow(saved);
        }
        return result;
    }
}
