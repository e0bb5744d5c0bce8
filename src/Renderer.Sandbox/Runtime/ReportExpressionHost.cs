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

    /// <summary>The context as set, without the "no context" check; the evaluator saves and restores it around a call.</summary>
    internal IExpressionContext? CurrentContext
    {
        get => _context;
        set => _context = value;
    }

    private IExpressionContext GetContext() =>
        _context ?? throw new InvalidOperationException("The expression host has no context; processing must set it before evaluating.");

    public object? Sum(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.Sum, value, scope);

    public object? Avg(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.Avg, value, scope);

    public object? Count(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.Count, value, scope);

    public object? CountDistinct(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.CountDistinct, value, scope);

    public object? CountRows(string? scope = null) => Context.Aggregate(AggregateFunction.CountRows, null, scope);

    public object? Min(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.Min, value, scope);

    public object? Max(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.Max, value, scope);

    public object? First(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.First, value, scope);

    public object? Last(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.Last, value, scope);

    public object? StDev(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.StDev, value, scope);

    public object? StDevP(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.StDevP, value, scope);

    public object? Var(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.Var, value, scope);

    public object? VarP(Func<object?> value, string? scope = null) => Context.Aggregate(AggregateFunction.VarP, value, scope);
}
