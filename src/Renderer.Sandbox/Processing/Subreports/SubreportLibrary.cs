using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Expressions;
using Rdl.Model.Reading;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Processing.Subreports;

/// <summary>A subreport ready to process: its definition and the evaluator of its own compiled expressions.</summary>
internal sealed record LoadedSubreport(string Name, string FileName, ReportDefinition Definition, IExpressionEvaluator Evaluator);

/// <summary>
/// The subreports the host sent with the render (<see cref="RenderInput.Subreports"/>), each read and its expressions
/// loaded once per render, however many instances use it. Failures are remembered as their message.
/// </summary>
internal sealed class SubreportLibrary(IReadOnlyList<SubreportImage> images)
{
    private readonly Dictionary<string, (LoadedSubreport? Loaded, string? Error)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public bool TryGet(string name, out LoadedSubreport? loaded, out string error)
    {
        if (!_cache.TryGetValue(name, out var entry)) _cache[name] = entry = Load(name);
        loaded = entry.Loaded;
        error = entry.Error ?? string.Empty;
        return loaded is not null;
    }

    private (LoadedSubreport?, string?) Load(string name)
    {
        var image = images.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
        if (image is null) return (null, $"the report '{name}' is not available to this render");
        var read = RdlReader.Read(image.RdlBytes, image.FileName);
        if (!read.Success || read.Report is null)
        {
            var first = read.Diagnostics.FirstOrDefault(d => d.IsError);
            return (null, $"the report '{name}' could not be read ({first?.Code}: {first?.Message})");
        }
        try
        {
            var evaluator = CompiledExpressionEvaluator.Load(image.AssemblyImage, ExpressionCollector.Collect(read.Report));
            return (new LoadedSubreport(name, image.FileName, read.Report with { Name = name }, evaluator), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadImageFormatException or IOException)
        {
            return (null, $"the expressions of report '{name}' could not be loaded: {ex.Message}");
        }
    }
}

/// <summary>Where a report sits among nested subreports: how deep, which reports enclose it, and the render's library.</summary>
internal sealed record SubreportNesting(int Depth, ImmutableArray<string> Chain, SubreportLibrary Library)
{
    /// <summary>Subreports nest at most this deep (a subreport of a subreport ... of the report).</summary>
    public const int MaxDepth = 8;

    public static SubreportNesting Root(RenderInput input) => new(0, [SubreportNames(input.ReportName)], new SubreportLibrary(input.Subreports));

    public SubreportNesting Enter(string name) => this with { Depth = Depth + 1, Chain = Chain.Add(name) };

    private static string SubreportNames(string name) => Rdl.Model.Definitions.Items.SubreportNames.Normalize(name);
}
