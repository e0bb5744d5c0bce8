using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using DataBroker.Queries;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Host.Catalog;

namespace Renderer.Host.Rendering;

/// <summary>What a prompt can offer for one parameter, after <see cref="ParameterValues"/> evaluated it.</summary>
/// <param name="State">As SSRS names it: <c>HasValidValue</c>, <c>HasOutstandingDependencies</c> (an earlier parameter it
/// depends on has no value yet) or <c>DynamicValuesUnavailable</c> (its values need report code, which runs only in a render).</param>
public sealed record EvaluatedParameter(
    string Name,
    string State,
    IReadOnlyList<string> Dependencies,
    IReadOnlyList<object?>? DefaultValues,
    IReadOnlyList<(object? Value, string? Label)>? ValidValues);

/// <summary>The parameters in report order, with the warnings; or the broker's error (a DAT code) that stopped the evaluation.</summary>
public sealed record ParameterValuesResult(IReadOnlyList<EvaluatedParameter> Parameters, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    public bool Success => !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Evaluates each parameter's default and valid values on request, in report order, as a client building a prompt needs
/// them: static lists as written, and dataset-based ones (<c>DataSetReference</c>) by running the dataset's query through
/// the data broker under the report's catalog path (so AllowedReports, the data limits, the SQLite authorizer and the
/// one data budget of a render apply). A query parameter may be a constant, <c>=Parameters!X.Value</c> (X's value from
/// the request, else X's default: dependent parameters) or <c>=User!UserID</c> (the acting user, as in a render).
/// Expression defaults and valid values of the usual forms (<c>=Today()</c>, <c>=DateAdd("m", -1, Today())</c>,
/// <c>=Parameters!X.Value</c>, literals: <see cref="ParameterExpressions"/>) are evaluated here, by an interpreter of
/// that closed set, with the server's clock and the acting user. No report code runs on the host (the host compiles
/// report code but only the sandbox runs it, and a sandbox start per prompt refresh would cost a render's start-up):
/// values that need it (any other expression, a calculated value field, a dataset filter, any other query parameter
/// expression) are left to the render, and the parameter says so (<c>DynamicValuesUnavailable</c>, warning PRM8011
/// naming the expression).
/// </summary>
public sealed partial class ParameterValues(IQueryRunner broker, TimeProvider? time = null)
{
    private readonly IQueryRunner _broker = broker;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Most valid values read from a dataset for one parameter; more are cut with warning PRM8012.</summary>
    public const int MaxValidValues = 10_000;

    public const string NeedsReportCode = Rdl.Model.Diagnostics.DiagnosticCodes.Server.ParameterValuesNeedReportCode;
    public const string TooManyValues = Rdl.Model.Diagnostics.DiagnosticCodes.Server.TooManyParameterValues;

    public async Task<ParameterValuesResult> EvaluateAsync(
        CatalogEntry entry, IEnumerable<KeyValuePair<string, string?[]>> given, string userId, CancellationToken cancellationToken)
    {
        var report = entry.Definition;
        var bag = new DiagnosticBag();
        var typed = ParameterParser.Parse(report, given, bag);
        if (bag.HasErrors) return new ParameterValuesResult([], bag.ToImmutable());
        var identity = entry.CatalogPath is { } path ? report with { Name = path } : report;
        var budget = _broker.CreateRenderBudget();
        var now = _time.GetLocalNow().DateTime;
        var values = new Dictionary<string, object?[]>(StringComparer.OrdinalIgnoreCase);
        var results = new List<EvaluatedParameter>();
        foreach (var parameter in report.Parameters)
        {
            var dependencies = Dependencies(report, parameter);
            var outstanding = dependencies.Any(d => !values.ContainsKey(d));
            IReadOnlyList<object?>? defaults = null;
            IReadOnlyList<(object?, string?)>? valid = null;
            var state = "HasValidValue";
            if (outstanding) state = "HasOutstandingDependencies";
            else
            {
                var query = new Query(this, identity, parameter, values, userId, now, budget, bag, cancellationToken);
                defaults = await query.DefaultsAsync().ConfigureAwait(false);
                if (parameter.HasValidValues) valid = await query.ValidValuesAsync().ConfigureAwait(false);
                if (bag.HasErrors) return new ParameterValuesResult(results, bag.ToImmutable());
                if (query.Unavailable) state = "DynamicValuesUnavailable";
            }
            if (typed.TryGetValue(parameter.Name, out var chosen)) values[parameter.Name] = chosen;
            else if (defaults is { Count: > 0 } || (defaults is not null && parameter.MultiValue)) values[parameter.Name] = [.. defaults];
            results.Add(new EvaluatedParameter(parameter.Name, state, dependencies, defaults, valid));
        }
        return new ParameterValuesResult(results, bag.ToImmutable());
    }

    /// <summary>
    /// The earlier parameters <paramref name="parameter"/>'s values take: through <c>=Parameters!X.Value</c> in the
    /// queries of its datasets, or <c>Parameters!X</c> anywhere in its default or valid value expressions.
    /// </summary>
    private static List<string> Dependencies(Rdl.Model.Definitions.ReportDefinition report, ReportParameterDefinition parameter)
    {
        var fromQueries = new[] { parameter.DefaultDataSet, parameter.ValidValuesDataSet }
            .OfType<DataSetReferenceDefinition>()
            .Select(r => report.FindDataSet(r.DataSetName))
            .OfType<DataSetDefinition>()
            .SelectMany(d => d.Query.Parameters)
            .Select(p => ParameterReference().Match(p.Value.Raw))
            .Where(m => m.Success)
            .Select(m => report.FindParameter(m.Groups[1].Value)?.Name ?? m.Groups[1].Value);
        var expressions = (parameter.DefaultValues.IsDefault ? [] : parameter.DefaultValues)
            .Concat(parameter.ValidValues.SelectMany(v => new[] { v.Value, v.Label }).OfType<ExpressionText>())
            .Where(e => e.IsExpression);
        var fromExpressions = expressions
            .SelectMany(e => ParameterMention().Matches(e.Raw))
            .Select(m => report.FindParameter(m.Groups[1].Value)?.Name)
            .OfType<string>()
            .Where(name => !string.Equals(name, parameter.Name, StringComparison.OrdinalIgnoreCase));
        return [.. fromQueries.Concat(fromExpressions).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>One parameter's evaluation: its dataset queries share the request's budget and diagnostics.</summary>
    private sealed class Query(
        ParameterValues owner,
        Rdl.Model.Definitions.ReportDefinition report,
        ReportParameterDefinition parameter,
        IReadOnlyDictionary<string, object?[]> values,
        string userId,
        DateTime now,
        RenderDataBudget budget,
        DiagnosticBag bag,
        CancellationToken cancellationToken)
    {
        public bool Unavailable { get; private set; }

        public async Task<IReadOnlyList<object?>?> DefaultsAsync()
        {
            if (parameter.DefaultDataSet is { } reference)
            {
                var rows = await RowsAsync(reference, parameter.MultiValue ? MaxValidValues : 1).ConfigureAwait(false);
                return rows?.Select(r => r.Value).ToList();
            }
            if (parameter.DefaultValues.IsDefaultOrEmpty) return null;
            var defaults = new List<object?>();
            foreach (var text in parameter.DefaultValues)
            {
                if (!Values(text, "default value", out var evaluated)) return null;
                defaults.AddRange(evaluated);
            }
            return defaults;
        }

        public async Task<IReadOnlyList<(object?, string?)>?> ValidValuesAsync()
        {
            if (parameter.ValidValuesDataSet is { } reference) return await RowsAsync(reference, MaxValidValues).ConfigureAwait(false);
            var valid = new List<(object?, string?)>();
            foreach (var item in parameter.ValidValues)
            {
                object? value = null;
                if (item.Value is { } text)
                {
                    if (!Values(text, "valid value", out var evaluated)) return null;
                    if (evaluated.Count != 1) return Skip(text.Raw, "a valid value gives several values");
                    value = evaluated[0];
                }
                var label = item.Label?.Raw ?? Convert.ToString(value, CultureInfo.InvariantCulture);
                if (item.Label is { IsExpression: true } expression)
                {
                    if (!ParameterExpressions.TryEvaluate(expression.Raw, Earlier, userId, now, out var labels) || labels.Length != 1)
                    {
                        bag.Add(RdlDiagnostic.Warning(NeedsReportCode,
                            $"The valid value label '{expression.Raw}' of parameter '{parameter.Name}' is evaluated only in a render: the server evaluates only {ParameterExpressions.Supported}, and report code does not run on the server.",
                            expression.Location, $"ReportParameter '{parameter.Name}'", expression.Raw));
                        Unavailable = true;
                        return null;
                    }
                    label = Convert.ToString(labels[0], CultureInfo.InvariantCulture);
                }
                valid.Add((value, label));
            }
            return valid;
        }

        /// <summary>
        /// The values of a constant or of an expression the server evaluates (<see cref="ParameterExpressions"/>), in the
        /// parameter's type; false (with PRM8011) when it needs report code or a value does not fit the type.
        /// </summary>
        private bool Values(ExpressionText text, string what, out List<object?> typed)
        {
            typed = [];
            object?[] raw = [text.Raw];
            if (text.IsExpression && !ParameterExpressions.TryEvaluate(text.Raw, Earlier, userId, now, out raw))
            {
                bag.Add(RdlDiagnostic.Warning(NeedsReportCode,
                    $"The {what} '{text.Raw}' of parameter '{parameter.Name}' is evaluated only in a render: the server evaluates only {ParameterExpressions.Supported}, and report code does not run on the server.",
                    text.Location, $"ReportParameter '{parameter.Name}'", text.Raw));
                Unavailable = true;
                return false;
            }
            foreach (var value in raw)
            {
                if (Fits(value)) typed.Add(value);
                else if (ParameterParser.TryConvert(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture), parameter, out var converted, out var problem)) typed.Add(converted);
                else
                {
                    bag.Add(RdlDiagnostic.Warning(NeedsReportCode, $"The value '{(text.IsExpression ? Convert.ToString(value, CultureInfo.InvariantCulture) : text.Raw)}' of parameter '{parameter.Name}' is not valid: {problem}", text.Location, $"ReportParameter '{parameter.Name}'"));
                    Unavailable = true;
                    return false;
                }
            }
            return true;
        }

        /// <summary>An evaluated value already of the parameter's type (a date for a DateTime parameter); text goes through the parser.</summary>
        private bool Fits(object? value) => parameter.DataType switch
        {
            ReportParameterType.DateTime => value is DateTime,
            ReportParameterType.Integer => value is int,
            ReportParameterType.Float => value is double,
            ReportParameterType.Boolean => value is bool,
            _ => false,
        };

        private object?[]? Earlier(string name) => values.TryGetValue(name, out var chosen) ? chosen : null;

        private async Task<List<(object? Value, string? Label)>?> RowsAsync(DataSetReferenceDefinition reference, int limit)
        {
            var dataSet = report.FindDataSet(reference.DataSetName);
            if (dataSet is null) return Skip(reference.DataSetName, $"its dataset '{reference.DataSetName}' is not declared");
            if (!dataSet.Filters.IsDefaultOrEmpty) return Skip(dataSet.Name, $"its dataset '{dataSet.Name}' has filters");
            var valueField = DataField(dataSet, reference.ValueField);
            if (valueField is null) return Skip(reference.ValueField, $"its value field '{reference.ValueField}' is calculated or not declared");
            var labelField = reference.LabelField is { } label ? DataField(dataSet, label) : null;
            if (reference.LabelField is not null && labelField is null)
                bag.Add(RdlDiagnostic.Warning(NeedsReportCode,
                    $"The labels of parameter '{parameter.Name}' come from field '{reference.LabelField}', which is calculated (or not declared): report code runs only in a render, so the values are given without labels.",
                    reference.Location, $"ReportParameter '{parameter.Name}'"));
            var arguments = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var queryParameter in dataSet.Query.Parameters)
            {
                if (!Argument(queryParameter.Value, out var argument)) return Skip(queryParameter.Value.Raw, $"its query parameter '{queryParameter.Name}' is an expression");
                arguments[queryParameter.Name] = argument;
            }
            await using var result = await owner._broker.ExecuteAsync(report, dataSet.Name, arguments, budget, cancellationToken).ConfigureAwait(false);
            if (!result.Success)
            {
                bag.AddRange(result.Diagnostics);
                return null;
            }
            var valueColumn = Column(result.Columns, valueField);
            var labelColumn = labelField is null ? -1 : Column(result.Columns, labelField);
            var rows = new List<(object?, string?)>();
            try
            {
                await foreach (var row in result.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    if (rows.Count == limit)
                    {
                        if (limit == MaxValidValues)
                            bag.Add(RdlDiagnostic.Warning(TooManyValues, $"Dataset '{dataSet.Name}' gives parameter '{parameter.Name}' more than {MaxValidValues:N0} values; the first {MaxValidValues:N0} are listed.", reference.Location));
                        break;
                    }
                    var value = valueColumn < 0 ? null : Typed(row[valueColumn]);
                    rows.Add((value, labelColumn < 0 ? Convert.ToString(value, CultureInfo.InvariantCulture) : Convert.ToString(row[labelColumn], CultureInfo.InvariantCulture)));
                }
            }
            catch (DataBrokerException ex)
            {
                bag.Add(ex.Diagnostic);
                return null;
            }
            return rows;
        }

        private bool Argument(ExpressionText text, out object? value)
        {
            value = null;
            if (!text.IsExpression)
            {
                value = text.Raw;
                return true;
            }
            if (UserReference().IsMatch(text.Raw))
            {
                value = userId;
                return true;
            }
            var match = ParameterReference().Match(text.Raw);
            if (!match.Success || !values.TryGetValue(match.Groups[1].Value, out var chosen)) return false;
            var referenced = report.FindParameter(match.Groups[1].Value);
            value = referenced is { MultiValue: true } ? chosen : chosen.FirstOrDefault();
            return true;
        }

        /// <summary>A dataset value in the parameter's declared type (a SQLite integer as Integer, a date text as DateTime).</summary>
        private object? Typed(object? raw)
        {
            if (raw is null or DBNull) return null;
            return ParameterParser.TryConvert(Convert.ToString(raw, CultureInfo.InvariantCulture), parameter, out var value, out _) ? value : raw;
        }

        private static string? DataField(DataSetDefinition dataSet, string field) =>
            dataSet.Fields.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase)) is { IsCalculated: false } f ? f.DataField ?? f.Name : null;

        private static int Column(IReadOnlyList<string> columns, string name)
        {
            for (var i = 0; i < columns.Count; i++)
                if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }

        private List<(object?, string?)>? Skip(string what, string why)
        {
            bag.Add(RdlDiagnostic.Warning(NeedsReportCode,
                $"The values of parameter '{parameter.Name}' are evaluated only in a render: {why} ('{what}'), and report code does not run on the server.",
                parameter.Location, $"ReportParameter '{parameter.Name}'"));
            Unavailable = true;
            return null;
        }
    }

    [GeneratedRegex(@"^=\s*Parameters!(\w+)\.Value\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"Parameters!(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterMention();

    [GeneratedRegex(@"^=\s*User!UserID\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UserReference();
}
