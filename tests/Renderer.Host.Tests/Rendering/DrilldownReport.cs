using System.Text;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Sandbox;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Pages;

namespace Renderer.Host.Tests.Rendering;

/// <summary>
/// A drilldown report for the toggle and sort tests, compiled with the real expression compiler: a table of regions
/// (group header rows with the region total) whose countries are hidden until the region textbox is toggled, whose
/// products are hidden until the country textbox is toggled, an Amount header that sorts regions by their total, a
/// Product header that sorts the detail rows, a note in each detail row that its product textbox toggles, and a note
/// below the table shown by a toggle of its own.
/// </summary>
internal static class DrilldownReport
{
    public static readonly (string Region, string Country, string Product, decimal Amount)[] Orders =
    [
        ("East", "US", "Apples", 10m), ("East", "US", "Pears", 20m), ("East", "CA", "Plums", 5m),
        ("West", "MX", "Kiwis", 7m), ("West", "US", "Grapes", 30m), ("North", "NO", "Fish", 1m),
    ];

    private static string Cell(string name, string value, string extra = "") => $"""
        <TablixCell><CellContents><Textbox Name="{name}"><CanGrow>true</CanGrow>
          <Paragraphs><Paragraph><TextRuns><TextRun><Value>{value}</Value></TextRun></TextRuns></Paragraph></Paragraphs>{extra}
        </Textbox></CellContents></TablixCell>
        """;

    private static string Row(params string[] cells) => $"<TablixRow><Height>0.6cm</Height><TablixCells>{string.Concat(cells)}</TablixCells></TablixRow>";

    public static string Rdl(string regionToggleImage = "") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="Db"><DataSourceReference>Db</DataSourceReference></DataSource></DataSources>
          <DataSets><DataSet Name="Orders">
            <Query><DataSourceName>Db</DataSourceName><CommandText>SELECT * FROM orders</CommandText></Query>
            <Fields>
              <Field Name="Region"><DataField>Region</DataField></Field><Field Name="Country"><DataField>Country</DataField></Field>
              <Field Name="Product"><DataField>Product</DataField></Field><Field Name="Amount"><DataField>Amount</DataField></Field>
            </Fields>
          </DataSet></DataSets>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Tablix Name="Sales">
                <TablixBody>
                  <TablixColumns><TablixColumn><Width>4cm</Width></TablixColumn><TablixColumn><Width>4cm</Width></TablixColumn><TablixColumn><Width>3cm</Width></TablixColumn></TablixColumns>
                  <TablixRows>
                    {Row(Cell("NameHeader", "Name"),
                        Cell("ProductHeader", "Product", "<UserSort><SortExpression>=Fields!Product.Value</SortExpression></UserSort>"),
                        Cell("AmountHeader", "Amount", "<UserSort><SortExpression>=Sum(Fields!Amount.Value)</SortExpression><SortExpressionScope>Region</SortExpressionScope></UserSort>"))}
                    {Row(Cell("RegionBox", "=Fields!Region.Value", regionToggleImage), Cell("RegionBlank", ""), Cell("RegionTotal", "=\"R \" &amp; Format(Sum(Fields!Amount.Value), \"0.00\")"))}
                    {Row(Cell("CountryBox", "=Fields!Country.Value"), Cell("CountryBlank", ""), Cell("CountryTotal", "=\"C \" &amp; Format(Sum(Fields!Amount.Value), \"0.00\")"))}
                    {Row(Cell("DetailNote", "=\"note \" &amp; Fields!Product.Value", "<Visibility><Hidden>true</Hidden><ToggleItem>ProductBox</ToggleItem></Visibility>"), Cell("ProductBox", "=Fields!Product.Value"), Cell("AmountBox", "=\"D \" &amp; Format(Fields!Amount.Value, \"0.00\")"))}
                    {Row(Cell("TotalLabel", "Total"), Cell("TotalBlank", ""), Cell("GrandTotal", "=Format(Sum(Fields!Amount.Value), \"0.00\")"))}
                  </TablixRows>
                </TablixBody>
                <TablixColumnHierarchy><TablixMembers><TablixMember /><TablixMember /><TablixMember /></TablixMembers></TablixColumnHierarchy>
                <TablixRowHierarchy><TablixMembers>
                  <TablixMember><KeepWithGroup>After</KeepWithGroup></TablixMember>
                  <TablixMember>
                    <Group Name="Region"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Group>
                    <SortExpressions><SortExpression><Value>=Fields!Region.Value</Value></SortExpression></SortExpressions>
                    <TablixMembers>
                      <TablixMember />
                      <TablixMember>
                        <Group Name="Country"><GroupExpressions><GroupExpression>=Fields!Country.Value</GroupExpression></GroupExpressions></Group>
                        <SortExpressions><SortExpression><Value>=Fields!Country.Value</Value></SortExpression></SortExpressions>
                        <Visibility><Hidden>true</Hidden><ToggleItem>RegionBox</ToggleItem></Visibility>
                        <TablixMembers>
                          <TablixMember />
                          <TablixMember>
                            <Group Name="Details" />
                            <Visibility><Hidden>true</Hidden><ToggleItem>CountryBox</ToggleItem></Visibility>
                          </TablixMember>
                        </TablixMembers>
                      </TablixMember>
                    </TablixMembers>
                  </TablixMember>
                  <TablixMember />
                </TablixMembers></TablixRowHierarchy>
                <DataSetName>Orders</DataSetName>
                <Top>0cm</Top><Left>0cm</Left><Height>3cm</Height><Width>11cm</Width>
              </Tablix>
              <Textbox Name="ShowNote">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>About these figures</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>3.5cm</Top><Left>0cm</Left><Height>0.6cm</Height><Width>6cm</Width>
              </Textbox>
              <Rectangle Name="Note">
                <ReportItems><Textbox Name="NoteText">
                  <Paragraphs><Paragraph><TextRuns><TextRun><Value>Amounts are in thousands.</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                  <Top>0cm</Top><Left>0cm</Left><Height>0.6cm</Height><Width>8cm</Width>
                </Textbox></ReportItems>
                <Visibility><Hidden>true</Hidden><ToggleItem>ShowNote</ToggleItem></Visibility>
                <Top>4.2cm</Top><Left>0cm</Left><Height>0.6cm</Height><Width>8cm</Width>
              </Rectangle>
            </ReportItems><Height>5cm</Height></Body>
            <Width>12cm</Width>
            <Page><PageHeight>29.7cm</PageHeight><PageWidth>21cm</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private static readonly Dictionary<string, (byte[] Bytes, byte[] Assembly)> Compiled = [];

    /// <summary>The report's input in <paramref name="format"/> with the given toggles and sorts.</summary>
    public static RenderInput Input(string format = "pdf", string[]? toggled = null, UserSortState[]? sorts = null, string regionToggleImage = "")
    {
        var rdl = Rdl(regionToggleImage);
        if (!Compiled.TryGetValue(rdl, out var compiled))
        {
            var bytes = Encoding.UTF8.GetBytes(rdl);
            var read = RdlReader.Read(bytes, "Drilldown.rdl");
            Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
            var result = ExpressionCompiler.Compile(read.Report!, "Drilldown.rdl");
            Assert.That(result.Success, Is.True, () => string.Join("\n", result.Diagnostics));
            Compiled[rdl] = compiled = (bytes, result.AssemblyImage);
        }
        return new RenderInput("Drilldown", "Drilldown.rdl", compiled.Bytes, compiled.Assembly, format, new Dictionary<string, object?[]>(), new DateTime(2024, 5, 6), "me")
        {
            ToggledItems = toggled ?? [],
            UserSorts = sorts ?? [],
        };
    }

    /// <summary>The page model of a render with the given toggles and sorts.</summary>
    public static List<TextItem> Items(string[]? toggled = null, UserSortState[]? sorts = null, string regionToggleImage = "")
    {
        var diagnostics = new DiagnosticBag();
        var document = RenderEngine.Paginate(Input("pdf", toggled, sorts, regionToggleImage), new OrdersData(), diagnostics, CancellationToken.None);
        Assert.That(document, Is.Not.Null, () => string.Join("\n", diagnostics.ToImmutable()));
        Assert.That(diagnostics.ToImmutable().Where(d => d.Severity != DiagnosticSeverity.Info), Is.Empty);
        return [.. document!.Pages.SelectMany(p => p.Items).OfType<TextItem>().OrderBy(t => t.Bounds.Y).ThenBy(t => t.Bounds.X)];
    }

    public static Task<RenderOutput> RenderAsync(string format, string[]? toggled = null, UserSortState[]? sorts = null) =>
        Infrastructure.OfficeOutputCheck.RenderAsync(Input(format, toggled, sorts), new OrdersData());

    private sealed class OrdersData : IDataSetProvider
    {
        public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            Task.FromResult(new DataSetRows(["Region", "Country", "Product", "Amount"], Orders.Select(o => new object?[] { o.Region, o.Country, o.Product, o.Amount }).ToList()));
    }
}
