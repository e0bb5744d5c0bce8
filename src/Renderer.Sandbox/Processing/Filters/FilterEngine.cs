using System.Collections.Immutable;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Renderer.Sandbox.Processing.Filters;

/// <summary>
/// Applies RDL &lt;Filters&gt; with SSRS semantics, at three levels: dataset rows (after the query), data region rows, and group
/// instances (a group filter keeps or drops whole instances; its expression is evaluated in the group's scope, on the
/// instance's first row, so aggregates cover the instance).
/// <list type="bullet">
/// <item>Several filters all have to pass (AND), applied in document order, each to what the previous ones kept.</item>
/// <item>The filter value is converted to the type of the expression's value (see <see cref="FilterComparer"/>).</item>
/// <item>TopN/BottomN keep the N highest/lowest values <b>and every item tied with the Nth</b> (SSRS returns ties, so a
/// "Top 3" over 10, 9, 9, 9 keeps four rows); TopPercent/BottomPercent keep ceiling(count × percent / 100) items, with ties.
/// Nulls rank lowest. Kept items stay in their original order.</item>
/// <item>A null expression value passes Equal only against a null value and NotEqual only against a non-null value; it fails
/// every other comparison.</item>
/// <item>In compares with every value, flattening array values (e.g. <c>=Parameters!Regions.Value</c>); Between is inclusive.</item>
/// </list>
/// Failures throw <see cref="FilterException"/> (PRC4010) naming the filter.
/// </summary>
internal static class FilterEngine
{
    /// <summary>Filters rows of <paramref name="dataSet"/>; <paramref name="owner"/> names the dataset or data region in messages.</summary>
    public static IReadOnlyList<object?[]> Apply(
        ProcessingContext context, DataSetInstance dataSet, IReadOnlyList<object?[]> rows, ImmutableArray<FilterDefinition> filters, string owner)
    {
        if (filters.IsDefaultOrEmpty) return rows;
        var saved = context.SetRow(dataSet, null);
        try
        {
            return Run(rows, filters, owner, (row, expression) =>
            {
                context.SetRow(dataSet, row);
                return context.Evaluator.Evaluate(expression, context);
            });
        }
        finally
        {
            context.RestoreRow(saved);
        }
    }

    /// <summary>Filters group instances (each a list of rows) of group <paramref name="groupName"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<object?[]>> ApplyToGroups(
        ProcessingContext context, DataSetInstance dataSet, IReadOnlyList<IReadOnlyList<object?[]>> instances, ImmutableArray<FilterDefinition> filters, string groupName)
    {
        if (filters.IsDefaultOrEmpty) return instances;
        return Run(instances, filters, $"Group '{groupName}'", (instance, expression) =>
        {
            context.PushScope(new ScopeFrame(groupName, dataSet, instance));
            var saved = context.SetRow(dataSet, instance.Count > 0 ? instance[0] : null);
            try
            {
                return context.Evaluator.Evaluate(expression, context);
            }
            finally
            {
                context.RestoreRow(saved);
                context.PopScope();
            }
        });
    }

    internal static List<T> Run<T>(IReadOnlyList<T> items, ImmutableArray<FilterDefinition> filters, string owner, Func<T, ExpressionText, object?> evaluate)
    {
        var current = items as List<T> ?? [.. items];
        for (int f = 0; f < filters.Length && current.Count > 0; f++)
        {
            var filter = filters[f];
            var name = $"{owner}.Filters[{f}]";
            try
            {
                current = ApplyOne(current, filter, name, evaluate);
            }
            catch (FilterException)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                throw Fail(filter, name, ex.Message);
            }
        }
        return current;
    }

    private static List<T> ApplyOne<T>(List<T> items, FilterDefinition filter, string name, Func<T, ExpressionText, object?> evaluate)
    {
        if (!FilterOperators.TryParse(filter.Operator, out var op))
            throw Fail(filter, name, $"the operator '{filter.Operator}' is not a filter operator (Equal, NotEqual, GreaterThan, GreaterThanOrEqual, LessThan, LessThanOrEqual, Like, TopN, BottomN, TopPercent, BottomPercent, In, Between)");
        var expected = op switch
        {
            FilterOperator.In => -1,
            FilterOperator.Between => 2,
            _ => 1,
        };
        if (expected > 0 && filter.Values.Length != expected || expected < 0 && filter.Values.IsDefaultOrEmpty)
            throw Fail(filter, name, $"the {op} operator needs {(expected < 0 ? "at least one value" : expected == 1 ? "exactly one value" : "exactly two values")}, but the filter has {filter.Values.Length}");

        if (op.IsRanking()) return Rank(items, filter, op, evaluate);

        var constants = filter.Values.Select(v => v.IsExpression ? null : new Box(v.Raw)).ToArray();
        var kept = new List<T>(items.Count);
        foreach (var item in items)
        {
            var left = evaluate(item, filter.Expression);
            var values = new object?[filter.Values.Length];
            for (int i = 0; i < values.Length; i++) values[i] = constants[i] is { } c ? c.Value : evaluate(item, filter.Values[i]);
            if (Passes(op, left, values)) kept.Add(item);
        }
        return kept;
    }

    private static bool Passes(FilterOperator op, object? left, object?[] values)
    {
        if (op == FilterOperator.In)
            return values.SelectMany(FilterComparer.Flatten).Any(v => FilterComparer.AreEqual(left, v));
        var value = values[0];
        if (FilterComparer.IsNull(left) || (FilterComparer.IsNull(value) && op != FilterOperator.Between))
        {
            return op switch
            {
                FilterOperator.Equal => FilterComparer.IsNull(left) && FilterComparer.IsNull(value),
                FilterOperator.NotEqual => FilterComparer.IsNull(left) != FilterComparer.IsNull(value),
                _ => false,
            };
        }
        return op switch
        {
            FilterOperator.Equal => FilterComparer.Compare(left!, value!) == 0,
            FilterOperator.NotEqual => FilterComparer.Compare(left!, value!) != 0,
            FilterOperator.GreaterThan => FilterComparer.Compare(left!, value!) > 0,
            FilterOperator.GreaterThanOrEqual => FilterComparer.Compare(left!, value!) >= 0,
            FilterOperator.LessThan => FilterComparer.Compare(left!, value!) < 0,
            FilterOperator.LessThanOrEqual => FilterComparer.Compare(left!, value!) <= 0,
            FilterOperator.Like => LikePattern.IsMatch(FilterComparer.ToText(left), FilterComparer.ToText(value)),
            FilterOperator.Between => !FilterComparer.IsNull(values[0]) && !FilterComparer.IsNull(values[1])
                && FilterComparer.Compare(left!, values[0]!) >= 0 && FilterComparer.Compare(left!, values[1]!) <= 0,
            _ => false,
        };
    }

    private static List<T> Rank<T>(List<T> items, FilterDefinition filter, FilterOperator op, Func<T, ExpressionText, object?> evaluate)
    {
        var amount = evaluate(items[0], filter.Values[0]);
        var keys = items.Select(i => evaluate(i, filter.Expression)).ToArray();
        int take = op is FilterOperator.TopN or FilterOperator.BottomN
            ? FilterComparer.ToCount(amount, "TopN/BottomN count")
            : (int)Math.Ceiling(items.Count * Math.Clamp(FilterComparer.ToPercent(amount), 0, 100) / 100.0 - 1e-9);
        if (take <= 0) return [];
        if (take >= items.Count) return items;

        bool top = op is FilterOperator.TopN or FilterOperator.TopPercent;
        int Order(int a, int b) => top ? FilterComparer.CompareForRanking(keys[b], keys[a]) : FilterComparer.CompareForRanking(keys[a], keys[b]);
        var ranked = Enumerable.Range(0, items.Count).ToArray();
        Array.Sort(ranked, (a, b) => Order(a, b) is var c && c != 0 ? c : a.CompareTo(b));
        var threshold = keys[ranked[take - 1]];
        var keep = new bool[items.Count];
        for (int i = 0; i < ranked.Length; i++)
        {
            if (i < take || FilterComparer.CompareForRanking(keys[ranked[i]], threshold) == 0) keep[ranked[i]] = true;
            else break;
        }
        var kept = new List<T>(take);
        for (int i = 0; i < items.Count; i++)
            if (keep[i]) kept.Add(items[i]);
        return kept;
    }

    private static FilterException Fail(FilterDefinition filter, string name, string reason) =>
        new(RdlDiagnostic.Error(FilterException.Code,
            $"The filter {name} ({filter.Expression.Raw} {filter.Operator} {string.Join(", ", filter.Values.Select(v => v.Raw))}) cannot be applied: {reason}.",
            filter.Location, name, filter.Expression.Raw));

    private sealed record Box(object? Value);
}
