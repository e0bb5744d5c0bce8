using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.VisualBasic;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Renderer.Host.Expressions;

/// <summary>
/// Compiles every '=' expression of a report (in <see cref="ExpressionCollector"/> order) and its Code block
/// into one VB assembly in memory. Expression i becomes <c>ReportExpressions.E{i}()</c>, which the sandbox's
/// <c>CompiledExpressionEvaluator</c> binds by index. Every compile error is returned, mapped to the RDL.
/// </summary>
public static class ExpressionCompiler
{
    /// <summary>Changes whenever the generated code changes shape; part of the cache key.</summary>
    public const string GeneratorVersion = "vb-expressions-3";

    private static readonly VisualBasicParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly VisualBasicCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optionStrict: OptionStrict.Off,
        optionExplicit: true,
        optionCompareText: false,
        optionInfer: true,
        optimizationLevel: OptimizationLevel.Release,
        embedVbCoreRuntime: false,
        deterministic: true);

    /// <summary>Compiles <paramref name="report"/> with WebAssembly code modules switched off.</summary>
    public static ExpressionCompilation Compile(ReportDefinition report, string fileName) =>
        Compile(report, fileName, Wasm.WasmModuleResolver.Disabled.Resolve(report, fileName));

    /// <summary>
    /// Compiles <paramref name="report"/> with its resolved WebAssembly <paramref name="modules"/>: each becomes a typed
    /// wrapper (<c>Code.TextUtil.Reverse(s)</c>); a module reference or module that is refused fails the compilation.
    /// </summary>
    /// <param name="progress">
    /// Called with the site (location, object path, expression) before each expression or Code member is bound, and once
    /// before the assembly is emitted: the compile worker reports it, so a compile killed for its budget can name the site.
    /// </param>
    public static ExpressionCompilation Compile(ReportDefinition report, string fileName, Wasm.WasmModuleSet modules, Action<RdlDiagnostic>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(modules);
        return Compile(report, fileName, modules, ImmutableDictionary<int, RdlDiagnostic>.Empty, progress);
    }

    /// <param name="dropped">
    /// Drillthrough expressions that did not compile in an earlier pass, with their error: each becomes <c>Nothing</c>
    /// (the link is left out, as when its report cannot be resolved) and its error a warning, so a report whose
    /// drillthrough calls something this server lacks (Report Builder's <c>Code.DrillthroughContextBuilder</c>) still renders.
    /// </param>
    private static ExpressionCompilation Compile(ReportDefinition report, string fileName, Wasm.WasmModuleSet modules, ImmutableDictionary<int, RdlDiagnostic> dropped, Action<RdlDiagnostic>? progress)
    {
        var expressions = ExpressionCollector.Collect(report);
        var moduleDiagnostics = new List<RdlDiagnostic>(modules.Diagnostics);
        var wasm = Wasm.WasmWrapperBuilder.Build(modules, moduleDiagnostics);
        if (moduleDiagnostics.Any(d => d.IsError))
            return ExpressionCompilation.Failed([.. moduleDiagnostics], expressions.Length);
        var rewritten = expressions.Select((e, i) => AggregateRewriter.Rewrite(dropped.ContainsKey(i) ? "Nothing" : e.Code)).ToImmutableArray();
        var source = VbSourceBuilder.Build(expressions, rewritten, report.Code, report.CodeLocation, fileName, wasm);
        var mapper = new CompileDiagnosticMapper(source, fileName, report.Code, report.CodeLocation);

        var errors = new List<(int Order, RdlDiagnostic Diagnostic)>();
        foreach (var region in source.Expressions)
            foreach (var error in region.Rewritten.SyntaxErrors)
                errors.Add((region.FunctionStart, mapper.FromSyntaxError(region, error)));

        foreach (var (index, diagnostic) in ScopeValidator.Check(report, expressions))
            errors.Add((source.Expressions[index].FunctionStart, diagnostic));

        ImmutableArray<MetadataReference> references;
        try
        {
            references = CompilationReferences.All;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or BadImageFormatException)
        {
            var diagnostic = RdlDiagnostic.Error(DiagnosticCodes.Expressions.CompilerUnavailable, $"The expression compiler could not load its references: {ex.Message}", new SourceLocation(fileName, 0, 0));
            return ExpressionCompilation.Failed([diagnostic], expressions.Length);
        }

        var tree = VisualBasicSyntaxTree.ParseText(source.Text, ParseOptions, path: fileName, encoding: Encoding.UTF8);
        var compilation = VisualBasicCompilation.Create("ReportExpressions_" + ShortHash(source.Text), [tree], references, CompilationOptions);
        errors.AddRange(Guard.ExpressionGuard.Check(compilation, tree, mapper, progress));
        progress?.Invoke(RdlDiagnostic.Error(EmitStep, "emitting the assembly of all expressions", new SourceLocation(fileName, 0, 0)));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        foreach (var error in result.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
            errors.Add((error.Location.IsInSource ? error.Location.SourceSpan.Start : int.MaxValue, mapper.FromCompilation(error)));

        if (errors.Count > 0 || !result.Success)
        {
            if (dropped.IsEmpty && DrillthroughFailures(source, errors) is { Count: > 0 } failures)
                return Compile(report, fileName, modules, failures, progress);
            var ordered = errors.OrderBy(e => e.Order).Select(e => e.Diagnostic).Distinct().ToImmutableArray();
            return ExpressionCompilation.Failed([.. moduleDiagnostics, .. ordered], expressions.Length);
        }
        var warnings = dropped.OrderBy(d => d.Key).Select(d => RdlDiagnostic.Warning(
            DiagnosticCodes.Expressions.DrillthroughDropped,
            $"The drillthrough expression does not compile here and is replaced by Nothing (the link gets no value for it): {d.Value.Message}",
            d.Value.Location, d.Value.ObjectPath, d.Value.Expression));
        return new ExpressionCompilation(true, [.. moduleDiagnostics, .. warnings], image.ToArray(), expressions.Length)
        {
            WasmModules = modules.Images,
            WasmLimits = modules.Limits,
        };
    }

    /// <summary>
    /// When every error is a compile error (EXP3001/EXP3002, never a guard refusal) inside a drillthrough expression,
    /// those expressions and their first error; otherwise empty (the report fails as usual).
    /// </summary>
    /// <summary>The code of the progress step reported before emitting (no single expression is being bound then).</summary>
    public const string EmitStep = "EMIT";

    private static ImmutableDictionary<int, RdlDiagnostic> DrillthroughFailures(GeneratedSource source, List<(int Order, RdlDiagnostic Diagnostic)> errors)
    {
        var failures = ImmutableDictionary.CreateBuilder<int, RdlDiagnostic>();
        foreach (var (order, diagnostic) in errors)
        {
            if (diagnostic.Code is not (DiagnosticCodes.Expressions.ExpressionError or DiagnosticCodes.Expressions.CodeBlockError)) return ImmutableDictionary<int, RdlDiagnostic>.Empty;
            if (source.FindExpression(order) is not { } region || !region.Expression.Site.Contains(".Drillthrough", StringComparison.Ordinal))
                return ImmutableDictionary<int, RdlDiagnostic>.Empty;
            failures.TryAdd(region.Index, diagnostic);
        }
        return failures.ToImmutable();
    }

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
