using Rdl.Model.Definitions.Items;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing.Subreports;

/// <summary>
/// Processes one Subreport item instance, as SSRS does: evaluates its parameters in the parent's current scope (so a
/// subreport in a tablix row or list gets that row's values), then processes the subreport with its own definition,
/// compiled expressions, parameters (passed values, else its defaults) and data, requested per instance through the
/// host under the subreport's name. Its page header and footer are ignored.
/// <list type="bullet">
/// <item>None of its datasets returned rows and it has a NoRowsMessage: the message is shown instead.</item>
/// <item>Anything fails (missing report, bad parameter, query or processing error, recursion, nesting deeper than
/// <see cref="SubreportNesting.MaxDepth"/>): "Error: Subreport could not be shown." is shown in its place with a PRC4020
/// warning naming the subreport and the cause; the parent render goes on.</item>
/// </list>
/// </summary>
internal sealed class SubreportProcessor(
    RenderInput input, IDataSetProvider data, ItemEvaluator parent, DiagnosticBag diagnostics, SubreportNesting nesting, CancellationToken cancellationToken)
{
    public const string CouldNotBeShown = DiagnosticCodes.Processing.SubreportNotShown;
    public const string UndeclaredParameter = DiagnosticCodes.Processing.SubreportUndeclaredParameter;
    public const string ErrorText = "Error: Subreport could not be shown.";

    public ItemInstance? Process(SubreportItem item)
    {
        var name = SubreportNames.Normalize(item.ReportName);
        if (nesting.Chain.Contains(name, StringComparer.OrdinalIgnoreCase))
            return Fail(item, name, $"it would render itself recursively ({string.Join(" -> ", nesting.Chain.Add(name))})");
        if (nesting.Depth + 1 > SubreportNesting.MaxDepth)
            return Fail(item, name, $"subreports nest deeper than the allowed {SubreportNesting.MaxDepth} levels");
        if (!nesting.Library.TryGet(name, out var loaded, out var error)) return Fail(item, name, error);

        var values = new Dictionary<string, object?[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in item.Parameters)
        {
            if (parameter.Omit is { } omit && parent.IsHidden(omit, item)) continue;
            var value = parent.TryEvaluate(parameter.Value, item, out var failed);
            if (failed) return Fail(item, name, $"the value of parameter '{parameter.Name}' could not be evaluated");
            if (loaded!.Definition.FindParameter(parameter.Name) is not { } declared)
            {
                diagnostics.Add(RdlDiagnostic.Warning(UndeclaredParameter,
                    $"{item.Describe()} passes parameter '{parameter.Name}', which report '{name}' does not declare; it was ignored.",
                    parameter.Value.Location, item.Describe(), parameter.Value.Raw));
                continue;
            }
            try
            {
                values[declared.Name] = AsValues(value).Select(v => ParameterResolver.Convert(v, declared.DataType)).ToArray();
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
            {
                return Fail(item, name, $"the value of parameter '{parameter.Name}' is not a valid {declared.DataType}: {ex.Message}");
            }
        }
        return Render(item, loaded!, values);
    }

    private ItemInstance Render(SubreportItem item, LoadedSubreport loaded, Dictionary<string, object?[]> values)
    {
        var childInput = input with
        {
            ReportName = loaded.Name,
            FileName = loaded.FileName,
            Parameters = values,
            WasmModules = [],
        };
        var childDiagnostics = new DiagnosticBag();
        var processor = new ReportProcessor(loaded.Definition, loaded.Evaluator, SubreportDataSetProvider.For(data, loaded.Name), childInput, cancellationToken)
        {
            Nesting = nesting.Enter(loaded.Name),
        };
        ProcessedReport? processed;
        try
        {
            processed = processor.Process(childDiagnostics);
        }
        catch (DataSetRequestException ex)
        {
            return Fail(item, loaded.Name, $"dataset '{ex.DataSetName}' could not be loaded: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException and not InsufficientExecutionStackException)
        {
            var inner = ex is System.Reflection.TargetInvocationException { InnerException: { } ie } ? ie : ex;
            return Fail(item, loaded.Name, $"processing failed: {inner.Message}");
        }
        foreach (var diagnostic in childDiagnostics.ToImmutable().Where(d => !d.IsError)) diagnostics.Add(diagnostic);
        if (processed is null || childDiagnostics.HasErrors)
        {
            var first = childDiagnostics.ToImmutable().FirstOrDefault(d => d.IsError);
            return Fail(item, loaded.Name, first is null ? "processing failed" : $"{first.Code}: {first.Message}");
        }
        if (item.NoRowsMessage is { } message && processor.LoadedDataSets.Count > 0 && processor.LoadedDataSets.All(d => d.Rows.Count == 0))
        {
            var value = parent.TryEvaluate(message, item, out var failed);
            return Message(item, failed ? "#Error" : ValueFormatter.Format(value, null, parent.Culture));
        }
        return new SubreportInstance(item, loaded.Name, processed.BodyItems, processed.BodyHeight) { Paging = KeepTogether(item) };
    }

    private static ItemPaging? KeepTogether(SubreportItem item) => item.KeepTogether ? new ItemPaging(null, null, null, true) : null;

    private static IEnumerable<object?> AsValues(object? value) => value switch
    {
        object?[] array => array,
        string or byte[] => [value],
        System.Collections.IEnumerable sequence => sequence.Cast<object?>(),
        _ => [value],
    };

    private TextboxInstance Fail(SubreportItem item, string name, string cause)
    {
        diagnostics.Add(RdlDiagnostic.Warning(CouldNotBeShown,
            $"{item.Describe()} (report '{name}') could not be shown: {cause}.", item.Location, item.Describe()));
        return Message(item, ErrorText);
    }

    private TextboxInstance Message(SubreportItem item, string text)
    {
        var textbox = new Textbox(item.Name, item.Bounds, item.Style, item.Location, []);
        ResolvedStyle style;
        try
        {
            style = parent.Styles.ResolveText(item.Style, null, null, true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            style = ResolvedStyle.Default with { CanGrow = true };
        }
        return new TextboxInstance(textbox, text, text, style);
    }
}
