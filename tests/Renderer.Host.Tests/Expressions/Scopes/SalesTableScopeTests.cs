using static Renderer.Host.Tests.Expressions.Scopes.RdlKit;

namespace Renderer.Host.Tests.Expressions.Scopes;

/// <summary>
/// Scope functions on a grouped table, through real compiled VB and the real tablix processor. Data (dataset order):
/// East A 10, West C 5, East B 20, West D 7, North F 100, West E 1; the Region group sorts East, North, West and keeps
/// dataset order inside a group, so the detail rows print 10, 20 | 100 | 5, 7, 1. Every expectation is worked out by hand.
/// </summary>
[SetCulture("en-US")]
public sealed class SalesTableScopeTests
{
    private ReportRun _run = null!;

    [OneTimeSetUp]
    public void RenderOnce()
    {
        var header = Row(
            ("GName", "=Fields!Region.Value"),
            ("GRun", "=RunningValue(Fields!Amount.Value, Sum, Nothing)"),
            ("GPrev", "=Previous(Sum(Fields!Amount.Value))"),
            ("GMgr", "=Lookup(Fields!Region.Value, Fields!Region.Value, Fields!Manager.Value, \"Regions\")"),
            ("GReps", "=If(IsNothing(LookupSet(Fields!Region.Value, Fields!Region.Value, Fields!Rep.Value, \"Reps\")), \"none\", Join(LookupSet(Fields!Region.Value, Fields!Region.Value, Fields!Rep.Value, \"Reps\"), \",\"))"),
            ("GVar", "=Variables!RegionTotal.Value & \"/\" & Variables!Greeting.Value"));
        var detail = Row(
            ("DAmt", "=Fields!Amount.Value"),
            ("DRunAll", "=RunningValue(Fields!Amount.Value, Sum, Nothing)"),
            ("DRunGroup", "=RunningValue(Fields!Amount.Value, Sum, \"Region\") & \"|\" & RunningValue(Fields!Cust.Value, CountDistinct, \"Sales\")"),
            ("DRow", "=RowNumber(\"Region\") & \"/\" & RowNumber(Nothing)"),
            ("DPrev", "=Previous(Fields!Amount.Value) & \"|\" & Previous(Fields!Amount.Value, \"Sales\")"),
            ("DMisc", "=ReportItems!DAmt.Value * 2 & \"|\" & InScope(\"Details\") & \"|\" & InScope(\"Region\") & \"|\" & Variables!RegionTotal.Value"));
        var footer = Row(
            ("FNested", "=Avg(Sum(Fields!Amount.Value, \"Region\")) & \"|\" & Count(Sum(Fields!Amount.Value, \"Region\"))"),
            ("FNested2", "=Sum(Count(Fields!Amount.Value, \"Region\"), \"Sales\") & \"|\" & Min(CountRows(\"Region\")) & \"|\" & Max(Sum(Fields!Amount.Value, \"Region\"))"),
            ("FCount", "=CountDistinct(Fields!Cust.Value) & \"|\" & Count(Fields!Cust.Value) & \"|\" & CountRows() & \"|\" & Aggregate(Fields!Amount.Value)"),
            ("FStats", "=Format(StDev(Fields!Amount.Value), \"0.0000\") & \"|\" & Format(StDevP(Fields!Amount.Value), \"0.0000\") & \"|\" & Format(Var(Fields!Amount.Value), \"0.0000\") & \"|\" & Format(VarP(Fields!Amount.Value), \"0.0000\")"),
            ("FScope", "=InScope(\"Region\") & \"|\" & InScope(\"Sales\") & \"|\" & RowNumber(Nothing) & \"|\" & RunningValue(Fields!Amount.Value, Max, Nothing)"),
            ("FMulti", "=Join(MultiLookup(Split(\"East,South,West\", \",\"), Fields!Region.Value, Fields!Manager.Value, \"Regions\"), \"+\")"));
        var members = Group("Region", "=Fields!Region.Value", Static() + Details(), sort: "=Fields!Region.Value",
            extra: "<Variables>" + Variable("RegionTotal", "=Sum(Fields!Amount.Value)") + "</Variables>") + Static();
        var tablix = Tablix("Sales", "Sales", 6, [header, detail, footer], members);
        var rdl = Report(
            DataSet("Sales", "Region", "Product", "Amount", "Cust") + DataSet("Regions", "Region", "Manager") + DataSet("Reps", "Region", "Rep"),
            tablix,
            header: Textbox("PageFirstLast", "=First(ReportItems!DAmt.Value) & \"..\" & Last(ReportItems!DAmt.Value) & \" sum \" & Sum(ReportItems!DAmt.Value) & \" first \" & ReportItems!DAmt.Value"),
            variables: Variable("Greeting", "=\"hi \" & User!UserID"));
        var data = new InMemoryData()
            .Add("Sales", ["Region", "Product", "Amount", "Cust"],
                ["East", "A", 10, "x"], ["West", "C", 5, "y"], ["East", "B", 20, null], ["West", "D", 7, "x"], ["North", "F", 100, null], ["West", "E", 1, "z"])
            .Add("Regions", ["Region", "Manager"], ["East", "Ann"], ["West", "Bob"])
            .Add("Reps", ["Region", "Rep"], ["East", "r1"], ["West", "r3"], ["East", "r2"]);
        _run = ReportRun.Render(rdl, data);
        Assert.That(_run.Diagnostics.Where(d => d.Code == "PRC4001"), Is.Empty, () => string.Join("\n", _run.Diagnostics));
    }

    [Test]
    public void Groups_come_out_sorted_with_details_in_dataset_order()
    {
        Assert.That(_run.Texts("GName"), Is.EqualTo(new[] { "East", "North", "West" }));
        Assert.That(_run.Texts("DAmt"), Is.EqualTo(new[] { "10", "20", "100", "5", "7", "1" }));
    }

    [Test]
    public void RunningValue_with_Nothing_scope_runs_across_group_boundaries()
    {
        Assert.That(_run.Texts("DRunAll"), Is.EqualTo(new[] { "10", "30", "130", "135", "142", "143" }));
    }

    [Test]
    public void RunningValue_named_group_resets_at_each_instance_and_CountDistinct_runs_over_the_table()
    {
        // Cust in print order: x, (null), (null), y, x, z -> distinct non-null so far: 1, 1, 1, 2, 2, 3.
        Assert.That(_run.Texts("DRunGroup"), Is.EqualTo(new[] { "10|1", "30|1", "100|1", "5|2", "12|2", "13|3" }));
    }

    [Test]
    public void RunningValue_in_a_group_header_includes_the_whole_current_group()
    {
        Assert.That(_run.Texts("GRun"), Is.EqualTo(new[] { "30", "130", "143" }));
    }

    [Test]
    public void RowNumber_counts_per_group_and_over_the_data_region()
    {
        Assert.That(_run.Texts("DRow"), Is.EqualTo(new[] { "1/1", "2/2", "1/3", "1/4", "2/5", "3/6" }));
    }

    [Test]
    public void Previous_is_Nothing_at_group_start_and_continues_across_groups_with_the_region_scope()
    {
        Assert.That(_run.Texts("DPrev"), Is.EqualTo(new[] { "|", "10|10", "|20", "|100", "5|5", "7|7" }));
    }

    [Test]
    public void Previous_of_an_aggregate_in_a_group_header_is_the_previous_instance_total()
    {
        Assert.That(_run.Texts("GPrev"), Is.EqualTo(new[] { "", "30", "100" }));
    }

    [Test]
    public void ReportItems_InScope_and_group_variables_in_a_detail_row()
    {
        Assert.That(_run.Texts("DMisc"), Is.EqualTo(new[]
        {
            "20|True|True|30", "40|True|True|30", "200|True|True|100", "10|True|True|13", "14|True|True|13", "2|True|True|13",
        }));
    }

    [Test]
    public void Group_and_report_variables()
    {
        Assert.That(_run.Texts("GVar"), Is.EqualTo(new[] { @"30/hi CONTOSO\alice", @"100/hi CONTOSO\alice", @"13/hi CONTOSO\alice" }));
    }

    [Test]
    public void Lookup_misses_give_Nothing()
    {
        Assert.That(_run.Texts("GMgr"), Is.EqualTo(new[] { "Ann", "", "Bob" }));
    }

    [Test]
    public void LookupSet_returns_every_match_and_Nothing_on_a_miss()
    {
        Assert.That(_run.Texts("GReps"), Is.EqualTo(new[] { "r1,r2", "none", "r3" }));
    }

    [Test]
    public void MultiLookup_returns_the_matches_of_each_key()
    {
        Assert.That(_run.Text("FMulti"), Is.EqualTo("Ann+Bob"));
    }

    [Test]
    public void Nested_aggregates_aggregate_the_per_instance_values_of_the_inner_group()
    {
        // Region sums 30, 100, 13: Avg = 143 / 3 (not the row average 143 / 6), Count = 3 instances.
        Assert.That(_run.Text("FNested"), Is.EqualTo($"{143.0 / 3}|3"));
        // Row counts 2, 1, 3: Sum = 6, Min = 1; Max of region sums = 100.
        Assert.That(_run.Text("FNested2"), Is.EqualTo("6|1|100"));
    }

    [Test]
    public void CountDistinct_and_Count_skip_nulls_CountRows_does_not_and_Aggregate_sums()
    {
        Assert.That(_run.Text("FCount"), Is.EqualTo("3|4|6|143"));
    }

    [Test]
    public void Standard_deviation_and_variance_sample_and_population()
    {
        // Amounts 10, 20, 100, 5, 7, 1: mean 143/6; sum of squared deviations 7166.8333; /5 = 1433.3667, /6 = 1194.4722.
        Assert.That(_run.Text("FStats"), Is.EqualTo("37.8598|34.5611|1433.3667|1194.4722"));
    }

    [Test]
    public void In_the_grand_total_row_the_group_is_out_of_scope_and_running_values_cover_all_rows()
    {
        Assert.That(_run.Text("FScope"), Is.EqualTo("False|True|6|100"));
    }

    [Test]
    public void Page_header_aggregates_the_ReportItems_on_its_page()
    {
        Assert.That(_run.Text("PageFirstLast"), Is.EqualTo("10..1 sum 143 first 10"));
    }
}
