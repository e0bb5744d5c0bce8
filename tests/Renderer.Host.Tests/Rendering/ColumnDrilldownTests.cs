using System.Text;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Sandbox;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Pages;

namespace Renderer.Host.Tests.Rendering;

/// <summary>A matrix whose quarter columns are hidden until the year's column header is toggled, and whose years sort by total.</summary>
public sealed class ColumnDrilldownTests
{
    private const string Rdl = """
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="Db"><DataSourceReference>Db</DataSourceReference></DataSource></DataSources>
          <DataSets><DataSet Name="Sales">
            <Query><DataSourceName>Db</DataSourceName><CommandText>SELECT 1</CommandText></Query>
            <Fields><Field Name="Year"><DataField>Year</DataField></Field><Field Name="Quarter"><DataField>Quarter</DataField></Field><Field Name="Amount"><DataField>Amount</DataField></Field></Fields>
          </DataSet></DataSets>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Tablix Name="Matrix">
                <TablixCorner><TablixCornerRows><TablixCornerRow><TablixCornerCell><CellContents><Textbox Name="Corner">
                  <Paragraphs><Paragraph><TextRuns><TextRun><Value>Total</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                  <UserSort><SortExpression>=Sum(Fields!Amount.Value)</SortExpression><SortExpressionScope>Year</SortExpressionScope></UserSort>
                </Textbox></CellContents></TablixCornerCell></TablixCornerRow>
                <TablixCornerRow><TablixCornerCell><CellContents><Textbox Name="Corner2"><Paragraphs><Paragraph><TextRuns><TextRun><Value /></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixCornerCell></TablixCornerRow></TablixCornerRows></TablixCorner>
                <TablixBody>
                  <TablixColumns><TablixColumn><Width>2cm</Width></TablixColumn></TablixColumns>
                  <TablixRows><TablixRow><Height>0.6cm</Height><TablixCells><TablixCell><CellContents><Textbox Name="Cell">
                    <Paragraphs><Paragraph><TextRuns><TextRun><Value>="S" &amp; Sum(Fields!Amount.Value)</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                  </Textbox></CellContents></TablixCell></TablixCells></TablixRow></TablixRows>
                </TablixBody>
                <TablixColumnHierarchy><TablixMembers><TablixMember>
                  <Group Name="Year"><GroupExpressions><GroupExpression>=Fields!Year.Value</GroupExpression></GroupExpressions></Group>
                  <SortExpressions><SortExpression><Value>=Fields!Year.Value</Value></SortExpression></SortExpressions>
                  <TablixHeader><Size>0.6cm</Size><CellContents><Textbox Name="YearBox"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Fields!Year.Value</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixHeader>
                  <TablixMembers><TablixMember>
                    <Group Name="Quarter"><GroupExpressions><GroupExpression>=Fields!Quarter.Value</GroupExpression></GroupExpressions></Group>
                    <SortExpressions><SortExpression><Value>=Fields!Quarter.Value</Value></SortExpression></SortExpressions>
                    <Visibility><Hidden>true</Hidden><ToggleItem>YearBox</ToggleItem></Visibility>
                    <TablixHeader><Size>0.6cm</Size><CellContents><Textbox Name="QuarterBox"><Paragraphs><Paragraph><TextRuns><TextRun><Value>="Q" &amp; Fields!Quarter.Value</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixHeader>
                  </TablixMember></TablixMembers>
                </TablixMember></TablixMembers></TablixColumnHierarchy>
                <TablixRowHierarchy><TablixMembers><TablixMember>
                  <TablixHeader><Size>2cm</Size><CellContents><Textbox Name="RowHeader"><Paragraphs><Paragraph><TextRuns><TextRun><Value>Amount</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixHeader>
                </TablixMember></TablixMembers></TablixRowHierarchy>
                <DataSetName>Sales</DataSetName>
                <Top>0cm</Top><Left>0cm</Left><Height>1.8cm</Height><Width>4cm</Width>
              </Tablix>
            </ReportItems><Height>2cm</Height></Body>
            <Width>20cm</Width>
            <Page><PageHeight>29.7cm</PageHeight><PageWidth>42cm</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private static List<TextItem> Render(string[] toggled, UserSortState[]? sorts = null)
    {
        var bytes = Encoding.UTF8.GetBytes(Rdl);
        var read = RdlReader.Read(bytes, "Matrix.rdl");
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        var compiled = ExpressionCompiler.Compile(read.Report!, "Matrix.rdl");
        Assert.That(compiled.Success, Is.True, () => string.Join("\n", compiled.Diagnostics));
        var input = new RenderInput("Matrix", "Matrix.rdl", bytes, compiled.AssemblyImage, "pdf", new Dictionary<string, object?[]>(), new DateTime(2024, 5, 6), "me")
        {
            ToggledItems = toggled,
            UserSorts = sorts ?? [],
        };
        var diagnostics = new DiagnosticBag();
        var document = RenderEngine.Paginate(input, new Rows(), diagnostics, CancellationToken.None);
        Assert.That(document, Is.Not.Null, () => string.Join("\n", diagnostics.ToImmutable()));
        return [.. document!.Pages.SelectMany(p => p.Items).OfType<TextItem>().OrderBy(t => t.Bounds.X).ThenBy(t => t.Bounds.Y)];
    }

    private static string[] TextsOf(List<TextItem> items, string name) => [.. items.Where(t => t.Name == name).Select(t => t.Text)];

    [Test]
    public void Toggling_a_year_header_shows_its_quarter_columns()
    {
        var collapsed = Render([]);
        var open = Render(["YearBox.Year-2023"]);
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(collapsed, "YearBox"), Is.EqualTo(new[] { "2023", "2024" }));
            Assert.That(TextsOf(collapsed, "Cell"), Is.EqualTo(new[] { "S3", "S10" }), "a collapsed year keeps one column with its total");
            Assert.That(TextsOf(collapsed, "QuarterBox"), Is.Empty);
            Assert.That(collapsed.First(t => t.Name == "YearBox").Toggle, Is.EqualTo(new ToggleControl("YearBox.Year-2023", false)));
            Assert.That(TextsOf(open, "QuarterBox"), Is.EqualTo(new[] { "Q1", "Q2" }));
            Assert.That(TextsOf(open, "Cell"), Is.EqualTo(new[] { "S1", "S2", "S10" }));
        });
    }

    [Test]
    public void A_corner_sort_orders_the_year_columns_by_total()
    {
        var items = Render([], [new UserSortState("Corner", true)]);
        Assert.That(TextsOf(items, "YearBox"), Is.EqualTo(new[] { "2024", "2023" }));
    }

    private sealed class Rows : IDataSetProvider
    {
        public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            Task.FromResult(new DataSetRows(["Year", "Quarter", "Amount"], [[2023, 1, 1], [2023, 2, 2], [2024, 1, 10]]));
    }
}
