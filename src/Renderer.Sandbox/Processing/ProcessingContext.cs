using Renderer.Sandbox.Processing.Scopes;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// The mutable evaluation state of one render: current row, scope chain, parameters and globals.
/// Single-threaded: processing moves the current row and scope as it walks the report.
/// The scope functions (RunningValue, Previous, Lookup, variables, ...) are in ProcessingContext.Scopes.cs.
/// </summary>
internal sealed partial class ProcessingContext : IExpressionContext
{
    private readonly IReadOnlyDictionary<string, ReportParameter> _parameters;
    private readonly IReadOnlyDictionary<string, object?> _globals;
    private readonly string _userId;
    private readonly Func<string, DataSetInstance?> _dataSetByName;
    private readonly List<ScopeFrame> _scopes = [];
    private readonly List<(long Stamp, bool IsInstance)> _entries = [];
    private readonly Stack<AggregateIteration> _iterations = new();
    private int _calculatedFieldDepth;

    public ProcessingContext(
        IExpressionEvaluator evaluator,
        IReadOnlyDictionary<string, ReportParameter> parameters,
        IReadOnlyDictionary<string, object?> globals,
        string userId,
        Func<string, DataSetInstance?> dataSetByName)
    {
        Evaluator = evaluator;
        _parameters = parameters;
        _globals = globals;
        _userId = userId;
        _dataSetByName = dataSetByName;
    }

    public IExpressionEvaluator Evaluator { get; }

    public DataSetInstance? CurrentDataSet { get; private set; }

    public object?[]? CurrentRow { get; private set; }

    /// <summary>The page whose header or footer is being evaluated; null while processing the body.</summary>
    public Layout.PageNumbering? Page { get; set; }

    public int? PageNumber => Page?.Number;

    public int? TotalPages => Page?.Total;

    public IReadOnlyList<ScopeFrame> Scopes => _scopes;

    /// <summary>The viewer's drilldown toggles and interactive sorts for this render (none by default).</summary>
    public Interactivity.InteractiveState Interactive { get; set; } = Interactivity.InteractiveState.None;

    /// <summary>Makes <paramref name="row"/> of <paramref name="dataSet"/> current; returns the previous state for <see cref="RestoreRow"/>.</summary>
    public (DataSetInstance?, object?[]?) SetRow(DataSetInstance? dataSet, object?[]? row)
    {
        var previous = (CurrentDataSet, CurrentRow);
        CurrentDataSet = dataSet;
        CurrentRow = row;
        return previous;
    }

    public void RestoreRow((DataSetInstance?, object?[]?) previous) => (CurrentDataSet, CurrentRow) = previous;

    public void PushScope(ScopeFrame frame)
    {
        _scopes.Add(frame);
        _entries.Add((_progress.Tick(), false));
    }

    public void PopScope()
    {
        _scopes.RemoveAt(_scopes.Count - 1);
        _entries.RemoveAt(_entries.Count - 1);
    }

    /// <summary>
    /// Enters an instance of a row group (or one detail row) in processing order. <see cref="PopInstance"/> marks its rows
    /// processed, which RunningValue, RowNumber and Previous read.
    /// </summary>
    public void PushInstance(ScopeFrame frame)
    {
        _scopes.Add(frame);
        _entries.Add((_progress.Tick(), true));
    }

    /// <summary>Leaves the instance entered by <see cref="PushInstance"/>: its rows count as processed from now on.</summary>
    public void PopInstance()
    {
        _progress.Complete(_scopes[^1]);
        PopScope();
    }

    public object? GetFieldValue(string name)
    {
        var dataSet = CurrentDataSet ?? throw new InvalidOperationException($"Fields!{name} is used outside a data region; use an aggregate with a dataset scope, e.g. First(Fields!{name}.Value, \"DataSet1\").");
        var row = CurrentRow;
        if (row is null) return null;
        int index = dataSet.FieldIndex(name);
        if (index < 0) throw new InvalidOperationException($"The field '{name}' is not declared in dataset '{dataSet.Name}'.");
        int column = dataSet.ColumnOfField[index];
        if (column >= 0) return column < row.Length ? row[column] : null;
        var calculated = dataSet.Fields[index].Value;
        if (calculated is null) return null;
        int slot = dataSet.SlotOfField[index];
        bool cached = slot >= 0 && slot < row.Length;
        if (cached && !ReferenceEquals(row[slot], DataSetInstance.NotComputed)) return row[slot];
        if (_calculatedFieldDepth > 32) throw new InvalidOperationException($"The calculated field '{name}' refers to itself.");
        _calculatedFieldDepth++;
        try
        {
            var value = Evaluator.Evaluate(calculated, this);
            if (cached) row[slot] = value;
            return value;
        }
        finally
        {
            _calculatedFieldDepth--;
        }
    }

    public bool IsFieldMissing(string name)
    {
        if (CurrentDataSet is not { } dataSet) return true;
        int index = dataSet.FieldIndex(name);
        return index < 0 || (dataSet.ColumnOfField[index] < 0 && !dataSet.Fields[index].IsCalculated);
    }

    public ReportParameter GetParameter(string name) =>
        _parameters.TryGetValue(name, out var parameter)
            ? parameter
            : throw new InvalidOperationException($"The report has no parameter named '{name}'.");

    public object? GetGlobal(string name)
    {
        switch (name.ToLowerInvariant())
        {
            case "pagenumber": return PageGlobal(name).Number;
            case "totalpages": return PageGlobal(name).Total;
            case "overallpagenumber": return PageGlobal(name).OverallNumber;
            case "overalltotalpages": return PageGlobal(name).OverallTotal;
            case "pagename": return Page?.Name;
        }
        return _globals.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"Globals!{name} is not a known global.");
    }

    private Layout.PageNumbering PageGlobal(string name) =>
        Page ?? throw new InvalidOperationException($"Globals!{name} can only be used in the page header or footer.");

    public object? GetUser(string name) => name.ToLowerInvariant() switch
    {
        "userid" => _userId,
        "language" => UserLanguage,
        _ => throw new InvalidOperationException($"User!{name} is not a known member of User."),
    };

    public object? Aggregate(AggregateFunction function, Func<object?>? value, string? scope) => Aggregate(function, value, scope, false);

    public object? Aggregate(AggregateFunction function, Func<object?>? value, string? scope, bool recursive)
    {
        if (scope is null && value is not null && _pageItemSource is not null && InPageSection && TryPageAggregate(function, value, out var onPage)) return onPage;
        var (dataSet, rows, name) = ResolveScope(scope, recursive);
        if (rows is null) return null; // a nested aggregate's instance that was already counted
        _iterations.Push(new AggregateIteration(name, dataSet, rows));
        try
        {
            return AggregateCalculator.Compute(this, function, value, dataSet, rows);
        }
        finally
        {
            _iterations.Pop();
        }
    }

    /// <summary>True (once) when a nested aggregate asked the running aggregate to drop the value just computed.</summary>
    internal bool TakeSkip()
    {
        if (_iterations.Count == 0 || !_iterations.Peek().Skip) return false;
        _iterations.Peek().Skip = false;
        return true;
    }

    private (DataSetInstance DataSet, IReadOnlyList<object?[]>? Rows, string? Name) ResolveScope(string? scope, bool recursive)
    {
        if (scope is null)
        {
            if (_scopes.Count > 0) return (_scopes[^1].DataSet, RowsOf(_scopes[^1], recursive), _scopes[^1].Name);
            var only = _dataSetByName(string.Empty)
                ?? throw new InvalidOperationException("An aggregate outside a data region needs a dataset scope, e.g. Sum(Fields!Amount.Value, \"DataSet1\"), because the report has more than one dataset.");
            return (only, only.Rows, only.Name);
        }
        if (NestedInstance(scope) is { } nested) return nested;
        for (int i = _scopes.Count - 1; i >= 0; i--)
            if (string.Equals(_scopes[i].Name, scope, StringComparison.OrdinalIgnoreCase)) return (_scopes[i].DataSet, RowsOf(_scopes[i], recursive), scope);
        var dataSet = _dataSetByName(scope)
            ?? throw new InvalidOperationException($"The scope '{scope}' is not a dataset, or a data region or group that contains this expression.");
        return (dataSet, dataSet.Rows, scope);
    }

    private static IReadOnlyList<object?[]> RowsOf(ScopeFrame frame, bool recursive) =>
        recursive && frame.RecursiveRows is { } all ? all : frame.Rows;
}
