using Rdl.Model.Definitions.Data;
using Renderer.Host.Catalog;

namespace Renderer.Host.Api.V2;

/// <summary>A report with what a client needs to build a prompt: each parameter's type, defaults and valid values.</summary>
public sealed record ReportJson(CatalogItemJson Item, IReadOnlyList<ReportParameterJson> Parameters, IReadOnlyList<object> Diagnostics)
{
    public static ReportJson From(CatalogItemJson item, CatalogEntry entry) => new(
        item,
        entry.Definition.Parameters.Select(ReportParameterJson.From).ToList(),
        entry.Diagnostics.Select(ProblemResults.ToJson).ToList());
}

/// <summary>
/// One report parameter. Constant defaults and valid values are given as written; expression defaults as their text;
/// values that come from a dataset name the dataset and fields (their values: <c>Reports({id})/ParameterDefinitions</c>).
/// </summary>
public sealed record ReportParameterJson(
    string Name,
    string ParameterType,
    string? Prompt,
    bool MultiValue,
    bool Nullable,
    bool AllowBlank,
    bool Hidden,
    IReadOnlyList<ParameterValueJson> DefaultValues,
    DataSetValuesJson? DefaultValuesDataSet,
    IReadOnlyList<ValidValueJson> ValidValues,
    DataSetValuesJson? ValidValuesDataSet)
{
    public static ReportParameterJson From(ReportParameterDefinition p) => new(
        p.Name, p.DataType.ToString(), p.Prompt, p.MultiValue, p.Nullable, p.AllowBlank, p.Hidden,
        p.DefaultValues.IsDefault ? [] : p.DefaultValues.Select(v => new ParameterValueJson(v.IsExpression ? null : v.Raw, v.IsExpression ? v.Raw : null)).ToList(),
        DataSetValuesJson.From(p.DefaultDataSet),
        p.ValidValues.IsDefault ? [] : p.ValidValues.Select(v => new ValidValueJson(v.Value?.Raw, v.Label?.Raw)).ToList(),
        DataSetValuesJson.From(p.ValidValuesDataSet));
}

public sealed record ParameterValueJson(string? Value, string? Expression);

public sealed record ValidValueJson(string? Value, string? Label);

public sealed record DataSetValuesJson(string DataSet, string ValueField, string? LabelField)
{
    public static DataSetValuesJson? From(DataSetReferenceDefinition? reference) =>
        reference is null ? null : new(reference.DataSetName, reference.ValueField, reference.LabelField);
}

/// <summary>
/// <c>Reports({id})/ParameterDefinitions</c>: each parameter with its values evaluated for this request (dataset-based
/// ones through the broker), its dependencies on earlier parameters and its state, and the warnings.
/// </summary>
public sealed record ParameterDefinitionsJson(IReadOnlyList<EvaluatedParameterJson> Value, IReadOnlyList<object> Diagnostics, ParameterLayoutJson? Layout)
{
    public static ParameterDefinitionsJson From(CatalogEntry entry, Rendering.ParameterValuesResult result) => new(
        [.. result.Parameters.Select(p => EvaluatedParameterJson.From(entry.Definition.FindParameter(p.Name)!, p))],
        [.. result.Diagnostics.Select(ProblemResults.ToJson)],
        entry.Definition.ParameterLayout is { } layout ? new ParameterLayoutJson(layout.Columns, layout.Rows, [.. layout.Cells.Select(c => new ParameterLayoutCellJson(c.ParameterName, c.Row, c.Column))]) : null);
}

/// <summary>The report's parameter grid (ReportParametersLayout): columns, rows and each parameter's cell (0-based).</summary>
public sealed record ParameterLayoutJson(int Columns, int Rows, IReadOnlyList<ParameterLayoutCellJson> Cells);

public sealed record ParameterLayoutCellJson(string Name, int Row, int Column);

/// <summary>One parameter for a prompt; <c>DefaultValues</c> and <c>ValidValues</c> are null when they could not be evaluated here (see <c>State</c>).</summary>
public sealed record EvaluatedParameterJson(
    string Name,
    string ParameterType,
    string? Prompt,
    bool MultiValue,
    bool Nullable,
    bool AllowBlank,
    bool Hidden,
    string State,
    IReadOnlyList<string> Dependencies,
    IReadOnlyList<object?>? DefaultValues,
    IReadOnlyList<EvaluatedValidValueJson>? ValidValues)
{
    public static EvaluatedParameterJson From(ReportParameterDefinition p, Rendering.EvaluatedParameter evaluated) => new(
        p.Name, p.DataType.ToString(), p.Prompt, p.MultiValue, p.Nullable, p.AllowBlank, p.Hidden, evaluated.State, evaluated.Dependencies,
        evaluated.DefaultValues, evaluated.ValidValues?.Select(v => new EvaluatedValidValueJson(v.Value, v.Label)).ToList());
}

public sealed record EvaluatedValidValueJson(object? Value, string? Label);
