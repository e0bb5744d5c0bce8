using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using Rdl.Model.Expressions;

namespace Renderer.Sandbox.Runtime;

/// <summary>
/// Runs the expressions the host compiled: loads the assembly image into a collectible load context, creates the
/// generated <c>ReportExpressions</c> host and binds each <c>E{i}</c> to a delegate once, so evaluation is a plain call.
/// Expression i of <see cref="ExpressionCollector"/>'s list is <c>E{i}</c>. One evaluator per render; not thread-safe.
/// </summary>
public sealed class CompiledExpressionEvaluator : IExpressionEvaluator
{
    private const string ClassName = "ReportExpressions";
    private const string MethodPrefix = "E";

    private readonly ReportExpressionHost? _host;
    private readonly Dictionary<ExpressionText, Func<object?>> _byReference;
    private readonly Dictionary<ExpressionText, Func<object?>> _byValue;

    private CompiledExpressionEvaluator(ReportExpressionHost? host, Dictionary<ExpressionText, Func<object?>> byReference)
    {
        _host = host;
        _byReference = byReference;
        _byValue = new Dictionary<ExpressionText, Func<object?>>();
        foreach (var (expression, function) in byReference) _byValue.TryAdd(expression, function);
    }

    /// <summary>The generated host instance; null when the report has no expressions.</summary>
    internal ReportExpressionHost? Host => _host;

    /// <summary>How many compiled expressions are bound.</summary>
    public int ExpressionCount => _byReference.Count;

    /// <summary>
    /// Loads <paramref name="assemblyImage"/> (from the host's ExpressionCompiler) and binds <c>E{i}</c> to
    /// <paramref name="expressions"/>[i]. Throws <see cref="InvalidDataException"/> when the image does not match the list.
    /// </summary>
    public static CompiledExpressionEvaluator Load(byte[] assemblyImage, ImmutableArray<ExpressionText> expressions)
    {
        ArgumentNullException.ThrowIfNull(assemblyImage);
        var list = expressions.IsDefault ? [] : expressions;
        var map = new Dictionary<ExpressionText, Func<object?>>(list.Length, ReferenceEqualityComparer.Instance);
        if (assemblyImage.Length == 0)
        {
            if (list.Length > 0) throw new InvalidDataException($"The report has {list.Length} expressions but no compiled expression assembly was supplied.");
            return new CompiledExpressionEvaluator(null, map);
        }

        var context = new ExpressionLoadContext();
        Assembly assembly;
        using (var stream = new MemoryStream(assemblyImage, writable: false)) assembly = context.LoadFromStream(stream);
        var type = assembly.GetType(ClassName, throwOnError: false)
            ?? throw new InvalidDataException($"The compiled expression assembly has no class '{ClassName}'.");
        if (Activator.CreateInstance(type) is not ReportExpressionHost host)
            throw new InvalidDataException($"'{ClassName}' does not inherit {nameof(ReportExpressionHost)}.");

        for (var i = 0; i < list.Length; i++)
        {
            var method = type.GetMethod(MethodPrefix + i, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, Type.EmptyTypes);
            if (method is null || method.ReturnType != typeof(object))
                throw new InvalidDataException($"The compiled expression assembly does not match the report: method {MethodPrefix}{i} for {list[i].Site} is missing.");
            var function = (Func<object?>)Delegate.CreateDelegate(typeof(Func<object?>), host, method);
            map.TryAdd(list[i], function);
        }
        if (type.GetMethod(MethodPrefix + list.Length, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, Type.EmptyTypes) is not null)
            throw new InvalidDataException($"The compiled expression assembly does not match the report: it has more than {list.Length} expressions.");
        return new CompiledExpressionEvaluator(host, map);
    }

    public object? Evaluate(ExpressionText expression, IExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!expression.IsExpression) return expression.Raw;
        ArgumentNullException.ThrowIfNull(context);
        if (!_byReference.TryGetValue(expression, out var function) && !_byValue.TryGetValue(expression, out function))
            throw new KeyNotFoundException($"The expression of {expression.Site} was not compiled: {expression.Raw}");

        var host = _host!;
        var previous = host.CurrentContext;
        host.Context = context;
        try
        {
            return function();
        }
        catch (Exception ex) when (Processing.ProcessingErrorSite.Mark(ex is TargetInvocationException { InnerException: { } inner } ? inner : ex, expression))
        {
            throw; // never reached: Mark only records the expression on the exception and returns false
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        finally
        {
            // Restores the outer context when processing evaluates an expression from inside an aggregate.
            host.CurrentContext = previous;
        }
    }

    /// <summary>
    /// Everything the generated code references comes from the runtime's context. Not collectible: a sandbox process
    /// renders once and exits, and code in a collectible context is compiled fully optimised on first call instead of
    /// going through tiered compilation (about 10 ms of a 10k-row render in a fresh process).
    /// </summary>
    private sealed class ExpressionLoadContext() : AssemblyLoadContext("ReportExpressions", isCollectible: false)
    {
        private static readonly Assembly Runtime = typeof(ReportExpressionHost).Assembly;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (AssemblyName.ReferenceMatchesDefinition(assemblyName, Runtime.GetName())) return Runtime;
            var owner = GetLoadContext(Runtime);
            return owner is null || owner == Default ? null : owner.LoadFromAssemblyName(assemblyName);
        }
    }
}
