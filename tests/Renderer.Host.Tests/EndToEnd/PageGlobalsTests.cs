using Renderer.Host.Tests.Expressions.Scopes;
using static Renderer.Host.Tests.Expressions.Scopes.RdlKit;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>Globals!PageName and the page-number globals with group page breaks, through the real VB compiler and guard.</summary>
[SetCulture("en-US")]
public sealed class PageGlobalsTests
{
    [Test]
    public void PageName_and_reset_page_numbers_reach_header_expressions()
    {
        var groupExtra = "<PageBreak><BreakLocation>Between</BreakLocation><ResetPageNumber>=Fields!Name.Value = \"b\"</ResetPageNumber></PageBreak>"
            + "<PageName>=UCase(Fields!Name.Value)</PageName>";
        var table = Tablix("T", "Items", 1, [Row(("Name", "=Fields!Name.Value"))], Group("G", "=Fields!Name.Value", Details(), extra: groupExtra));
        var rdl = Report(DataSet("Items", "Name"), table,
            header: Textbox("Page", "=Globals!PageName & \"|\" & Globals.PageName & \"|\" & Globals!PageNumber & \"/\" & Globals!TotalPages & \"|\" & Globals!OverallPageNumber & \"/\" & Globals.OverallTotalPages"))
            .Replace("<Language>", "<InitialPageName>=\"Start\"</InitialPageName><Language>", StringComparison.Ordinal);

        var run = ReportRun.Render(rdl, new InMemoryData().Add("Items", ["Name"], ["a"], ["b"], ["c"]));

        Assert.That(run.Texts("Page"), Is.EqualTo(new[] { "Start|Start|1/1|1/3", "B|B|1/2|2/3", "C|C|2/2|3/3" }));
        Assert.That(run.Document!.Pages.Select(p => p.Name), Is.EqualTo(new[] { "Start", "B", "C" }));
    }
}
