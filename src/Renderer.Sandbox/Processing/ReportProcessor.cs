using System.Collections.Immutable;
using System.Globalization;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Processing.Filters;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Processes a report: resolves parameters, asks for each dataset's rows the first time it is needed (through
/// <see cref="IDataSetProvider"/>, i.e. the host's broker), and evaluates the body into item instances.
/// Page header/footer items are evaluated later, per page, by <see cref="PageSectionEvaluator"/>.
/// </summary>
internal sealed class ReportProcessor
{
    private readonly ReportDefinition _report;
    private readonly IExpressionEvaluator _evaluator;
    private readonly IDataSetProvider _data;
    private readonly RenderInput _input;
    private readonly Dictionary<string, DataSetInstance> _loaded = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationToken _cancellationToken;

    public ReportProcessor(ReportDefinition report, IExpressionEvaluator evaluator, IDataSetProvider data, RenderInput input, CancellationToken cancellationToken)
    {
        _report = report;
        _evaluator = evaluator;
        _data = data;
        _input = input;
        _cancellationToken = cancellationToken;
        Culture = CultureInfo.GetCultureInfo(string.IsNullOrEmpty(report.Language) || report.Language.StartsWith('=') ? "en-US" : SafeCulture(report.Language));
    }

    public CultureInfo Culture { get; }

    public ProcessingContext? Context { get; private set; }

    public ItemEvaluator? Items { get; private set; }

    /// <summary>Where this report sits among nested subreports; null for the report being rendered.</summary>
    internal Subreports.SubreportNesting? Nesting { get; init; }

    /// <summary>The datasets processing asked for (a subreport shows its NoRowsMessage when all of them are empty).</summary>
    internal IReadOnlyCollection<DataSetInstance> LoadedDataSets => _loaded.Values;

    public ProcessedReport? Process(DiagnosticBag diagnostics)
    {
        try
        {
            return ProcessReport(diagnostics);
        }
        catch (FilterException ex)
        {
            diagnostics.Add(ex.Diagnostic);
            return null;
        }
    }

    private ProcessedReport? ProcessReport(DiagnosticBag diagnostics)
    {
        var globals = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ExecutionTime"] = _input.ExecutionTime,
            ["ReportName"] = _input.ReportName,
            ["ReportFolder"] = "/",
            ["ReportServerUrl"] = _input.ReportServerUrl ?? string.Empty,
            ["RenderFormat"] = new RenderFormatInfo(Renderer.Contracts.Formats.OutputFormats.Find(_input.Format)?.RenderFormatName ?? _input.Format.ToUpperInvariant(), false),
        };
        ProcessingContext NewContext(Dictionary<string, ReportParameter> parameters) =>
            new(_evaluator, parameters, globals, _input.UserId, FindDataSet) { UserLanguage = _input.UserLanguage, ExternalImages = ExternalImageLibrary.From(_input) };

        if (!ParameterResolver.TryResolve(_report, _input.Parameters, NewContext, diagnostics, out var parameters, LoadDataSet)) return null;
        Context = NewContext(parameters);
        Context.AttachReport(_report);
        // Toggle and sort ids name the rendered report's textboxes: a subreport shows its initial state and no controls.
        if (Nesting is null)
        {
            Context.Interactive = new Interactivity.InteractiveState(Interactivity.InteractiveScopes.Of(_report), _input.ToggledItems, _input.UserSorts)
            {
                KeepsCollapsedRows = Renderer.Contracts.Formats.OutputFormats.Find(_input.Format) == Renderer.Contracts.Formats.OutputFormats.Xlsx,
            };
        }
        var tablixProcessor = default(TablixProcessor);
        Items = new ItemEvaluator(Context, diagnostics, Culture, t => tablixProcessor!.Process(t));
        Items.Links.ServerUrl = _input.ReportServerUrl;
        Items.Links.ViewerLinks = Renderer.Contracts.Formats.OutputFormats.Find(_input.Format) == Renderer.Contracts.Formats.OutputFormats.Html;
        tablixProcessor = new TablixProcessor(Context, Items, name => LoadDataSet(name, Context));
        Items.ProcessChart = new Charts.ChartProcessor(Context, Items, name => LoadDataSet(name, Context)).Process;
        Items.ProcessGauge = new Gauges.GaugeProcessor(Context, Items, name => LoadDataSet(name, Context)).Process;
        Items.ProcessMap = new Maps.MapProcessor(Context, Items, name => LoadDataSet(name, Context)).Process;
        Items.ProcessSubreport = new Subreports.SubreportProcessor(
            _input, _data, Items, diagnostics, Nesting ?? Subreports.SubreportNesting.Root(_input), _cancellationToken).Process;

        var section = _report.Sections[0];
        var body = Items.EvaluateAll(section.Body.Items);
        if (Items.SuppressedErrors > 0)
            diagnostics.Add(RdlDiagnostic.Warning(DiagnosticCodes.Processing.ErrorsSuppressed, $"{Items.SuppressedErrors} more expression errors were not listed, the first in {Items.FirstSuppressed.Site ?? "the report"}.",
                Items.FirstSuppressed.Location, Items.FirstSuppressed.Site));
        return new ProcessedReport(_input.ReportName, body, section.Body.Height.Points);
    }

    /// <summary>Resolves a scope name to a dataset; the empty name means "the only dataset", used outside data regions.</summary>
    private DataSetInstance? FindDataSet(string name)
    {
        if (name.Length == 0)
            return _report.DataSets.Length == 1 ? LoadDataSet(_report.DataSets[0].Name, Context!) : null;
        return _report.FindDataSet(name) is null ? null : LoadDataSet(name, Context!);
    }

    private DataSetInstance LoadDataSet(string? name, ProcessingContext context)
    {
        var definition = name is null
            ? (_report.DataSets.Length == 1 ? _report.DataSets[0] : null)
            : _report.FindDataSet(name);
        if (definition is null)
            throw new InvalidOperationException(name is null ? "The data region names no dataset and the report has several." : $"The dataset '{name}' is not declared in the report.");
        if (_loaded.TryGetValue(definition.Name, out var loaded)) return loaded;

        var queryParameters = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var saved = context.SetRow(null, null);
        try
        {
            foreach (var parameter in definition.Query.Parameters)
            {
                // A multi-value parameter stays an array: the broker expands IN (@p) into one bound placeholder per value.
                queryParameters[parameter.Name] = _evaluator.Evaluate(parameter.Value, context);
            }
        }
        finally
        {
            context.RestoreRow(saved);
        }
        var rows = _data.GetDataSetAsync(definition.Name, queryParameters, _cancellationToken).GetAwaiter().GetResult();
        var instance = new DataSetInstance(definition, rows);
        if (!definition.Filters.IsDefaultOrEmpty)
        {
            var kept = FilterEngine.Apply(context, instance, instance.Rows, definition.Filters, $"DataSet '{definition.Name}'");
            if (kept.Count != instance.Rows.Count)
            {
                var filtered = kept.ToList();
                instance.Rows.Clear();
                instance.Rows.AddRange(filtered);
            }
        }
        _loaded[definition.Name] = instance;
        return instance;
    }

    private static string SafeCulture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name).Name;
        }
        catch (CultureNotFoundException)
        {
            return "en-US";
        }
    }
}
