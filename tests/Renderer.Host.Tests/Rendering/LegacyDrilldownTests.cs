using System.Text;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Sandbox;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Pages;

namespace Renderer.Host.Tests.Rendering;

/// <summary>An RDL 2005 Table whose city group and detail rows are toggled by the region and city group headers.</summary>
public sealed class LegacyDrilldownTests
{
    private static string Cell(string name, string value) => $"<TableCell><ReportItems><Textbox Name=\"{name}\"><Value>{value}</Value><Height>0.2in</Height></Textbox></ReportItems></TableCell>";

    private static string Row(params string[] cells) => $"<TableRow><Height>0.2in</Height><TableCells>{string.Concat(cells)}</TableCells></TableRow>";

    private static readonly string Rdl = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2005/01/reportdefinition">
          <DataSources><DataSource Name="Db"><DataSourceReference>Db</DataSourceReference></DataSource></DataSources>
          <DataSets><DataSet Name="Sales">
            <Query><DataSourceName>Db</DataSourceName><CommandText>SELECT 1</CommandText></Query>
            <Fields><Field Name="Region"><DataField>Region</DataField></Field><Field Name="City"><DataField>City</DataField></Field><Field Name="Amount"><DataField>Amount</DataField></Field></Fields>
          </DataSet></DataSets>
          <Body><ReportItems>
            <Table Name="Orders">
              <DataSetName>Sales</DataSetName>
              <Top>0in</Top><Left>0in</Left><Width>3in</Width><Height>1in</Height>
              <TableColumns><TableColumn><Width>1in</Width></TableColumn><TableColumn><Width>1in</Width></TableColumn><TableColumn><Width>1in</Width></TableColumn></TableColumns>
              <TableGroups>
                <TableGroup>
                  <Grouping Name="RegionGroup"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Grouping>
                  <Sorting><SortBy><SortExpression>=Fields!Region.Value</SortExpression></SortBy></Sorting>
                  <Header><TableRows>{Row(Cell("gRegion", "=Fields!Region.Value"), Cell("gBlank", ""), Cell("gSum", "=\"R\" &amp; Sum(Fields!Amount.Value)"))}</TableRows></Header>
                </TableGroup>
                <TableGroup>
                  <Grouping Name="CityGroup"><GroupExpressions><GroupExpression>=Fields!City.Value</GroupExpression></GroupExpressions></Grouping>
                  <Sorting><SortBy><SortExpression>=Fields!City.Value</SortExpression></SortBy></Sorting>
                  <Visibility><Hidden>true</Hidden><ToggleItem>gRegion</ToggleItem></Visibility>
                  <Header><TableRows>{Row(Cell("cBlank", ""), Cell("cCity", "=Fields!City.Value"), Cell("cSum", "=\"C\" &amp; Sum(Fields!Amount.Value)"))}</TableRows></Header>
                </TableGroup>
              </TableGroups>
              <Details>
                <TableRows><TableRow><Height>0.2in</Height>
                  <TableCells>{Cell("dBlank", "")}{Cell("dBlank2", "")}{Cell("dAmount", "=\"D\" &amp; Fields!Amount.Value")}</TableCells>
                  <Visibility><Hidden>true</Hidden><ToggleItem>cCity</ToggleItem></Visibility>
                </TableRow></TableRows>
              </Details>
            </Table>
          </ReportItems><Height>1in</Height></Body>
          <Width>6in</Width>
        </Report>
        """;

    private static List<TextItem> Render(params string[] toggled)
    {
        var bytes = Encoding.UTF8.GetBytes(Rdl);
        var read = RdlReader.Read(bytes, "Legacy.rdl");
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        var compiled = ExpressionCompiler.Compile(read.Report!, "Legacy.rdl");
        Assert.That(compiled.Success, Is.True, () => string.Join("\n", compiled.Diagnostics));
        var input = new RenderInput("Legacy", "Legacy.rdl", bytes, compiled.AssemblyImage, "pdf", new Dictionary<string, object?[]>(), new DateTime(2024, 5, 6), "me") { ToggledItems = toggled };
        var diagnostics = new DiagnosticBag();
        var document = RenderEngine.Paginate(input, new Rows(), diagnostics, CancellationToken.None);
        Assert.That(document, Is.Not.Null, () => string.Join("\n", diagnostics.ToImmutable()));
        return [.. document!.Pages.SelectMany(p => p.Items).OfType<TextItem>().OrderBy(t => t.Bounds.Y).ThenBy(t => t.Bounds.X)];
    }

    private static string[] TextsOf(List<TextItem> items, string name) => [.. items.Where(t => t.Name == name).Select(t => t.Text)];

    [Test]
    public void Table_group_and_detail_row_toggles_follow_the_state()
    {
        var collapsed = Render();
        var open = Render("gRegion.RegionGroup-East", "cCity.RegionGroup-East.CityGroup-Boston");
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(collapsed, "gSum"), Is.EqualTo(new[] { "R3", "R4" }));
            Assert.That(TextsOf(collapsed, "cCity").Concat(TextsOf(collapsed, "dAmount")), Is.Empty);
            Assert.That(collapsed.First(t => t.Name == "gRegion").Toggle, Is.EqualTo(new ToggleControl("gRegion.RegionGroup-East", false)));
            Assert.That(TextsOf(open, "cCity"), Is.EqualTo(new[] { "Boston", "Salem" }));
            Assert.That(TextsOf(open, "dAmount"), Is.EqualTo(new[] { "D1" }), "only Boston's order row is open");
            Assert.That(open.First(t => t.Name == "cCity").Toggle, Is.EqualTo(new ToggleControl("cCity.RegionGroup-East.CityGroup-Boston", true)));
        });
    }

    private sealed class Rows : IDataSetProvider
    {
        public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            Task.FromResult(new DataSetRows(["Region", "City", "Amount"], [["East", "Boston", 1], ["East", "Salem", 2], ["West", "Reno", 4]]));
    }
}
