using static Renderer.Host.Tests.Expressions.Scopes.RdlKit;

namespace Renderer.Host.Tests.Expressions.Scopes;

/// <summary>InScope and aggregates in the cells of a matrix (row group R, column group C, both with totals).</summary>
[SetCulture("en-US")]
public sealed class MatrixScopeTests
{
    [Test]
    public void InScope_tells_group_cells_from_total_cells()
    {
        const string value = "=InScope(\"R\") & \"/\" & InScope(\"C\") & \"|\" & Sum(Fields!V.Value)";
        string Cell(string name) => $"<TablixCell><CellContents>{Textbox(name, value)}</CellContents></TablixCell>";
        string BodyRow(string a, string b) => $"<TablixRow><Height>0.6cm</Height><TablixCells>{Cell(a)}{Cell(b)}</TablixCells></TablixRow>";
        var tablix =
            "<Tablix Name=\"M\"><TablixBody><TablixColumns><TablixColumn><Width>3cm</Width></TablixColumn><TablixColumn><Width>3cm</Width></TablixColumn></TablixColumns>"
            + $"<TablixRows>{BodyRow("RC", "RT")}{BodyRow("TC", "TT")}</TablixRows></TablixBody>"
            + "<TablixColumnHierarchy><TablixMembers>" + Group("C", "=Fields!C.Value", "", sort: "=Fields!C.Value") + "<TablixMember /></TablixMembers></TablixColumnHierarchy>"
            + "<TablixRowHierarchy><TablixMembers>" + Group("R", "=Fields!R.Value", "", sort: "=Fields!R.Value") + "<TablixMember /></TablixMembers></TablixRowHierarchy>"
            + "<DataSetName>D</DataSetName><Top>0cm</Top><Left>0cm</Left><Height>2cm</Height><Width>6cm</Width></Tablix>";
        var data = new InMemoryData().Add("D", ["R", "C", "V"], ["a", "x", 1], ["a", "y", 2], ["b", "x", 3]);

        var run = ReportRun.Render(Report(DataSet("D", "R", "C", "V"), tablix), data);

        Assert.That(run.Texts("RC"), Is.EqualTo(new[] { "True/True|1", "True/True|2", "True/True|3", "True/True|" }));
        Assert.That(run.Texts("RT"), Is.EqualTo(new[] { "True/False|3", "True/False|3" }));
        Assert.That(run.Texts("TC"), Is.EqualTo(new[] { "False/True|4", "False/True|2" }));
        Assert.That(run.Texts("TT"), Is.EqualTo(new[] { "False/False|6" }));
    }
}
