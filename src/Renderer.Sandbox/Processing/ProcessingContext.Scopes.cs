using System.Collections;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Processing.Scopes;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// The scope-aware functions of the processing context: RunningValue, RowNumber, Previous, Level, InScope, nested
/// aggregates, Lookup/LookupSet/MultiLookup, Variables, ReportItems and DataSets.
/// </summary>
internal sealed partial class ProcessingContext
{
    private const int MaxVariableDepth = 32;
    private readonly ScopeProgress _progress = new();
    private readonly LookupIndex _lookups = new();
    private readonly Dictionary<string, object?> _reportVariables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(ScopeFrame Frame, string Name), object?> _groupVariables = [];
    private readonly Dictionary<string, object?> _reportItems = new(StringComparer.OrdinalIgnoreCase);
    private ReportDefinition? _report;
    private readonly HashSet<string> _sectionItems = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, List<object?>>? _pageItems;
    private IEnumerable<(string Name, object? Value)>? _pageItemSource;
    private int _pageIndex = -1;
    private bool _pageHit;
    private bool _pageTouched;
    private int _variableDepth;

    /// <summary>The report being processed (null until <see cref="AttachReport"/>).</summary>
    public ReportDefinition? Report => _report;

    /// <summary>The report's datasets, data regions and groups by name (empty until <see cref="AttachReport"/>).</summary>
    public ReportScopes Declared { get; private set; } = ReportScopes.Empty;

    /// <summary>User!Language.</summary>
    public string UserLanguage { get; set; } = "en-US";

    /// <summary>The external images the host passed with the render (External Image items find theirs here).</summary>
    public ExternalImageLibrary ExternalImages { get; init; } = ExternalImageLibrary.Empty;

    /// <summary>Gives the context the report's declarations: scope names, variables, dataset command texts.</summary>
    public void AttachReport(ReportDefinition report)
    {
        _report = report;
        Declared = ReportScopes.Of(report);
        _progress.TracksRows = ScopeProgress.UsesRunningRows(Rdl.Model.Expressions.ExpressionCollector.Collect(report).Select(e => e.Raw));
    }

    /// <summary>Computes the value of the textbox being evaluated (for Me.Value in its style expressions); null outside textboxes.</summary>
    public Func<object?>? CurrentItemValue { get; set; }

    public object? GetCurrentItemValue() => CurrentItemValue?.Invoke();

    /// <summary>Records the value of a textbox just evaluated, for ReportItems!Name.Value.</summary>
    public void SetReportItemValue(string name, object? value)
    {
        _reportItems[name] = value;
        if (InPageSection) _sectionItems.Add(name);
    }

    /// <summary>
    /// The body textboxes on the page whose header/footer is evaluated next (name and value, in page order). While a
    /// page section is evaluated, ReportItems!X.Value is the first instance of X on the page, and an aggregate of
    /// ReportItems (<c>First(ReportItems!X.Value)</c>, <c>Last(...)</c>, <c>Sum(...)</c>) runs over X's instances on the page.
    /// </summary>
    public void SetPageItems(IEnumerable<(string Name, object? Value)> items)
    {
        // Indexed on first use: most page headers and footers never read ReportItems.
        _pageItemSource = items;
        _pageItems = null;
        _sectionItems.Clear();
    }

    private Dictionary<string, List<object?>> PageItems()
    {
        if (_pageItems is not null) return _pageItems;
        _pageItems = new Dictionary<string, List<object?>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in _pageItemSource ?? [])
        {
            if (!_pageItems.TryGetValue(name, out var list)) _pageItems[name] = list = [];
            list.Add(value);
        }
        return _pageItems;
    }

    /// <summary>
    /// ReportItems!Name.Value. In the body: the value of the textbox's most recent evaluation, i.e. a textbox evaluated
    /// earlier in the same row or scope (a textbox later in the row still holds its previous instance's value; it is not
    /// evaluated on demand). In a page header/footer: the first instance of the body textbox on the current page (Nothing
    /// when it is not on that page); header/footer textboxes read each other's values of the same page.
    /// </summary>
    public object? GetReportItemValue(string name)
    {
        if (InPageSection && _pageItemSource is not null && !_sectionItems.Contains(name))
        {
            _pageTouched = true;
            if (!PageItems().TryGetValue(name, out var list)) return null;
            int i = Math.Max(0, _pageIndex);
            if (i >= list.Count) return null;
            _pageHit = true;
            return list[i];
        }
        return _reportItems.TryGetValue(name, out var value) ? value : null;
    }

    private bool InPageSection => PageNumber is not null && _scopes.Count == 0 && CurrentDataSet is null;

    /// <summary>An aggregate in a page header/footer over ReportItems: false when the expression reads no ReportItems.</summary>
    private bool TryPageAggregate(AggregateFunction function, Func<object?> value, out object? result)
    {
        result = null;
        var values = new List<object?>();
        _pageTouched = false;
        try
        {
            for (int i = 0; ; i++)
            {
                _pageIndex = i;
                _pageHit = false;
                var v = value();
                if (!_pageTouched) return false;
                if (!_pageHit) break;
                values.Add(v);
            }
        }
        catch (InvalidOperationException) when (!_pageTouched)
        {
            return false;
        }
        finally
        {
            _pageIndex = -1;
        }
        result = AggregateCalculator.FromValues(function, values);
        return true;
    }

    public DataSetInfo GetDataSet(string name) =>
        _report?.FindDataSet(name) is { } dataSet
            ? new DataSetInfo(dataSet.Query.CommandText)
            : throw new InvalidOperationException($"The report has no dataset named '{name}'.");

    public object? RunningValue(Func<object?> value, AggregateFunction function, string? scope)
    {
        var (index, frame) = RunningScope(scope);
        var rows = _progress.RunningRows(frame.Rows, _entries[index].Stamp, _scopes[^1].Rows);
        return AggregateCalculator.Compute(this, function, value, frame.DataSet, rows);
    }

    public object? RowNumber(string? scope)
    {
        var (index, frame) = RunningScope(scope);
        return _progress.RunningRows(frame.Rows, _entries[index].Stamp, _scopes[^1].Rows).Count;
    }

    public object? Previous(Func<object?> value, string? scope)
    {
        int current = _entries.FindLastIndex(e => e.IsInstance);
        if (current < 0) return null;
        long since;
        if (scope is null) since = current > 0 ? _entries[current - 1].Stamp : 0;
        else
        {
            int named = FindFrame(scope);
            since = named >= 0 ? _entries[named].Stamp : 0;
        }
        if (_progress.PreviousInstance(_scopes[current].Name, since) is not { } previous) return null;
        PushScope(previous);
        var saved = SetRow(previous.DataSet, previous.Rows.Count > 0 ? previous.Rows[0] : null);
        try
        {
            return value();
        }
        finally
        {
            RestoreRow(saved);
            PopScope();
        }
    }

    public int Level(string? scope)
    {
        for (int i = _scopes.Count - 1; i >= 0; i--)
        {
            var frame = _scopes[i];
            if (scope is null ? frame.RecursiveLevel is not null : string.Equals(frame.Name, scope, StringComparison.OrdinalIgnoreCase))
                return frame.RecursiveLevel ?? 0;
        }
        return 0;
    }

    public bool InScope(string scope) =>
        FindFrame(scope) >= 0 || string.Equals(CurrentDataSet?.Name, scope, StringComparison.OrdinalIgnoreCase);

    public object? Lookup(LookupKind kind, object? source, Func<object?> destination, Func<object?> result, string dataSet)
    {
        var target = _dataSetByName(dataSet) ?? throw new InvalidOperationException($"Lookup names the dataset '{dataSet}', which the report does not declare.");
        var table = _lookups.Table(target, destination, row => InRow(target, row, destination));
        switch (kind)
        {
            case LookupKind.Lookup:
                return LookupIndex.Key(source) is { } key && table.TryGetValue(key, out var rows) ? InRow(target, rows[0], result) : null;
            case LookupKind.LookupSet:
                if (LookupIndex.Key(source) is not { } setKey || !table.TryGetValue(setKey, out var matches)) return null;
                return matches.Select(r => InRow(target, r, result)).ToArray();
            default:
                var found = new List<object?>();
                foreach (var item in Values(source))
                    if (LookupIndex.Key(item) is { } itemKey && table.TryGetValue(itemKey, out var hits)) found.Add(InRow(target, hits[0], result));
                return found.ToArray();
        }
    }

    public object? GetVariable(string name)
    {
        for (int i = _scopes.Count - 1; i >= 0; i--)
        {
            var frame = _scopes[i];
            if (!Declared.Groups.TryGetValue(frame.Name, out var group) || Find(group.Group.Variables, name) is not { } variable) continue;
            if (_groupVariables.TryGetValue((frame, name), out var cached)) return cached;
            PushScope(frame);
            var saved = SetRow(frame.DataSet, frame.Rows.Count > 0 ? frame.Rows[0] : null);
            try
            {
                return _groupVariables[(frame, name)] = EvaluateVariable(variable);
            }
            finally
            {
                RestoreRow(saved);
                PopScope();
            }
        }
        if (_reportVariables.TryGetValue(name, out var value)) return value;
        if (_report is null || Find(_report.Variables, name) is not { } reportVariable)
            throw new InvalidOperationException($"Variables!{name} is not a variable of the report or of an enclosing group.");
        return _reportVariables[name] = Isolated(null, null, () => EvaluateVariable(reportVariable));
    }

    /// <summary>A group named <paramref name="scope"/> below the running aggregate's scope: the instance holding the current row.</summary>
    private (DataSetInstance, IReadOnlyList<object?[]>?, string?)? NestedInstance(string scope)
    {
        if (_iterations.Count == 0 || CurrentRow is not { } row) return null;
        if (!Declared.Groups.TryGetValue(scope, out var group)) return null;
        var iteration = _iterations.Peek();
        if (string.Equals(iteration.ScopeName, scope, StringComparison.OrdinalIgnoreCase)) return null;
        if (PathBelow(group, iteration.ScopeName) is not { } path) return null;
        var rows = iteration.Enter(group.Group.Name, row, () => Partition(iteration, path));
        return (iteration.DataSet, rows, scope);
    }

    /// <summary>The groups from below <paramref name="outer"/> down to <paramref name="group"/>; null when the group encloses the outer scope.</summary>
    private List<GroupDefinition>? PathBelow(ScopedGroup group, string? outer)
    {
        var path = new List<GroupDefinition>(group.Ancestors) { group.Group };
        if (string.IsNullOrEmpty(outer)) return path;
        int at = path.FindIndex(g => string.Equals(g.Name, outer, StringComparison.OrdinalIgnoreCase));
        if (at >= 0) return path.GetRange(at + 1, path.Count - at - 1);
        if (Declared.Groups.TryGetValue(outer, out var outerGroup) && outerGroup.Ancestors.Any(g => string.Equals(g.Name, group.Group.Name, StringComparison.OrdinalIgnoreCase)))
            return null;
        return path;
    }

    private GroupPartition Partition(AggregateIteration iteration, List<GroupDefinition> path)
    {
        var partition = new GroupPartition();
        var index = new Dictionary<GroupKey, int>();
        var saved = SetRow(iteration.DataSet, null);
        try
        {
            foreach (var row in iteration.Rows)
            {
                SetRow(iteration.DataSet, row);
                var key = new List<object?>();
                foreach (var group in path)
                {
                    if (group.IsDetails) key.Add(row);
                    else foreach (var expression in group.GroupExpressions) key.Add(Evaluator.Evaluate(expression, this));
                }
                var groupKey = new GroupKey([.. key]);
                if (!index.TryGetValue(groupKey, out var instance))
                {
                    index[groupKey] = instance = partition.Instances.Count;
                    partition.Instances.Add([]);
                }
                partition.Instances[instance].Add(row);
                partition.InstanceOf[row] = instance;
            }
        }
        finally
        {
            RestoreRow(saved);
        }
        return partition;
    }

    /// <summary>The frame RunningValue/RowNumber accumulate in: the named one, or (Nothing) the innermost data region.</summary>
    private (int Index, ScopeFrame Frame) RunningScope(string? scope)
    {
        if (_scopes.Count == 0) throw new InvalidOperationException("RunningValue and RowNumber can only be used inside a data region.");
        if (scope is not null)
        {
            int named = FindFrame(scope);
            if (named >= 0) return (named, _scopes[named]);
            if (Declared.DataSets.Contains(scope) || _dataSetByName(scope) is not null)
            {
                int region = _scopes.FindIndex(f => string.Equals(f.DataSet.Name, scope, StringComparison.OrdinalIgnoreCase));
                if (region >= 0) return (region, _scopes[region]);
            }
            throw new InvalidOperationException($"The scope '{scope}' is not a data region or group that contains this expression.");
        }
        int innermost = _scopes.FindLastIndex(f => f.IsDataRegion);
        if (innermost < 0) innermost = 0;
        return (innermost, _scopes[innermost]);
    }

    private int FindFrame(string name) =>
        _scopes.FindLastIndex(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    private object? EvaluateVariable(VariableDefinition variable)
    {
        if (_variableDepth > MaxVariableDepth) throw new InvalidOperationException($"The variable '{variable.Name}' refers to itself.");
        _variableDepth++;
        try
        {
            return Evaluator.Evaluate(variable.Value, this);
        }
        finally
        {
            _variableDepth--;
        }
    }

    /// <summary>Evaluates <paramref name="value"/> on one row of another dataset, outside the current scopes.</summary>
    private object? InRow(DataSetInstance dataSet, object?[] row, Func<object?> value) => Isolated(dataSet, row, value);

    private object? Isolated(DataSetInstance? dataSet, object?[]? row, Func<object?> value)
    {
        var scopes = _scopes.ToArray();
        var entries = _entries.ToArray();
        var iterations = _iterations.ToArray();
        _scopes.Clear();
        _entries.Clear();
        _iterations.Clear();
        var saved = SetRow(dataSet, row);
        try
        {
            return value();
        }
        finally
        {
            RestoreRow(saved);
            _scopes.Clear();
            _scopes.AddRange(scopes);
            _entries.Clear();
            _entries.AddRange(entries);
            _iterations.Clear();
            for (int i = iterations.Length - 1; i >= 0; i--) _iterations.Push(iterations[i]);
        }
    }

    private static VariableDefinition? Find(System.Collections.Immutable.ImmutableArray<VariableDefinition> variables, string name) =>
        variables.IsDefault ? null : variables.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<object?> Values(object? source) => source switch
    {
        null => [],
        string s => [s],
        IEnumerable e => e.Cast<object?>(),
        _ => [source],
    };
}
