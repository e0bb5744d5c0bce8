namespace Renderer.Sandbox.Runtime;

/// <summary>
/// Base class of the VB class the host generates from a report's expressions. The generated code calls
/// <c>Fields!X.Value</c>, <c>Parameters!P.Value</c>, <c>Globals!PageNumber</c>, <c>User!UserID</c> and, after the
/// compiler's rewrite, <c>Sum(Function() expr, "Scope")</c> on this class.
/// </summary>
public abstract class ReportExpressionHost
{
    private IExpressionContext? _context;

    protected ReportExpressionHost()
    {
        Fields = new FieldsCollection(GetContext);
        Parameters = new ParametersCollection(GetContext);
        Globals = new GlobalsCollection(GetContext);
        User = new UserCollection(GetContext);
        Variables = new VariablesCollection(GetContext);
        ReportItems = new ReportItemsCollection(GetContext);
        DataSets = new DataSetsCollection(GetContext);
    }

    public IExpressionContext Context
    {
        get => GetContext();
        set => _context = value;
    }

    public FieldsCollection Fields { get; }

    public ParametersCollection Parameters { get; }

    public GlobalsCollection Globals { get; }

    public UserCollection User { get; }

    public VariablesCollection Variables { get; }

    public ReportItemsCollection ReportItems { get; }

    public DataSetsCollection DataSets { get; }

    /// <summary><c>Me.Value</c> in a textbox's property expressions: the textbox's own value.</summary>
    public object? Value => Context.GetCurrentItemValue();

    /// <summary>The context as set, without the "no context" check; the evaluator saves and restores it around a call.</summary>
    internal IExpressionContext? CurrentContext
    {
        get => _context;
        set => _context = value;
    }

    private IExpressionContext GetContext() =>
        _context ?? throw new InvalidOperationException("The expression host has no context; processing must set it before evaluating.");

    public object? Sum(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.Sum, value, scope, recursive);

    public object? Avg(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.Avg, value, scope, recursive);

    public object? Count(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.Count, value, scope, recursive);

    public object? CountDistinct(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.CountDistinct, value, scope, recursive);

    public object? CountRows(string? scope = null, string? recursive = null) => Run(AggregateFunction.CountRows, null, scope, recursive);

    public object? Min(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.Min, value, scope, recursive);

    public object? Max(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.Max, value, scope, recursive);

    public object? First(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.First, value, scope, recursive);

    public object? Last(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.Last, value, scope, recursive);

    public object? StDev(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.StDev, value, scope, recursive);

    public object? StDevP(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.StDevP, value, scope, recursive);

    public object? Var(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.Var, value, scope, recursive);

    public object? VarP(Func<object?> value, string? scope = null, string? recursive = null) => Run(AggregateFunction.VarP, value, scope, recursive);

    /// <summary>Aggregate(expr, scope): the data provider's own aggregate; this engine's providers have none, so it sums.</summary>
    public object? Aggregate(Func<object?> value, string? scope = null) => Run(AggregateFunction.Sum, value, scope, null);

    /// <summary>RunningValue(expr, Sum, scope): the compiler quotes the function name (<c>"Sum"</c>).</summary>
    public object? RunningValue(Func<object?> value, string function, string? scope = null) =>
        Context.RunningValue(value, ParseFunction(function), scope);

    public object? RowNumber(string? scope = null) => Context.RowNumber(scope);

    public object? Previous(Func<object?> value, string? scope = null) => Context.Previous(value, scope);

    public int Level(string? scope = null) => Context.Level(scope);

    public bool InScope(string scope) => Context.InScope(scope);

    public object? Lookup(object? source, Func<object?> destination, Func<object?> result, string dataSet) =>
        Context.Lookup(LookupKind.Lookup, source, destination, result, dataSet);

    public object? LookupSet(object? source, Func<object?> destination, Func<object?> result, string dataSet) =>
        Context.Lookup(LookupKind.LookupSet, source, destination, result, dataSet);

    public object? MultiLookup(object? sources, Func<object?> destination, Func<object?> result, string dataSet) =>
        Context.Lookup(LookupKind.MultiLookup, sources, destination, result, dataSet);

    private object? Run(AggregateFunction function, Func<object?>? value, string? scope, string? recursive)
    {
        if (recursive is null || recursive.Equals("Simple", StringComparison.OrdinalIgnoreCase))
            return Context.Aggregate(function, value, scope);
        if (recursive.Equals("Recursive", StringComparison.OrdinalIgnoreCase))
            return Context.Aggregate(function, value, scope, recursive: true);
        throw new ArgumentException($"'{recursive}' is not Recursive or Simple.", nameof(recursive));
    }

    private static AggregateFunction ParseFunction(string function) =>
        Enum.TryParse<AggregateFunction>(function, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ArgumentException($"'{function}' is not an aggregate function RunningValue accepts (Sum, Avg, Count, CountDistinct, Min, Max, ...).", nameof(function));
}
