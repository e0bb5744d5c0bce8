using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;

namespace Rdl.Model.Tests.Reading;

/// <summary>RDL 2005 &lt;Table&gt; becomes the Tablix a 2010 designer writes: header, nested groups, details, footer.</summary>
public sealed class LegacyTableTests
{
    private static string Cell(string name, string value) => $"<TableCell><ReportItems><Textbox Name=\"{name}\"><Value>{value}</Value></Textbox></ReportItems></TableCell>";

    private static string Row(string height, params string[] cells) => $"<TableRow><Height>{height}</Height><TableCells>{string.Concat(cells)}</TableCells></TableRow>";

    private static readonly string GroupedTable = $"""
        <Table Name="Orders">
          <DataSetName>Sales</DataSetName>
          <Top>0.5in</Top><Left>0.25in</Left><Width>3in</Width><Height>1.5in</Height>
          <NoRows>No orders</NoRows>
          <PageBreakAtEnd>true</PageBreakAtEnd>
          <Filters><Filter><FilterExpression>=Fields!Amount.Value</FilterExpression><Operator>GreaterThan</Operator><FilterValues><FilterValue>0</FilterValue></FilterValues></Filter></Filters>
          <TableColumns>
            <TableColumn><Width>1in</Width></TableColumn>
            <TableColumn><Width>1.5in</Width><Visibility><Hidden>true</Hidden></Visibility></TableColumn>
            <TableColumn><Width>0.5in</Width></TableColumn>
          </TableColumns>
          <Header>
            <TableRows>{Row("0.25in", Cell("hRegion", "Region"), Cell("hCity", "City"), Cell("hAmount", "Amount"))}</TableRows>
            <RepeatOnNewPage>true</RepeatOnNewPage>
            <FixedHeader>true</FixedHeader>
          </Header>
          <TableGroups>
            <TableGroup>
              <Grouping Name="RegionGroup">
                <GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions>
                <PageBreakAtStart>true</PageBreakAtStart>
              </Grouping>
              <Sorting><SortBy><SortExpression>=Fields!Region.Value</SortExpression><Direction>Descending</Direction></SortBy></Sorting>
              <Header><TableRows>{Row("0.3in", "<TableCell><ColSpan>3</ColSpan><ReportItems><Textbox Name=\"gRegion\"><Value>=Fields!Region.Value</Value></Textbox></ReportItems></TableCell>")}</TableRows></Header>
              <Footer><TableRows>{Row("0.2in", Cell("fRegion", "Total"), Cell("fBlank", ""), Cell("fSum", "=Sum(Fields!Amount.Value)"))}</TableRows></Footer>
            </TableGroup>
            <TableGroup>
              <Grouping Name="CityGroup">
                <GroupExpressions><GroupExpression>=Fields!City.Value</GroupExpression></GroupExpressions>
              </Grouping>
              <Visibility><Hidden>true</Hidden><ToggleItem>gRegion</ToggleItem></Visibility>
              <Header><TableRows>{Row("0.2in", Cell("cBlank", ""), Cell("cCity", "=Fields!City.Value"), Cell("cSum", "=Sum(Fields!Amount.Value)"))}</TableRows></Header>
            </TableGroup>
          </TableGroups>
          <Details>
            <TableRows>{Row("0.2in", Cell("dBlank", ""), Cell("dBlank2", ""), Cell("dAmount", "=Fields!Amount.Value"))}</TableRows>
            <Sorting><SortBy><SortExpression>=Fields!Amount.Value</SortExpression></SortBy></Sorting>
          </Details>
          <Footer>
            <TableRows>{Row("0.25in", "<TableCell><ColSpan>2</ColSpan><ReportItems><Textbox Name=\"tLabel\"><Value>Grand total</Value></Textbox></ReportItems></TableCell>", Cell("tSum", "=Sum(Fields!Amount.Value)"))}</TableRows>
          </Footer>
        </Table>
        """;

    private static TablixDefinition ReadSingle(string items, out Rdl.Model.Reading.RdlReadResult result)
    {
        result = TestRdl.Read(TestRdl.Minimal2005(items));
        Assert.That(result.Success, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
        return (TablixDefinition)result.Report!.Sections[0].Body.Items.Single();
    }

    [Test]
    public void A_table_reads_as_a_tablix_without_diagnostics()
    {
        var tablix = ReadSingle(GroupedTable, out var result);

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.That(tablix.Name, Is.EqualTo("Orders"));
        Assert.That(tablix.DataSetName, Is.EqualTo("Sales"));
        Assert.That(tablix.Bounds.Top.Points, Is.EqualTo(36).Within(1e-9));
        Assert.That(tablix.NoRowsMessage?.Raw, Is.EqualTo("No orders"));
        Assert.That(tablix.PageBreak?.Location, Is.EqualTo(BreakLocation.End));
        Assert.That(tablix.Filters.Single().Operator, Is.EqualTo("GreaterThan"));
        Assert.That(tablix.ColumnWidths.Select(w => w.Points), Is.EqualTo(new[] { 72.0, 108.0, 36.0 }));
        Assert.That(tablix.ColumnHierarchy.Select(m => m.IsStatic && m.IsLeaf), Is.All.True);
        Assert.That(tablix.ColumnHierarchy.Select(m => m.Hidden?.Raw), Is.EqualTo(new[] { null, "true", null }));
    }

    [Test]
    public void Body_rows_come_in_leaf_order_header_groups_details_footers()
    {
        var tablix = ReadSingle(GroupedTable, out _);

        var firstItems = tablix.Rows.Select(r => r.Cells[0].Contents?.Name ?? r.Cells[2].Contents?.Name).ToList();
        Assert.That(firstItems, Is.EqualTo(new[] { "hRegion", "gRegion", "cBlank", "dBlank", "fRegion", "tLabel" }));
        Assert.That(tablix.Rows.Select(r => r.Height.Points), Is.EqualTo(new[] { 18.0, 21.6, 14.4, 14.4, 14.4, 18.0 }).Within(1e-9));
        Assert.That(tablix.Rows.Select(r => r.Cells.Length), Is.All.EqualTo(3));
    }

    [Test]
    public void The_row_hierarchy_nests_groups_around_the_details()
    {
        var hierarchy = ReadSingle(GroupedTable, out _).RowHierarchy;

        Assert.That(hierarchy, Has.Length.EqualTo(3));
        var header = hierarchy[0];
        Assert.That((header.IsStatic, header.IsLeaf, header.KeepWithGroup, header.RepeatOnNewPage), Is.EqualTo((true, true, "After", true)));
        var region = hierarchy[1];
        Assert.That(region.Group!.Name, Is.EqualTo("RegionGroup"));
        Assert.That(region.Group.GroupExpressions.Single().Raw, Is.EqualTo("=Fields!Region.Value"));
        Assert.That(region.Group.PageBreak?.Location, Is.EqualTo(BreakLocation.Start));
        Assert.That(region.SortExpressions.Single().Descending, Is.True);
        Assert.That(region.Children.Select(c => c.IsStatic), Is.EqualTo(new[] { true, false, true }));
        Assert.That(region.Children[0].KeepWithGroup, Is.EqualTo("After"));
        Assert.That(region.Children[2].KeepWithGroup, Is.EqualTo("Before"));

        var city = region.Children[1];
        Assert.That(city.Group!.Name, Is.EqualTo("CityGroup"));
        Assert.That(city.Hidden?.Raw, Is.EqualTo("true"));
        Assert.That(city.ToggleItem, Is.EqualTo("gRegion"));
        Assert.That(city.Children.Select(c => c.IsStatic), Is.EqualTo(new[] { true, false }));

        var details = city.Children[1];
        Assert.That(details.Group!.IsDetails, Is.True);
        Assert.That(details.Group.Name, Is.EqualTo("Orders_Details_Group"));
        Assert.That(details.IsLeaf, Is.True);
        Assert.That(details.SortExpressions.Single().Value.Raw, Is.EqualTo("=Fields!Amount.Value"));
        Assert.That(details.SortExpressions.Single().Descending, Is.False);

        var footer = hierarchy[2];
        Assert.That((footer.IsStatic, footer.IsLeaf, footer.KeepWithGroup, footer.RepeatOnNewPage), Is.EqualTo((true, true, "Before", false)));
    }

    [Test]
    public void ColSpan_is_followed_by_covered_cells()
    {
        var tablix = ReadSingle(GroupedTable, out _);

        var groupHeader = tablix.Rows[1].Cells;
        Assert.That(groupHeader.Select(c => (c.Contents?.Name, c.ColSpan)), Is.EqualTo(new (string?, int)[] { ("gRegion", 3), (null, 1), (null, 1) }));
        var footer = tablix.Rows[5].Cells;
        Assert.That(footer.Select(c => (c.Contents?.Name, c.ColSpan)), Is.EqualTo(new (string?, int)[] { ("tLabel", 2), (null, 1), ("tSum", 1) }));
    }

    [Test]
    public void A_details_grouping_with_parent_becomes_a_recursive_group()
    {
        var tablix = ReadSingle($"""
            <Table Name="Staff">
              <DataSetName>Sales</DataSetName>
              <TableColumns><TableColumn><Width>2in</Width></TableColumn></TableColumns>
              <Details>
                <TableRows>{Row("0.25in", Cell("Name", "=Fields!Name.Value"))}</TableRows>
                <Grouping Name="Staff_Details_Group">
                  <GroupExpressions><GroupExpression>=Fields!EmployeeID.Value</GroupExpression></GroupExpressions>
                  <Parent>=Fields!ManagerID.Value</Parent>
                </Grouping>
              </Details>
            </Table>
            """, out var result);

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
        var member = tablix.RowHierarchy.Single();
        Assert.That(member.Group!.Name, Is.EqualTo("Staff_Details_Group"));
        Assert.That(member.Group.Parent?.Raw, Is.EqualTo("=Fields!ManagerID.Value"));
        Assert.That(member.Group.GroupExpressions.Single().Raw, Is.EqualTo("=Fields!EmployeeID.Value"));
        Assert.That(tablix.Rows.Single().Cells.Single().Contents?.Name, Is.EqualTo("Name"));
    }

    [Test]
    public void Several_detail_rows_become_static_children_of_the_details_member()
    {
        var tablix = ReadSingle($"""
            <Table Name="Lines">
              <DataSetName>Sales</DataSetName>
              <TableColumns><TableColumn><Width>2in</Width></TableColumn></TableColumns>
              <Details>
                <TableRows>
                  {Row("0.25in", Cell("Line1", "=Fields!Amount.Value"))}
                  <TableRow><Height>0.2in</Height><Visibility><Hidden>true</Hidden></Visibility><TableCells>{Cell("Line2", "x")}</TableCells></TableRow>
                </TableRows>
              </Details>
            </Table>
            """, out _);

        var details = tablix.RowHierarchy.Single();
        Assert.That(details.Group!.IsDetails, Is.True);
        Assert.That(details.Children.Select(c => (c.IsStatic, c.IsLeaf, c.Hidden?.Raw)), Is.EqualTo(new (bool, bool, string?)[] { (true, true, null), (true, true, "true") }));
        Assert.That(tablix.Rows.Select(r => r.Cells[0].Contents?.Name), Is.EqualTo(new[] { "Line1", "Line2" }));
    }

    [Test]
    public void A_row_with_too_few_cells_is_padded_with_a_warning()
    {
        var tablix = ReadSingle($"""
            <Table Name="Short">
              <TableColumns><TableColumn><Width>1in</Width></TableColumn><TableColumn><Width>1in</Width></TableColumn></TableColumns>
              <Header><TableRows>{Row("0.25in", Cell("Only", "x"))}</TableRows></Header>
            </Table>
            """, out var result);

        Assert.That(tablix.Rows.Single().Cells, Has.Length.EqualTo(2));
        Assert.That(result.Diagnostics.Single().Severity, Is.EqualTo(Rdl.Model.Diagnostics.DiagnosticSeverity.Warning));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("padded"));
    }
}
