using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Runtime;
using static Renderer.Sandbox.Tests.Processing.TablixKit;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>Matrix shape: dynamic column groups, row and column subtotals, headers, corner, intersection scope.</summary>
public sealed class TablixMatrixTests
{
    private static readonly object?[][] Sales =
    [
        ["East", 2023, "H1", 10m],
        ["East", 2024, "H2", 5m],
        ["West", 2023, "H2", 7m],
        ["West", 2023, "H1", 3m],
        ["North", 2024, "H1", 1m],
        ["East", 2023, "H1", 2m],
    ];

    private static TablixKit Kit() => new(["Region", "Year", "Half", "Amount"], Sales);

    /// <summary>Rows = Region (+ Total row), columns = Year (+ Total column), cells = Sum(Amount).</summary>
    private static TablixDefinition RegionByYear(TablixKit k, Func<ExpressionText>? cell = null)
    {
        cell ??= () => k.Sum("Amount");
        var body = new[] { Row(k.Box(cell()), k.Box(cell())), Row(k.Box(cell()), k.Box(cell())) };
        var rowHierarchy = new[] { k.Dynamic(k.Group("RegionGroup", "Region"), Header(60, k.Box(k.Field("Region")))), Static(Header(60, k.Text("Total"))) };
        var columnHierarchy = new[] { k.Dynamic(k.Group("YearGroup", "Year"), Header(14, k.Box(k.Field("Year")))), Static(Header(14, k.Text("Total"))) };
        return Tablix(2, body, rowHierarchy, columnHierarchy) with { CornerRows = [[new TablixCell(k.Text("Region"))]] };
    }

    [Test]
    public void Region_by_year_matrix_has_row_and_column_subtotals_equal_to_hand_computed_sums()
    {
        var k = Kit();
        var tablix = k.Process(RegionByYear(k));
        Assert.That(k.Diagnostics.HasErrors, Is.False);
        Assert.That(Grid(tablix), Is.EqualTo(new[]
        {
            "Region|2023|2024|Total",
            "East|12|5|17",
            "North||1|1",
            "West|10||10",
            "Total|22|6|28",
        }));
        Assert.That(tablix.RowHeaderColumns, Is.EqualTo(1));
        Assert.That(tablix.ColumnHeaderRows, Is.EqualTo(1));
        Assert.That(tablix.ColumnWidths, Is.EqualTo(new[] { 60d, 50, 50, 50 }), "header width from TablixHeader.Size, one body width per column instance");
        Assert.That(tablix.Rows[0].Height, Is.EqualTo(14), "column header row height from TablixHeader.Size");
        var grand = (TextboxInstance)tablix.Rows[^1].Cells[^1]!.Value.Content;
        Assert.That(grand.Value, Is.EqualTo(28m));
    }

    [Test]
    public void A_named_scope_in_a_cell_means_that_groups_whole_instance()
    {
        var k = Kit();
        ExpressionText Cell() => k.Expr("=Sum(Amount,\"RegionGroup\") & \"/\" & Sum(Amount,\"YearGroup\")", c =>
            $"{c.Aggregate(AggregateFunction.Sum, () => c.GetFieldValue("Amount"), "RegionGroup")}/{c.Aggregate(AggregateFunction.Sum, () => c.GetFieldValue("Amount"), "YearGroup")}");
        var tablix = k.Process(RegionByYear(k, Cell));
        var east = Grid(tablix)[1].Split('|');
        Assert.That(east.Take(3), Is.EqualTo(new[] { "East", "17/22", "17/6" }), "row group total / column group total");
        Assert.That(east[3], Is.EqualTo("#Error"), "the Total column is outside YearGroup, so that scope is not available there");
    }

    [Test]
    public void Nested_column_groups_span_their_headers_over_the_inner_instances()
    {
        var k = Kit();
        var body = new[] { Row(k.Box(k.Sum("Amount")), k.Box(k.Sum("Amount"))) };
        var rowHierarchy = new[] { k.Dynamic(k.Group("RegionGroup", "Region"), Header(60, k.Box(k.Field("Region")))) };
        var columnHierarchy = new[]
        {
            k.Dynamic(k.Group("YearGroup", "Year"), Header(14, k.Box(k.Field("Year"))),
                k.Dynamic(k.Group("HalfGroup", "Half"), Header(12, k.Box(k.Field("Half"))))),
            Static(Header(14, k.Text("Total"), rowSpan: 2)),
        };
        var definition = Tablix(2, body, rowHierarchy, columnHierarchy) with { CornerRows = [[new TablixCell(k.Text("Region"), 1, 2)], [new TablixCell(null)]] };
        var tablix = k.Process(definition);
        Assert.That(Grid(tablix), Is.EqualTo(new[]
        {
            "Region|2023||2024||Total",
            "^|H1|H2|H1|H2|^",
            "East|12|||5|17",
            "North|||1||1",
            "West|3|7|||10",
        }));
        Assert.That(tablix.Rows[0].Cells[1]!.Value.ColumnSpan, Is.EqualTo(2), "2023 spans its two halves");
        Assert.That(tablix.Rows.Take(2).Select(r => r.Height), Is.EqualTo(new[] { 14d, 12 }));
    }

    [Test]
    public void Row_group_header_spans_its_detail_rows_and_subtotal()
    {
        var k = Kit();
        var body = new[] { Row(k.Box(k.Field("Amount"))), Row(k.Box(k.Sum("Amount"))) };
        var rowHierarchy = new[]
        {
            k.Dynamic(k.Group("RegionGroup", "Region"), Header(60, k.Box(k.Field("Region"))),
                k.Dynamic(new GroupDefinition("Details", [], At)), Static()),
        };
        var tablix = k.Process(Tablix(1, body, rowHierarchy, [Static()]));
        Assert.That(Grid(tablix).Take(4), Is.EqualTo(new[] { "East|10", "^|5", "^|2", "^|17" }));
        Assert.That(tablix.Rows[0].Cells[0]!.Value.Content is TextboxInstance { Text: "East" });
    }
}
