using System.Collections.Immutable;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Processing.Filters;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>Every RDL filter operator with SSRS's typing rules, at dataset, region and group level.</summary>
public sealed class FilterEngineTests
{
    private static readonly SourceLocation At = new("test.rdl", 3, 7);
    private static readonly ExpressionText Value = new("=Fields!X.Value", At, "Filter");

    private static ExpressionText Const(string raw) => new(raw, At, "FilterValue");

    private static FilterDefinition Filter(string op, params object?[] values) =>
        new(Value, op, [.. values.Select(v => v as ExpressionText ?? Const(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!))], At);

    /// <summary>Filters plain values: the filter expression yields the item itself; constant values are their RDL text.</summary>
    private static List<object?> Run(IEnumerable<object?> items, params FilterDefinition[] filters) =>
        FilterEngine.Run(items.ToList(), [.. filters], "DataSet 'D'", (item, e) => ReferenceEquals(e, Value) ? item : e.IsExpression ? ExpressionValue(e) : e.Raw);

    private static object? ExpressionValue(ExpressionText e) => e.Raw switch
    {
        "=Parameters!Regions.Value" => new object?[] { "East", "West" },
        "=CDec(100)" => 100m,
        "=Nothing" => null,
        _ => throw new InvalidOperationException(e.Raw),
    };

    private static readonly object?[] Numbers = [5m, 100m, 250.5m, null, 100m, 42m];

    [Test]
    public void Equal_converts_the_text_value_to_the_decimal_type_of_the_expression() =>
        Assert.That(Run(Numbers, Filter("Equal", "100")), Is.EqualTo(new object?[] { 100m, 100m }));

    [Test]
    public void NotEqual_keeps_the_nulls_and_the_others() =>
        Assert.That(Run(Numbers, Filter("NotEqual", "100")), Is.EqualTo(new object?[] { 5m, 250.5m, null, 42m }));

    [TestCase("GreaterThan", new[] { 250.5 })]
    [TestCase("GreaterThanOrEqual", new[] { 100.0, 250.5, 100.0 })]
    [TestCase("LessThan", new[] { 5.0, 42.0 })]
    [TestCase("LessThanOrEqual", new[] { 5.0, 100.0, 100.0, 42.0 })]
    public void Comparisons_skip_nulls_and_compare_as_numbers(string op, double[] expected) =>
        Assert.That(Run(Numbers, Filter(op, "100")).Select(Convert.ToDouble), Is.EqualTo(expected));

    [Test]
    public void An_expression_value_of_another_numeric_type_compares_by_value() =>
        Assert.That(Run([99, 100, 101L], Filter("GreaterThanOrEqual", new ExpressionText("=CDec(100)", At, "v"))), Is.EqualTo(new object?[] { 100, 101L }));

    [Test]
    public void A_numeric_string_expression_compared_with_a_number_compares_as_a_number() =>
        Assert.That(FilterEngine.Run(["9", "10", "100"], [new FilterDefinition(Value, "GreaterThan", [new ExpressionText("=CDec(9)", At, "v")], At)], "T",
            (item, e) => ReferenceEquals(e, Value) ? item : 9m), Is.EqualTo(new[] { "10", "100" }));

    [Test]
    public void Dates_compare_with_a_date_text_value() =>
        Assert.That(Run([new DateTime(2023, 12, 31), new DateTime(2024, 1, 1), new DateTime(2024, 6, 1)], Filter("GreaterThanOrEqual", "2024-01-01")),
            Is.EqualTo(new object?[] { new DateTime(2024, 1, 1), new DateTime(2024, 6, 1) }));

    [Test]
    public void Between_is_inclusive_on_both_ends() =>
        Assert.That(Run(Numbers, Filter("Between", "42", "100")), Is.EqualTo(new object?[] { 100m, 100m, 42m }));

    [Test]
    public void Like_uses_vb_wildcards_case_insensitively()
    {
        object?[] territories = ["Northeast", "Southeast", "Central", "NORTHWEST", "Northeast2", null];
        Assert.That(Run(territories, Filter("Like", "*east")), Is.EqualTo(new object?[] { "Northeast", "Southeast" }));
        Assert.That(Run(territories, Filter("Like", "north????")), Is.EqualTo(new object?[] { "Northeast", "NORTHWEST" }));
        Assert.That(Run(territories, Filter("Like", "*#")), Is.EqualTo(new object?[] { "Northeast2" }));
        Assert.That(Run(territories, Filter("Like", "[!NS]*")), Is.EqualTo(new object?[] { "Central" }));
        Assert.That(Run(territories, Filter("Like", "%o%th*")), Is.EqualTo(new object?[] { "Northeast", "Southeast", "NORTHWEST", "Northeast2" }));
    }

    [Test]
    public void Like_treats_regex_characters_literally() =>
        Assert.That(Run(["a.b", "axb", "(x)"], Filter("Like", "a.b")), Is.EqualTo(new object?[] { "a.b" }));

    [Test]
    public void In_matches_any_listed_value_and_flattens_a_multi_value_parameter()
    {
        object?[] regions = ["East", "West", "North", "east"];
        Assert.That(Run(regions, Filter("In", "North", "South")), Is.EqualTo(new object?[] { "North" }));
        Assert.That(Run(regions, Filter("In", new ExpressionText("=Parameters!Regions.Value", At, "v"))), Is.EqualTo(new object?[] { "East", "West", "east" }));
    }

    [Test]
    public void Equal_nothing_keeps_only_nulls() =>
        Assert.That(Run(Numbers, Filter("Equal", new ExpressionText("=Nothing", At, "v"))), Is.EqualTo(new object?[] { null }));

    [Test]
    public void TopN_keeps_the_n_highest_plus_ties_with_the_nth_in_original_order()
    {
        object?[] values = [10, 9, 3, 9, 9, 1];
        Assert.That(Run(values, Filter("TopN", "2")), Is.EqualTo(new object?[] { 10, 9, 9, 9 }), "SSRS includes every row tied with the Nth");
        Assert.That(Run(values, Filter("TopN", "1")), Is.EqualTo(new object?[] { 10 }));
        Assert.That(Run(values, Filter("TopN", "10")), Is.EqualTo(values));
        Assert.That(Run(values, Filter("TopN", "0")), Is.Empty);
    }

    [Test]
    public void BottomN_keeps_the_lowest_with_nulls_ranked_lowest() =>
        Assert.That(Run(Numbers, Filter("BottomN", "2")), Is.EqualTo(new object?[] { 5m, null }));

    [Test]
    public void TopPercent_and_BottomPercent_round_the_count_up_and_keep_ties()
    {
        object?[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.That(Run(values, Filter("TopPercent", "25")), Is.EqualTo(new object?[] { 8, 9, 10 }), "ceiling(10 x 25%) = 3");
        Assert.That(Run(values, Filter("BottomPercent", "20")), Is.EqualTo(new object?[] { 1, 2 }));
        Assert.That(Run([5, 5, 5, 1], Filter("TopPercent", "25")), Is.EqualTo(new object?[] { 5, 5, 5 }));
    }

    [Test]
    public void Several_filters_must_all_pass() =>
        Assert.That(Run(Numbers, Filter("GreaterThan", "10"), Filter("LessThan", "200")), Is.EqualTo(new object?[] { 100m, 100m, 42m }));

    [Test]
    public void A_value_that_cannot_be_converted_is_an_error_naming_the_filter()
    {
        var ex = Assert.Throws<FilterException>(() => Run(Numbers, Filter("GreaterThan", "lots")));
        Assert.That(ex!.Diagnostic.Code, Is.EqualTo("PRC4010"));
        Assert.That(ex.Diagnostic.Message, Does.Contain("DataSet 'D'.Filters[0]").And.Contain("lots"));
        Assert.That(ex.Diagnostic.Location, Is.EqualTo(At));
    }

    [Test]
    public void A_text_expression_compared_with_a_number_it_cannot_be_is_an_error()
    {
        var ex = Assert.Throws<FilterException>(() => FilterEngine.Run(["abc"], [new FilterDefinition(Value, "GreaterThan", [new ExpressionText("=CDec(1)", At, "v")], At)], "T",
            (item, e) => ReferenceEquals(e, Value) ? item : 1m));
        Assert.That(ex!.Message, Does.Contain("abc"));
    }

    [TestCase("Equal")]
    [TestCase("Between", "1")]
    [TestCase("Bogus", "1")]
    public void Wrong_value_counts_and_unknown_operators_are_errors(string op, params string[] values)
    {
        var ex = Assert.Throws<FilterException>(() => Run(Numbers, Filter(op, values)));
        Assert.That(ex!.Message, Does.Contain("Filters[0]"));
    }

    private readonly FakeEvaluator _fake = new();

    private (ProcessingContext Context, DataSetInstance Data) Orders()
    {
        var dataSet = new DataSetDefinition("Orders", new QueryDefinition("Db", "q", null, [], At),
            [new FieldDefinition("Region", "Region", null, null, At), new FieldDefinition("Amount", "Amount", null, null, At)], At);
        var data = new DataSetInstance(dataSet, new DataSetRows(["Region", "Amount"], [["West", 10m], ["East", 5m], ["West", 7.5m], ["North", 1m], ["East", 2.25m]]));
        var context = new ProcessingContext(_fake, new Dictionary<string, ReportParameter>(), new Dictionary<string, object?>(), "me", _ => data);
        return (context, data);
    }

    [Test]
    public void Rows_are_filtered_with_each_row_current()
    {
        var (context, data) = Orders();
        var filter = new FilterDefinition(_fake.Expr("=Fields!Region.Value", c => c.GetFieldValue("Region")), "Equal", [Const("West")], At);

        var kept = FilterEngine.Apply(context, data, data.Rows, [filter], "Tablix 'T'");

        Assert.That(kept.Select(r => r[1]), Is.EqualTo(new object?[] { 10m, 7.5m }));
        Assert.That(context.CurrentRow, Is.Null, "the previous row is restored");
    }

    [Test]
    public void Group_filters_drop_whole_instances_by_their_aggregate()
    {
        var (context, data) = Orders();
        var groups = data.Rows.GroupBy(r => r[0]).Select(g => (IReadOnlyList<object?[]>)g.ToList()).ToList();
        var sum = _fake.Expr("=Sum(Fields!Amount.Value)", c => c.Aggregate(AggregateFunction.Sum, () => c.GetFieldValue("Amount"), null));

        var kept = FilterEngine.ApplyToGroups(context, data, groups, [new FilterDefinition(sum, "GreaterThan", [Const("5")], At)], "RegionGroup");
        var top = FilterEngine.ApplyToGroups(context, data, groups, [new FilterDefinition(sum, "TopN", [Const("1")], At)], "RegionGroup");

        Assert.That(kept.Select(g => g[0][0]), Is.EqualTo(new[] { "West", "East" }), "West 17.5 and East 7.25 pass; North 1 fails");
        Assert.That(top.Select(g => g[0][0]), Is.EqualTo(new[] { "West" }));
        Assert.That(kept.Single(g => (string)g[0][0]! == "West"), Has.Count.EqualTo(2), "kept instances keep all their rows");
    }
}
