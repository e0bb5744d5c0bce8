using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;

namespace Rdl.Model.Tests.Reading;

public sealed class SubreportReaderTests
{
    [Test]
    public void Rdl2016_subreport_reads_name_parameters_no_rows_message_and_flags()
    {
        var xml = TestRdl.Minimal2016("""
                  <Subreport Name="Orders">
                    <ReportName>/Sales/Reports/RegionOrders</ReportName>
                    <Parameters>
                      <Parameter Name="Region"><Value>=Fields!Region.Value</Value></Parameter>
                      <Parameter Name="Year"><Value>2024</Value><Omit>=Parameters!Year.Value Is Nothing</Omit></Parameter>
                    </Parameters>
                    <NoRowsMessage>="No orders"</NoRowsMessage>
                    <MergeTransactions>true</MergeTransactions>
                    <KeepTogether>true</KeepTogether>
                    <OmitBorderOnPageBreak>true</OmitBorderOnPageBreak>
                    <Top>1in</Top><Left>0.5in</Left><Height>2in</Height><Width>4in</Width>
                  </Subreport>
        """);

        var result = TestRdl.Read(xml);

        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        var subreport = (SubreportItem)result.Report!.Sections[0].Body.Items.Single();
        Assert.That(subreport.Kind, Is.EqualTo("Subreport"));
        Assert.That(subreport.ReportName, Is.EqualTo("/Sales/Reports/RegionOrders"));
        Assert.That(SubreportNames.Normalize(subreport.ReportName), Is.EqualTo("RegionOrders"));
        Assert.That(subreport.Parameters.Select(p => (p.Name, p.Value.Raw, p.Omit?.Raw)), Is.EqualTo(new[]
        {
            ("Region", "=Fields!Region.Value", (string?)null),
            ("Year", "2024", "=Parameters!Year.Value Is Nothing"),
        }));
        Assert.That(subreport.NoRowsMessage!.Raw, Is.EqualTo("=\"No orders\""));
        Assert.That((subreport.MergeTransactions, subreport.KeepTogether, subreport.OmitBorderOnPageBreak), Is.EqualTo((true, true, true)));
        Assert.That(subreport.Bounds.Top.Points, Is.EqualTo(72));
        Assert.That(subreport.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<Subreport").Line));
    }

    [Test]
    public void Subreport_parameter_expressions_are_collected_in_order()
    {
        var xml = TestRdl.Minimal2016("""
                  <Subreport Name="Orders">
                    <ReportName>Sub</ReportName>
                    <Parameters>
                      <Parameter Name="A"><Value>=1</Value><Omit>=False</Omit></Parameter>
                      <Parameter Name="B"><Value>=2</Value></Parameter>
                    </Parameters>
                    <NoRowsMessage>="none"</NoRowsMessage>
                  </Subreport>
        """);

        var expressions = ExpressionCollector.Collect(TestRdl.Read(xml).Report!);

        Assert.That(expressions.Select(e => e.Raw), Is.EqualTo(new[] { "=1", "=False", "=2", "=\"none\"" }));
    }

    [Test]
    public void Rdl2005_subreport_in_a_list_is_read_inside_the_list_rectangle()
    {
        var xml = TestRdl.Minimal2005("""
                  <List Name="Stores">
                    <DataSetName>Sales</DataSetName>
                    <ReportItems>
                      <Subreport Name="subreport1">
                        <Parameters><Parameter Name="Store_Num"><Value>=Fields!Region.Value</Value></Parameter></Parameters>
                        <Top>0.375in</Top><Width>1.75in</Width>
                        <ReportName>SimpleL-Subreports-Sub1</ReportName>
                        <NoRows>none</NoRows>
                      </Subreport>
                    </ReportItems>
                  </List>
        """);

        var result = TestRdl.Read(xml);

        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        var list = (TablixDefinition)result.Report!.Sections[0].Body.Items.Single();
        var rectangle = (RectangleItem)list.Rows[0].Cells[0].Contents!;
        var subreport = (SubreportItem)rectangle.Items.Single();
        Assert.That(subreport.ReportName, Is.EqualTo("SimpleL-Subreports-Sub1"));
        Assert.That(subreport.Parameters.Single().Name, Is.EqualTo("Store_Num"));
        Assert.That(subreport.NoRowsMessage!.Raw, Is.EqualTo("none"));
    }

    [Test]
    public void Subreport_without_report_name_is_an_error()
    {
        var result = TestRdl.Read(TestRdl.Minimal2016("""<Subreport Name="Orders"><Top>0in</Top></Subreport>"""));

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("RDL1005"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("Subreport 'Orders' has no ReportName"));
    }
}
