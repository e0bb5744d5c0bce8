using System.Collections.Immutable;
using System.Globalization;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>Grouping, sorting and group-scoped aggregates of a table-shaped tablix.</summary>
public sealed class TablixProcessorTests
{
    private static readonly SourceLocation At = new("test.rdl", 1, 1);
    private readonly FakeEvaluator _fake = new();

    private static readonly object?[][] Orders =
    [
        ["West", 10m, 2],
        ["East", 5m, 1],
        ["West", 7.5m, null],
        ["North", 1m, 4],
        ["East", 2.25m, 3],
    ];

    private Textbox Box(string name, ExpressionText value) =>
        new(name, default, StyleDefinition.Empty, At, [new Paragraph([new TextRun(value, StyleDefinition.Empty, At)], StyleDefinition.Empty)]);

    private ExpressionText Field(string name) => _fake.Expr($"=Fields!{name}.Value", c => c.GetFieldValue(name));

    private ExpressionText Agg(AggregateFunction f, string field, string? scope = null) =>
        _fake.Expr($"={f}(Fields!{field}.Value)", c => c.Aggregate(f, () => c.GetFieldValue(field), scope));

    private (TablixInstance Tablix, DiagnosticBag Diagnostics) Process(bool descending = false)
    {
        var dataSet = new DataSetDefinition("Orders", new QueryDefinition("Db", "q", null, [], At),
            [new FieldDefinition("Region", "Region", null, null, At), new FieldDefinition("Amount", "Amount", null, null, At), new FieldDefinition("Qty", "Qty", null, null, At)], At);
        var rows = new TablixRow[]
        {
            new(new ReportSize(12), [new TablixCell(Box("Region", Field("Region"))), new TablixCell(Box("Amount", Field("Amount")))]),
            new(new ReportSize(12), [new TablixCell(Box("GroupLabel", Field("Region"))), new TablixCell(Box("GroupSum", Agg(AggregateFunction.Sum, "Amount")))]),
            new(new ReportSize(12), [new TablixCell(Box("Count", Agg(AggregateFunction.Count, "Qty"))), new TablixCell(Box("Total", Agg(AggregateFunction.Sum, "Amount", "Orders")))]),
        };
        var regionGroup = new GroupDefinition("RegionGroup", [Field("Region")], At);
        var hierarchy = ImmutableArray.Create(
            new TablixMember(regionGroup, [new SortExpression(Field("Region"), descending)],
                [new TablixMember(new GroupDefinition("Details", [], At), [], [], At), new TablixMember(null, [], [], At)], At),
            new TablixMember(null, [], [], At));
        var tablix = new TablixDefinition("T", default, StyleDefinition.Empty, At, "Orders", [new ReportSize(72), new ReportSize(72)], [.. rows], hierarchy, []);

        var data = new DataSetInstance(dataSet, new DataSetRows(["Region", "Amount", "Qty"], Orders.Select(r => (object?[])r.Clone()).ToList()));
        var diagnostics = new DiagnosticBag();
        var context = new ProcessingContext(_fake, new Dictionary<string, ReportParameter>(), new Dictionary<string, object?>(), "me", n => n.Length == 0 || n == "Orders" ? data : null);
        TablixProcessor? processor = null;
        var items = new ItemEvaluator(context, diagnostics, CultureInfo.InvariantCulture, t => processor!.Process(t));
        processor = new TablixProcessor(context, items, _ => data);
        return (processor.Process(tablix), diagnostics);
    }

    private static string[] Texts(TablixInstance tablix, int column) =>
        tablix.Rows.Select(r => r.Cells[column]?.Content is TextboxInstance t ? t.Text : "").ToArray();

    [Test]
    public void Groups_are_sorted_and_each_footer_sums_its_own_rows()
    {
        var (tablix, diagnostics) = Process();
        Assert.That(diagnostics.HasErrors, Is.False);
        Assert.That(Texts(tablix, 0), Is.EqualTo(new[] { "East", "East", "East", "North", "North", "West", "West", "West", "4" }));
        Assert.That(Texts(tablix, 1), Is.EqualTo(new[] { "5", "2.25", "7.25", "1", "1", "10", "7.5", "17.5", "25.75" }));
    }

    [Test]
    public void Descending_sort_reverses_the_groups()
    {
        var (tablix, _) = Process(descending: true);
        Assert.That(Texts(tablix, 0).Where((_, i) => tablix.Rows[i].BodyRow == 1), Is.EqualTo(new[] { "West", "North", "East" }));
    }

    [Test]
    public void Sum_keeps_decimal_values_typed_and_count_ignores_nulls()
    {
        var (tablix, _) = Process();
        var total = (TextboxInstance)tablix.Rows[^1].Cells[1]!.Value.Content;
        Assert.That(total.Value, Is.EqualTo(25.75m));
        var count = (TextboxInstance)tablix.Rows[^1].Cells[0]!.Value.Content;
        Assert.That(count.Value, Is.EqualTo(4), "Count skips the null quantity");
    }
}
