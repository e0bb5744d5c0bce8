using System.Globalization;
using System.Text;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Sandbox;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Tests.Rendering;

/// <summary>
/// Subreport processing in the sandbox pipeline, in process with real compiled expressions: one instance per tablix
/// row with that row's parameter value, data requested per instance under the subreport's name, NoRowsMessage and the
/// "could not be shown" fallback.
/// </summary>
public sealed class SubreportProcessingTests
{
    private static readonly (string Region, decimal Amount)[] Orders =
        [("East", 10.5m), ("North", 7m), ("East", 4.25m), ("West", 100m), ("North", 1m), ("East", 0.25m)];

    private const string Child = """
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="Db"><DataSourceReference>Db</DataSourceReference></DataSource></DataSources>
          <DataSets><DataSet Name="Orders">
            <Query><DataSourceName>Db</DataSourceName>
              <QueryParameters><QueryParameter Name="@Region"><Value>=Parameters!Region.Value</Value></QueryParameter></QueryParameters>
              <CommandText>SELECT Amount FROM orders WHERE Region = @Region</CommandText></Query>
            <Fields><Field Name="Amount"><DataField>Amount</DataField></Field></Fields>
          </DataSet></DataSets>
          <ReportParameters><ReportParameter Name="Region"><DataType>String</DataType><Prompt>Region</Prompt></ReportParameter></ReportParameters>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="ChildTitle"><Paragraphs><Paragraph><TextRuns><TextRun><Value>="Orders of " &amp; Parameters!Region.Value</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>0.6cm</Height><Width>6cm</Width></Textbox>
              <Textbox Name="ChildTotal"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Sum(Fields!Amount.Value, "Orders")</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0.6cm</Top><Left>0cm</Left><Height>0.6cm</Height><Width>6cm</Width></Textbox>
            </ReportItems><Height>1.2cm</Height></Body>
            <Width>6cm</Width>
            <Page><PageHeader><Height>1cm</Height><ReportItems><Textbox Name="ChildHeader"><Paragraphs><Paragraph><TextRuns><TextRun><Value>child header</Value></TextRun></TextRuns></Paragraph></Paragraphs><Height>1cm</Height><Width>6cm</Width></Textbox></ReportItems></PageHeader></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private static string Parent(string reportName = "RegionOrders") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="Db"><DataSourceReference>Db</DataSourceReference></DataSource></DataSources>
          <DataSets><DataSet Name="Regions">
            <Query><DataSourceName>Db</DataSourceName><CommandText>SELECT Region FROM regions</CommandText></Query>
            <Fields><Field Name="Region"><DataField>Region</DataField></Field></Fields>
          </DataSet></DataSets>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Tablix Name="List">
                <TablixBody>
                  <TablixColumns><TablixColumn><Width>3cm</Width></TablixColumn><TablixColumn><Width>7cm</Width></TablixColumn></TablixColumns>
                  <TablixRows><TablixRow><Height>0.6cm</Height><TablixCells>
                    <TablixCell><CellContents><Textbox Name="RegionName"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Fields!Region.Value</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixCell>
                    <TablixCell><CellContents>
                      <Subreport Name="Orders">
                        <ReportName>{reportName}</ReportName>
                        <Parameters><Parameter Name="Region"><Value>=Fields!Region.Value</Value></Parameter></Parameters>
                        <NoRowsMessage>="No orders in " &amp; Fields!Region.Value</NoRowsMessage>
                      </Subreport>
                    </CellContents></TablixCell>
                  </TablixCells></TablixRow></TablixRows>
                </TablixBody>
                <TablixColumnHierarchy><TablixMembers><TablixMember /><TablixMember /></TablixMembers></TablixColumnHierarchy>
                <TablixRowHierarchy><TablixMembers><TablixMember><Group Name="Details" /></TablixMember></TablixMembers></TablixRowHierarchy>
                <DataSetName>Regions</DataSetName>
                <Top>0cm</Top><Left>0cm</Left><Height>0.6cm</Height><Width>10cm</Width>
              </Tablix>
              <Textbox Name="After"><Paragraphs><Paragraph><TextRuns><TextRun><Value>after the list</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>1cm</Top><Left>0cm</Left><Height>0.6cm</Height><Width>6cm</Width></Textbox>
            </ReportItems><Height>2cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    [Test]
    public void Each_row_renders_the_subreport_with_its_own_region_and_data()
    {
        var data = new RegionData(["East", "North", "West", "South"]);
        var (document, diagnostics) = Render(Parent(), data);

        var items = document.Pages.SelectMany(p => p.Items).OfType<TextItem>().ToList();
        Assert.That(items.Where(t => t.Name == "ChildTitle").Select(t => t.Text), Is.EqualTo(new[] { "Orders of East", "Orders of North", "Orders of West" }));
        var expected = new[] { "East", "North", "West" }.Select(r => Orders.Where(o => o.Region == r).Sum(o => o.Amount).ToString(CultureInfo.InvariantCulture));
        Assert.That(items.Where(t => t.Name == "ChildTotal").Select(t => decimal.Parse(t.Text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)), Is.EqualTo(expected));
        Assert.That(items.Single(t => t.Name == "Orders").Text, Is.EqualTo("No orders in South"), "NoRowsMessage when the subreport's datasets are empty");
        Assert.That(items.Any(t => t.Name == "ChildHeader"), Is.False, "the subreport's page header is ignored");
        Assert.That(data.Requests, Is.EqualTo(new[]
        {
            "Regions",
            SubreportDataSetName.Format("RegionOrders", "Orders") + " @Region=East",
            SubreportDataSetName.Format("RegionOrders", "Orders") + " @Region=North",
            SubreportDataSetName.Format("RegionOrders", "Orders") + " @Region=West",
            SubreportDataSetName.Format("RegionOrders", "Orders") + " @Region=South",
        }), "data is requested per instance with that instance's parameter value");
        Assert.That(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning), Is.Empty, string.Join("\n", diagnostics));

        var east = items.First(t => t.Name == "ChildTotal");
        var northTitle = items.Single(t => t.Text == "Orders of North");
        Assert.That(northTitle.Bounds.Y, Is.GreaterThanOrEqualTo(east.Bounds.Bottom - 0.01), "each row grows to hold its subreport");
        Assert.That(items.Single(t => t.Name == "After").Bounds.Y, Is.GreaterThan(items.Single(t => t.Text == "No orders in South").Bounds.Y), "items below are pushed down");
    }

    [Test]
    public void A_subreport_missing_from_the_render_shows_the_ssrs_error_text_and_a_warning()
    {
        var (document, diagnostics) = Render(Parent("NotSent"), new RegionData(["East"]));

        var text = document.Pages.SelectMany(p => p.Items).OfType<TextItem>().Single(t => t.Name == "Orders").Text;
        Assert.That(text, Is.EqualTo("Error: Subreport could not be shown."));
        var warning = diagnostics.Single(d => d.Code == "PRC4070");
        Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(warning.Message, Does.Contain("Subreport 'Orders'").And.Contain("'NotSent'"));
        Assert.That(document.Pages.SelectMany(p => p.Items).OfType<TextItem>().Any(t => t.Name == "After"), "the parent goes on");
    }

    [Test]
    public void A_failing_subreport_query_shows_the_error_text_with_the_cause()
    {
        var (document, diagnostics) = Render(Parent(), new RegionData(["East"]) { FailSubreport = true });

        Assert.That(document.Pages.SelectMany(p => p.Items).OfType<TextItem>().Single(t => t.Name == "Orders").Text, Is.EqualTo("Error: Subreport could not be shown."));
        Assert.That(diagnostics.Single(d => d.Code == "PRC4070").Message, Does.Contain("dataset 'Orders'").And.Contain("refused"));
    }

    private static (PaginatedDocument Document, List<RdlDiagnostic> Diagnostics) Render(string parentRdl, IDataSetProvider data)
    {
        var parent = Compile("Parent", parentRdl);
        var child = Compile("RegionOrders", Child);
        var input = new RenderInput("Parent", "Parent.rdl", parent.Bytes, parent.Assembly, "pdf", new Dictionary<string, object?[]>(), new DateTime(2024, 5, 6), "me")
        {
            Subreports = [new SubreportImage("RegionOrders", "RegionOrders.rdl", child.Bytes, child.Assembly)],
        };
        var diagnostics = new DiagnosticBag();
        var document = RenderEngine.Paginate(input, data, diagnostics, CancellationToken.None);
        Assert.That(document, Is.Not.Null, () => string.Join("\n", diagnostics.ToImmutable()));
        return (document!, diagnostics.ToImmutable().ToList());
    }

    private static (byte[] Bytes, byte[] Assembly) Compile(string name, string rdl)
    {
        var bytes = Encoding.UTF8.GetBytes(rdl);
        var read = RdlReader.Read(bytes, name + ".rdl");
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        var compiled = ExpressionCompiler.Compile(read.Report!, name + ".rdl");
        Assert.That(compiled.Success, Is.True, () => string.Join("\n", compiled.Diagnostics));
        return (bytes, compiled.AssemblyImage);
    }

    /// <summary>"Regions" for the parent; the subreport's "Orders", filtered by its @Region query parameter, under its qualified name.</summary>
    private sealed class RegionData(string[] regions) : IDataSetProvider
    {
        public List<string> Requests { get; } = [];

        public bool FailSubreport { get; init; }

        public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
        {
            if (dataSetName == "Regions")
            {
                Requests.Add(dataSetName);
                return Task.FromResult(new DataSetRows(["Region"], regions.Select(r => new object?[] { r }).ToList()));
            }
            Assert.That(SubreportDataSetName.TryParse(dataSetName, out var subreport, out var dataSet), Is.True, dataSetName);
            Assert.That((subreport, dataSet), Is.EqualTo(("RegionOrders", "Orders")));
            var region = (string?)parameters["@Region"];
            Requests.Add($"{dataSetName} @Region={region}");
            if (FailSubreport) throw new DataSetRequestException(dataSetName, "DAT6002: refused");
            return Task.FromResult(new DataSetRows(["Amount"], Orders.Where(o => o.Region == region).Select(o => new object?[] { o.Amount }).ToList()));
        }
    }
}
