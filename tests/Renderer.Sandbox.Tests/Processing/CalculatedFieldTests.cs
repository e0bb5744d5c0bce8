using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Tests.Processing;

public sealed class CalculatedFieldTests
{
    private static readonly SourceLocation At = new("test.rdl", 1, 1);
    private readonly FakeEvaluator _fake = new();
    private int _evaluations;

    [SetUp]
    public void ResetCount() => _evaluations = 0;

    private (ProcessingContext Context, DataSetInstance Data) Orders()
    {
        var amount = _fake.Expr("=Fields!Quantity.Value * Fields!Price.Value", c =>
        {
            _evaluations++;
            return (int)c.GetFieldValue("Quantity")! * (decimal)c.GetFieldValue("Price")!;
        });
        var dataSet = new DataSetDefinition("Orders", new QueryDefinition("Db", "q", null, [], At),
        [
            new FieldDefinition("Quantity", "Quantity", null, null, At),
            new FieldDefinition("Price", "Price", null, null, At),
            new FieldDefinition("Amount", null, amount, null, At),
        ], At);
        var data = new DataSetInstance(dataSet, new DataSetRows(["Quantity", "Price"], [[2, 1.5m], [3, 2m], [1, 10m]]));
        var context = new ProcessingContext(_fake, new Dictionary<string, ReportParameter>(), new Dictionary<string, object?>(), "me", _ => data);
        return (context, data);
    }

    [Test]
    public void A_calculated_field_is_evaluated_once_per_row_however_often_it_is_read()
    {
        var (context, data) = Orders();
        var amounts = new List<object?>();
        foreach (var row in data.Rows)
        {
            context.SetRow(data, row);
            amounts.Add(context.GetFieldValue("Amount"));
            amounts.Add(context.GetFieldValue("Amount"));
        }

        var total = 0m;
        foreach (var row in data.Rows)
        {
            context.SetRow(data, row);
            total += (decimal)context.GetFieldValue("Amount")!;
        }

        Assert.That(amounts, Is.EqualTo(new object?[] { 3m, 3m, 6m, 6m, 10m, 10m }));
        Assert.That(total, Is.EqualTo(19m));
        Assert.That(_evaluations, Is.EqualTo(3));
    }

    [Test]
    public void A_failing_calculated_field_fails_again_on_every_read()
    {
        var boom = _fake.Expr("=1/0", _ =>
        {
            _evaluations++;
            throw new DivideByZeroException();
        });
        var dataSet = new DataSetDefinition("Orders", new QueryDefinition("Db", "q", null, [], At),
            [new FieldDefinition("Quantity", "Quantity", null, null, At), new FieldDefinition("Broken", null, boom, null, At)], At);
        var data = new DataSetInstance(dataSet, new DataSetRows(["Quantity"], [[1]]));
        var context = new ProcessingContext(_fake, new Dictionary<string, ReportParameter>(), new Dictionary<string, object?>(), "me", _ => data);
        context.SetRow(data, data.Rows[0]);

        Assert.Throws<DivideByZeroException>(() => context.GetFieldValue("Broken"));
        Assert.Throws<DivideByZeroException>(() => context.GetFieldValue("Broken"));
        Assert.That(_evaluations, Is.EqualTo(2));
        Assert.That(context.GetFieldValue("Quantity"), Is.EqualTo(1));
    }
}
