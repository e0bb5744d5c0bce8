using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;
using Rgba = Renderer.Sandbox.Pages.Rgba;
using Renderer.Sandbox.Processing.Instances;
using static Renderer.Sandbox.Tests.Processing.TablixKit;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>Adjacent groups, lists of rectangles, recursive hierarchies, visibility and conditional styles.</summary>
public sealed class TablixShapeTests
{
    private static readonly object?[][] Sales =
    [
        ["East", 2023, 10m],
        ["East", 2024, 5m],
        ["West", 2023, 7m],
        ["West", 2023, 3m],
        ["North", 2024, 1m],
        ["East", 2023, 2m],
    ];

    private static TablixKit Kit() => new(["Region", "Year", "Amount"], Sales);

    [Test]
    public void Adjacent_row_groups_each_partition_all_rows()
    {
        var k = Kit();
        var body = new[] { Row(k.Box(k.Field("Region")), k.Box(k.Sum("Amount"))), Row(k.Box(k.Field("Year")), k.Box(k.Sum("Amount"))) };
        var rows = new[] { k.Dynamic(k.Group("RegionGroup", "Region")), k.Dynamic(k.Group("YearGroup", "Year")) };
        var tablix = k.Process(Tablix(2, body, rows, [Static(), Static()]));
        Assert.That(Grid(tablix), Is.EqualTo(new[] { "East|17", "North|1", "West|10", "2023|22", "2024|6" }));
        Assert.That(tablix.Rows.Select(r => r.BodyRow), Is.EqualTo(new[] { 0, 0, 0, 1, 1 }));
    }

    [Test]
    public void Adjacent_column_groups_each_produce_their_instances()
    {
        var k = Kit();
        var body = new[] { Row(k.Box(k.Sum("Amount")), k.Box(k.Sum("Amount"))) };
        var columns = new[]
        {
            k.Dynamic(k.Group("RegionGroup", "Region"), Header(12, k.Box(k.Field("Region")))),
            k.Dynamic(k.Group("YearGroup", "Year"), Header(12, k.Box(k.Field("Year")))),
        };
        var tablix = k.Process(Tablix(2, body, [Static()], columns));
        Assert.That(Grid(tablix), Is.EqualTo(new[] { "East|North|West|2023|2024", "17|1|10|22|6" }));
    }

    [Test]
    public void List_repeats_a_rectangle_with_positioned_items_per_group()
    {
        var k = Kit();
        var label = k.Box(k.Field("Region")) with { Bounds = new ItemBounds(new ReportSize(0), new ReportSize(0), new ReportSize(50), new ReportSize(12)) };
        var total = k.Box(k.Sum("Amount")) with { Bounds = new ItemBounds(new ReportSize(14), new ReportSize(60), new ReportSize(40), new ReportSize(12)) };
        var panel = new RectangleItem("Panel", new ItemBounds(default, default, new ReportSize(100), new ReportSize(30)), StyleDefinition.Empty, At, [label, total]);
        var tablix = k.Process(Tablix(1, [Row(panel)], [k.Dynamic(k.Group("RegionGroup", "Region"))], [Static()]));
        Assert.That(tablix.Rows, Has.Count.EqualTo(3));
        var panels = tablix.Rows.Select(r => (RectangleInstance)r.Cells[0]!.Value.Content).ToList();
        Assert.That(panels.Select(p => string.Join(",", p.Items.OfType<TextboxInstance>().Select(t => t.Text))), Is.EqualTo(new[] { "East,17", "North,1", "West,10" }));
        Assert.That(panels[0].Items[1].Top, Is.EqualTo(14));
        Assert.That(panels[0].Items[1].Left, Is.EqualTo(60));
    }

    [Test]
    public void Recursive_hierarchy_is_depth_first_with_levels_and_recursive_rows()
    {
        var k = new TablixKit(["Id", "Boss", "Name"], [[1, null, "CEO"], [2, 1, "CFO"], [3, 1, "CTO"], [4, 3, "Dev"], [5, 2, "Acct"]]);
        var level = k.Expr("=Level()", c => c.Scopes.Last(f => f.RecursiveLevel is not null).RecursiveLevel);
        var below = k.Expr("=Count(Fields!Id.Value, \"Emp\", Recursive)", c => c.Scopes.Last(f => f.RecursiveRows is not null).RecursiveRows!.Count);
        var group = k.Group("Emp", "Id") with { Parent = k.Field("Boss") };
        var tablix = k.Process(Tablix(3, [Row(k.Box(k.Field("Name")), k.Box(level), k.Box(below))], [k.Dynamic(group)], [Static(), Static(), Static()]));
        Assert.That(Grid(tablix), Is.EqualTo(new[] { "CEO|0|5", "CFO|1|2", "Acct|2|1", "CTO|1|2", "Dev|2|1" }));
    }

    [Test]
    public void Hidden_members_are_skipped_and_a_collapsed_group_keeps_one_row()
    {
        var k = Kit();
        var hideNorth = k.Expr("=Fields!Region.Value = \"North\"", c => Equals(c.GetFieldValue("Region"), "North"));
        var body = new[] { Row(k.Text("Header")), Row(k.Box(k.Field("Region"))) };
        var rows = new[] { Static(), k.Dynamic(k.Group("RegionGroup", "Region")) with { Hidden = hideNorth } };
        Assert.That(Grid(k.Process(Tablix(1, body, rows, [Static()]))), Is.EqualTo(new[] { "Header", "East", "West" }));

        var k2 = Kit();
        var not2024 = new FilterDefinition(k2.Field("Year"), "NotEqual", [new ExpressionText("2024", At, "Test")], At);
        var hidden = new ExpressionText("true", At, "Test");
        var details = k2.Dynamic(new GroupDefinition("Details", [], At)) with { Hidden = hidden, ToggleItem = "tb1" };
        var collapsed = k2.Process(Tablix(2, [Row(k2.Box(k2.Field("Region")), k2.Box(k2.Sum("Amount")))],
            [k2.Dynamic(k2.Group("RegionGroup", "Region"), null, details)], [Static(), Static() with { Hidden = hidden }]));
        Assert.That(Grid(collapsed), Is.EqualTo(new[] { "East", "North", "West" }), "details hidden: one row per region; hidden column dropped");
        Assert.That(collapsed.ColumnWidths, Has.Length.EqualTo(1));
    }

    [Test]
    public void Conditional_style_expressions_are_evaluated_per_cell()
    {
        var k = Kit();
        var color = k.Expr("=IIf(Sum(Amount) > 5, \"Red\", \"Green\")", c => (decimal)c.Aggregate(Renderer.Sandbox.Runtime.AggregateFunction.Sum, () => c.GetFieldValue("Amount"), null)! > 5 ? "Red" : "Green");
        var weight = k.Expr("=IIf(Region = \"East\", \"Bold\", \"Normal\")", c => Equals(c.GetFieldValue("Region"), "East") ? "Bold" : "Normal");
        var background = k.Expr("=IIf(Region = \"West\", \"Yellow\", \"White\")", c => Equals(c.GetFieldValue("Region"), "West") ? "Yellow" : "White");
        var format = k.Expr("=IIf(Region = \"North\", \"0.00\", \"0\")", c => Equals(c.GetFieldValue("Region"), "North") ? "0.00" : "0");
        var style = new StyleDefinition(StyleDefinition.Empty.Properties.Add("Color", color).Add("FontWeight", weight).Add("BackgroundColor", background).Add("Format", format));
        var tablix = k.Process(Tablix(1, [Row(k.Box(k.Sum("Amount"), style))], [k.Dynamic(k.Group("RegionGroup", "Region"))], [Static()]));
        var cells = tablix.Rows.Select(r => (TextboxInstance)r.Cells[0]!.Value.Content).ToList();
        Assert.That(cells.Select(c => c.Text), Is.EqualTo(new[] { "17", "1.00", "10" }));
        Assert.That(cells.Select(c => c.Style.Text.Color), Is.EqualTo(new[] { new Rgba(255, 0, 0), new Rgba(0, 128, 0), new Rgba(255, 0, 0) }));
        Assert.That(cells.Select(c => c.Style.Text.Bold), Is.EqualTo(new[] { true, false, false }));
        Assert.That(cells[2].Style.Box.Background, Is.EqualTo(new Rgba(255, 255, 0)));
        Assert.That(cells[0].Style.Box.Background, Is.EqualTo(new Rgba(255, 255, 255)));
    }

    [Test]
    public void Group_filters_keep_whole_instances_and_tablix_filters_rows()
    {
        var k = Kit();
        var top2 = new FilterDefinition(k.Sum("Amount"), "TopN", [new ExpressionText("2", At, "Test")], At);
        var group = k.Group("RegionGroup", "Region") with { Filters = [top2] };
        var definition = Tablix(2, [Row(k.Box(k.Field("Region")), k.Box(k.Sum("Amount")))], [k.Dynamic(group)], [Static(), Static()]);
        Assert.That(Grid(k.Process(definition)), Is.EqualTo(new[] { "East|17", "West|10" }));
        var k2 = Kit();
        var not2024 = new FilterDefinition(k2.Field("Year"), "NotEqual", [new ExpressionText("2024", At, "Test")], At);
        var filtered = Tablix(2, [Row(k2.Box(k2.Field("Region")), k2.Box(k2.Sum("Amount")))], [k2.Dynamic(k2.Group("RegionGroup", "Region"))], [Static(), Static()]) with { Filters = [not2024] };
        Assert.That(Grid(k2.Process(filtered)), Is.EqualTo(new[] { "East|12", "West|10" }));
    }
}
