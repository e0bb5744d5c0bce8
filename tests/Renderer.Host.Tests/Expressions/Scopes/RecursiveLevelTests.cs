using static Renderer.Host.Tests.Expressions.Scopes.RdlKit;

namespace Renderer.Host.Tests.Expressions.Scopes;

/// <summary>Level() and Recursive aggregates on a recursive hierarchy (Group with Parent), through real compiled VB.</summary>
[SetCulture("en-US")]
public sealed class RecursiveLevelTests
{
    [Test]
    public void Level_and_recursive_sums_follow_the_hierarchy()
    {
        // Ann (1) manages Bob (2) and Dee (4); Bob manages Cid (3). Depth-first: Ann, Bob, Cid, Dee.
        var row = Row(
            ("Name", "=Fields!Name.Value"),
            ("Lvl", "=Level() & \"|\" & Level(\"Emp\")"),
            ("Total", "=Sum(Fields!Salary.Value, \"Emp\", Recursive) & \"|\" & Sum(Fields!Salary.Value, \"Emp\", Simple) & \"|\" & Count(Fields!Id.Value, \"Emp\", Recursive)"),
            ("Indent", "=Space(2 * Level()) & Fields!Name.Value"));
        var members = Group("Emp", "=Fields!Id.Value", "", extra: "<Parent>=Fields!Boss.Value</Parent>");
        var rdl = Report(DataSet("People", "Id", "Name", "Boss", "Salary"), Tablix("Org", "People", 4, [row], members));
        var data = new InMemoryData().Add("People", ["Id", "Name", "Boss", "Salary"],
            [1, "Ann", null, 100], [2, "Bob", 1, 50], [3, "Cid", 2, 20], [4, "Dee", 1, 30]);

        var run = ReportRun.Render(rdl, data);

        Assert.That(run.Texts("Name"), Is.EqualTo(new[] { "Ann", "Bob", "Cid", "Dee" }));
        Assert.That(run.Texts("Lvl"), Is.EqualTo(new[] { "0|0", "1|1", "2|2", "1|1" }));
        Assert.That(run.Texts("Total"), Is.EqualTo(new[] { "200|100|4", "70|50|2", "20|20|1", "30|30|1" }));
    }
}
