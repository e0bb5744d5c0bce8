using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Processing.Scopes;
using Renderer.Sandbox.Runtime;
using static Renderer.Sandbox.Tests.Processing.TablixKit;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>
/// A data region nested in a tablix cell (a list grouped by customer holding a table of that customer's orders) sees
/// only its cell's rows, as in SSRS; one naming another dataset sees that whole dataset.
/// </summary>
public sealed class NestedDataRegionTests
{
    private static readonly object?[][] Orders =
    [
        ["Ann", "A1", 10m],
        ["Bob", "B1", 5m],
        ["Ann", "A2", 7m],
        ["Cid", "C1", 3m],
        ["Bob", "B2", 8m],
        ["Cid", "C2", 4m],
        ["Cid", "C3", 6m],
    ];

    private static readonly string[] Customers = ["Ann", "Bob", "Cid"];

    private static TablixKit Kit() => new(["Customer", "Item", "Amount"], Orders);

    private static decimal SumOf(string customer) => Orders.Where(o => (string)o[0]! == customer).Sum(o => (decimal)o[2]!);

    private static string[] ItemsOf(string customer) => [.. Orders.Where(o => (string)o[0]! == customer).Select(o => (string)o[1]!)];

    /// <summary>
    /// The nested table: a detail row (Item | Amount | RowNumber(Nothing) | Sum(Amount, "CustomerGroup") | Previous(Amount))
    /// and a total row (Total | Sum(Amount) | First(Item) | Last(Item) | Count(Item)).
    /// </summary>
    private static TablixDefinition OrdersTable(TablixKit k, string? dataSetName = "Data")
    {
        var detail = Row(
            k.Box(k.Field("Item")),
            k.Box(k.Field("Amount")),
            k.Box(k.Expr("=RowNumber(Nothing)", c => c.RowNumber(null))),
            k.Box(k.Sum("Amount", "CustomerGroup")),
            k.Box(k.Expr("=Previous(Fields!Amount.Value)", c => c.Previous(() => c.GetFieldValue("Amount"), null))));
        var total = Row(
            k.Text("Total"),
            k.Box(k.Sum("Amount")),
            k.Box(k.Expr("=First(Fields!Item.Value)", c => c.Aggregate(AggregateFunction.First, () => c.GetFieldValue("Item"), null))),
            k.Box(k.Expr("=Last(Fields!Item.Value)", c => c.Aggregate(AggregateFunction.Last, () => c.GetFieldValue("Item"), null))),
            k.Box(k.Expr("=Count(Fields!Item.Value)", c => c.Aggregate(AggregateFunction.Count, () => c.GetFieldValue("Item"), null))));
        var rowHierarchy = new[] { k.Dynamic(new GroupDefinition("OrderDetails", [], At)), Static() };
        return Tablix(5, [detail, total], rowHierarchy, [Static(), Static(), Static(), Static(), Static()]) with { Name = "Orders", DataSetName = dataSetName };
    }

    /// <summary>A list grouped by Customer whose one cell holds <paramref name="contents"/> (and the customer's name above it in the group header).</summary>
    private static TablixDefinition CustomerList(TablixKit k, ReportItem contents) =>
        Tablix(1, [Row(contents)], [k.Dynamic(k.Group("CustomerGroup", "Customer"), Header(40, k.Box(k.Field("Customer"))))], [Static()]) with { Name = "List" };

    /// <summary>Per list instance: the customer name and the nested table (found directly in the cell or inside a rectangle there).</summary>
    private static List<(string Customer, TablixInstance Table)> Instances(TablixInstance list) =>
        [.. list.Rows.Select(r => (((TextboxInstance)r.Cells[0]!.Value.Content).Text, NestedTable(r.Cells[1]!.Value.Content)))];

    private static TablixInstance NestedTable(ItemInstance content) => content switch
    {
        TablixInstance t => t,
        RectangleInstance r => r.Items.OfType<TablixInstance>().Single(),
        _ => throw new AssertionException($"The cell holds a {content.GetType().Name}, not a table."),
    };

    private static void AssertShowsOnlyItsCustomer(List<(string Customer, TablixInstance Table)> instances)
    {
        Assert.That(instances.Select(i => i.Customer), Is.EqualTo(Customers));
        foreach (var (customer, table) in instances)
        {
            var grid = Grid(table);
            var items = ItemsOf(customer);
            var sum = SumOf(customer);
            Assert.That(grid.SkipLast(1).Select(r => r.Split('|')[0]), Is.EqualTo(items), $"{customer}'s table lists only {customer}'s orders");
            Assert.That(grid[^1], Is.EqualTo($"Total|{sum}|{items[0]}|{items[^1]}|{items.Length}"), $"{customer}'s total, first, last and count");
        }
    }

    [Test]
    public void A_table_in_a_list_cell_shows_only_its_customers_orders_and_totals()
    {
        var k = Kit();
        var list = k.Process(CustomerList(k, OrdersTable(k)));

        Assert.That(k.Diagnostics.ToImmutable(), Is.Empty, () => string.Join("\n", k.Diagnostics.ToImmutable()));
        AssertShowsOnlyItsCustomer(Instances(list));
    }

    [Test]
    public void A_table_inside_a_rectangle_in_the_cell_is_scoped_the_same_way()
    {
        var k = Kit();
        var rectangle = new RectangleItem("Frame", default, StyleDefinition.Empty, At, [k.Text("Orders:"), OrdersTable(k)]);
        var list = k.Process(CustomerList(k, rectangle));

        AssertShowsOnlyItsCustomer(Instances(list));
    }

    [Test]
    public void A_nested_table_without_a_dataset_name_uses_the_cells_rows()
    {
        var k = Kit();
        var list = k.Process(CustomerList(k, OrdersTable(k, dataSetName: null)));

        AssertShowsOnlyItsCustomer(Instances(list));
    }

    [Test]
    public void Outer_group_scope_row_number_and_previous_work_inside_the_nested_table()
    {
        var k = Kit();
        var list = k.Process(CustomerList(k, OrdersTable(k)));

        foreach (var (customer, table) in Instances(list))
        {
            var details = Grid(table).SkipLast(1).Select(r => r.Split('|')).ToList();
            Assert.That(details.Select(d => d[2]), Is.EqualTo(Enumerable.Range(1, details.Count).Select(n => n.ToString())), $"RowNumber(Nothing) restarts at 1 in {customer}'s table");
            Assert.That(details.Select(d => d[3]), Is.All.EqualTo(SumOf(customer).ToString()), $"Sum(Amount, \"CustomerGroup\") is {customer}'s total");
            var amounts = Orders.Where(o => (string)o[0]! == customer).Select(o => o[2]!.ToString()).ToList();
            Assert.That(details.Select(d => d[4]), Is.EqualTo(new[] { "" }.Concat(amounts.SkipLast(1))), $"Previous starts over in {customer}'s table");
        }
    }

    [Test]
    public void A_table_in_a_matrix_cell_sees_the_intersection_of_its_row_and_column_instances()
    {
        var k = Kit();
        var size = new GroupDefinition("SizeGroup", [k.Expr("=Fields!Amount.Value > 5", c => (decimal)c.GetFieldValue("Amount")! > 5m)], At);
        var inner = Tablix(1, [Row(k.Box(k.Expr("=Count & Sum", c => $"{c.Aggregate(AggregateFunction.Count, () => c.GetFieldValue("Item"), null)}:{c.Aggregate(AggregateFunction.Sum, () => c.GetFieldValue("Amount"), null)}")))],
            [Static()], [Static()]) with { Name = "Inner" };
        var matrix = Tablix(1, [Row(inner)], [k.Dynamic(k.Group("CustomerGroup", "Customer"), Header(40, k.Box(k.Field("Customer"))))],
            [k.Dynamic(size, Header(12, k.Box(size.GroupExpressions[0])))]) with { Name = "Matrix" };
        var result = k.Process(matrix);

        var grid = Grid(result);
        Assert.That(grid[0], Is.EqualTo("|False|True"));
        for (int r = 1; r < result.Rows.Count; r++)
        {
            var customer = ((TextboxInstance)result.Rows[r].Cells[0]!.Value.Content).Text;
            foreach (var (column, big) in new[] { (1, false), (2, true) })
            {
                var rows = Orders.Where(o => (string)o[0]! == customer && (decimal)o[2]! > 5m == big).ToList();
                var cell = Grid((TablixInstance)result.Rows[r].Cells[column]!.Value.Content).Single();
                if (rows.Count > 0) Assert.That(cell, Is.EqualTo($"{rows.Count}:{rows.Sum(o => (decimal)o[2]!)}"), $"{customer}, amount > 5 = {big}");
                else Assert.That(cell, Does.StartWith("0:"), $"{customer}, amount > 5 = {big}: no rows");
            }
        }
    }

    [Test]
    public void A_nested_table_over_another_dataset_shows_that_whole_dataset_with_a_warning()
    {
        var k = Kit().WithDataSet("Products", ["Name", "Price"], ["Pen", 2m], ["Ink", 3m]);
        var products = Tablix(2, [Row(k.Box(k.Field("Name")), k.Box(k.Field("Price"))), Row(k.Text("Total"), k.Box(k.Sum("Price")))],
            [new TablixMember(new GroupDefinition("ProductDetails", [], At), [], [], At), Static()], [Static(), Static()]) with { Name = "Products", DataSetName = "Products" };
        var list = k.Process(CustomerList(k, products));

        var tables = Instances(list);
        Assert.That(tables, Has.Count.EqualTo(3));
        foreach (var (customer, table) in tables)
            Assert.That(Grid(table), Is.EqualTo(new[] { "Pen|2", "Ink|3", "Total|5" }), $"{customer}'s instance shows every product");
        var warnings = k.Diagnostics.ToImmutable().Where(d => d.Code == DataRegionRows.Uncorrelated).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1), "one warning for the region, not one per instance");
        Assert.That(warnings[0].Message, Does.Contain("Tablix 'Products'"));
    }

    [Test]
    public void A_top_level_table_still_sees_the_whole_dataset()
    {
        var k = Kit();
        var table = k.Process(OrdersTable(k) with { RowHierarchy = [k.Dynamic(new GroupDefinition("OrderDetails", [], At)), Static()] });

        var grid = Grid(table);
        Assert.That(grid, Has.Length.EqualTo(Orders.Length + 1));
        Assert.That(grid[^1].Split('|')[1], Is.EqualTo(Orders.Sum(o => (decimal)o[2]!).ToString()));
    }
}
