using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;

namespace Rdl.Model.Tests.Reading;

/// <summary>RDL 2005 &lt;List&gt; becomes a one-cell Tablix whose cell holds a Rectangle with the list's items.</summary>
public sealed class LegacyListTests
{
    [Test]
    public void A_list_becomes_a_single_cell_tablix_with_a_details_member()
    {
        var result = TestRdl.Read(TestRdl.Minimal2005("""
            <List Name="Cards">
              <DataSetName>Sales</DataSetName>
              <Top>1in</Top><Left>0in</Left><Width>4in</Width><Height>1.25in</Height>
              <Style><BorderStyle><Default>Solid</Default></BorderStyle></Style>
              <ReportItems>
                <Textbox Name="CardTitle"><Top>0in</Top><Left>0in</Left><Width>2in</Width><Height>0.25in</Height><Value>=Fields!Region.Value</Value></Textbox>
                <Line Name="CardRule"><Top>0.3in</Top><Left>0in</Left><Width>4in</Width><Height>0in</Height></Line>
              </ReportItems>
              <Sorting><SortBy><SortExpression>=Fields!Region.Value</SortExpression></SortBy></Sorting>
              <NoRows>Nothing</NoRows>
            </List>
            """));

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
        var tablix = (TablixDefinition)result.Report!.Sections[0].Body.Items.Single();
        Assert.That(tablix.Name, Is.EqualTo("Cards"));
        Assert.That(tablix.DataSetName, Is.EqualTo("Sales"));
        Assert.That(tablix.NoRowsMessage?.Raw, Is.EqualTo("Nothing"));
        Assert.That(tablix.Style["Border.Style"]?.Raw, Is.EqualTo("Solid"));
        Assert.That(tablix.ColumnWidths.Single().Points, Is.EqualTo(288).Within(1e-9));
        Assert.That(tablix.Rows.Single().Height.Points, Is.EqualTo(90).Within(1e-9));
        Assert.That(tablix.ColumnHierarchy.Single().IsStatic, Is.True);

        var member = tablix.RowHierarchy.Single();
        Assert.That(member.IsLeaf, Is.True);
        Assert.That(member.Group!.IsDetails, Is.True);
        Assert.That(member.Group.Name, Is.EqualTo("Cards_Details_Group"));
        Assert.That(member.SortExpressions.Single().Value.Raw, Is.EqualTo("=Fields!Region.Value"));

        var rectangle = (RectangleItem)tablix.Rows.Single().Cells.Single().Contents!;
        Assert.That(rectangle.Name, Is.EqualTo("Cards_Contents"));
        Assert.That(rectangle.Bounds.Width.Points, Is.EqualTo(288).Within(1e-9));
        Assert.That(rectangle.Items.Select(i => i.Name), Is.EqualTo(new[] { "CardTitle", "CardRule" }));
    }

    [Test]
    public void A_list_with_grouping_repeats_per_group()
    {
        var result = TestRdl.Read(TestRdl.Minimal2005("""
            <List Name="ByRegion">
              <DataSetName>Sales</DataSetName>
              <Width>4in</Width><Height>0.5in</Height>
              <Grouping Name="RegionList">
                <GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions>
                <PageBreakAtEnd>true</PageBreakAtEnd>
              </Grouping>
              <ReportItems><Textbox Name="RegionName"><Value>=Fields!Region.Value</Value></Textbox></ReportItems>
            </List>
            """));

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
        var member = ((TablixDefinition)result.Report!.Sections[0].Body.Items.Single()).RowHierarchy.Single();
        Assert.That(member.Group!.Name, Is.EqualTo("RegionList"));
        Assert.That(member.Group.GroupExpressions.Single().Raw, Is.EqualTo("=Fields!Region.Value"));
        Assert.That(member.Group.PageBreak?.Location, Is.EqualTo(BreakLocation.End));
    }
}
