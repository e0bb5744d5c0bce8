using Renderer.Sandbox.Runtime;

namespace Renderer.Host.Tests.Expressions;

/// <summary>
/// A tiny stand-in for processing: rows of fields (the first row is current), parameters, globals, user,
/// and Sum/Count/CountRows over all rows that records what the compiled code asked for.
/// </summary>
internal sealed class FakeExpressionContext : IExpressionContext
{
    private int _row;

    public List<Dictionary<string, object?>> Rows { get; } = [];

    public Dictionary<string, ReportParameter> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, object?> Globals { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, object?> User { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<(AggregateFunction Function, string? Scope, bool HasValue)> AggregateCalls { get; } = [];

    public object? GetFieldValue(string name) => Rows[_row].TryGetValue(name, out var v) ? v : null;

    public bool IsFieldMissing(string name) => !Rows[_row].ContainsKey(name);

    public ReportParameter GetParameter(string name) => Parameters[name];

    public object? GetGlobal(string name) => Globals[name];

    public object? GetUser(string name) => User[name];

    public object? Aggregate(AggregateFunction function, Func<object?>? value, string? scope)
    {
        AggregateCalls.Add((function, scope, value is not null));
        if (function == AggregateFunction.CountRows) return Rows.Count;
        var saved = _row;
        var values = new List<object?>();
        try
        {
            for (_row = 0; _row < Rows.Count; _row++) values.Add(value!());
        }
        finally
        {
            _row = saved;
        }
        return function switch
        {
            AggregateFunction.Sum => values.Where(v => v is not null).Sum(Convert.ToDecimal),
            AggregateFunction.Count => values.Count(v => v is not null),
            AggregateFunction.Max => values.Where(v => v is not null).Max(Convert.ToDecimal),
            _ => throw new NotSupportedException(function.ToString()),
        };
    }
}
