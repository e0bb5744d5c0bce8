using Rdl.Model.Definitions.Tablix;

namespace Rdl.Model.Tests.Reading;

/// <summary>RDL 2005 &lt;Matrix&gt; becomes a Tablix with header members, subtotal members and a corner.</summary>
public sealed class LegacyMatrixTests
{
    private static string Box(string name, string value) => $"<ReportItems><Textbox Name=\"{name}\"><Value>{value}</Value></Textbox></ReportItems>";

    // Rows: Region groups (subtotal after). Columns: Year groups (subtotal before), then two static columns Qty / Amount.
    private static readonly string SalesMatrix = $"""
        <Matrix Name="Sales">
          <DataSetName>Sales</DataSetName>
          <Top>0.25in</Top><Width>5in</Width><Height>1in</Height>
          <Corner>{Box("CornerBox", "Region")}</Corner>
          <ColumnGroupings>
            <ColumnGrouping>
              <Height>0.3in</Height>
              <DynamicColumns>
                <Grouping Name="YearGroup"><GroupExpressions><GroupExpression>=Fields!City.Value</GroupExpression></GroupExpressions></Grouping>
                <Sorting><SortBy><SortExpression>=Fields!City.Value</SortExpression><Direction>Descending</Direction></SortBy></Sorting>
                {Box("YearHeader", "=Fields!City.Value")}
                <Subtotal>{Box("AllYears", "All")}<Position>Before</Position></Subtotal>
              </DynamicColumns>
            </ColumnGrouping>
            <ColumnGrouping>
              <Height>0.2in</Height>
              <StaticColumns>
                <StaticColumn>{Box("QtyHeader", "Qty")}</StaticColumn>
                <StaticColumn>{Box("AmountHeader", "Amount")}</StaticColumn>
              </StaticColumns>
            </ColumnGrouping>
          </ColumnGroupings>
          <RowGroupings>
            <RowGrouping>
              <Width>1.5in</Width>
              <DynamicRows>
                <Grouping Name="RegionGroup"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Grouping>
                <Visibility><Hidden>true</Hidden><ToggleItem>CornerBox</ToggleItem></Visibility>
                {Box("RegionHeader", "=Fields!Region.Value")}
                <Subtotal>{Box("AllRegions", "Total")}</Subtotal>
              </DynamicRows>
            </RowGrouping>
          </RowGroupings>
          <MatrixColumns>
            <MatrixColumn><Width>0.75in</Width></MatrixColumn>
            <MatrixColumn><Width>1in</Width></MatrixColumn>
          </MatrixColumns>
          <MatrixRows>
            <MatrixRow>
              <Height>0.25in</Height>
              <MatrixCells>
                <MatrixCell>{Box("QtyCell", "=Count(Fields!Amount.Value)")}</MatrixCell>
                <MatrixCell>{Box("AmountCell", "=Sum(Fields!Amount.Value)")}</MatrixCell>
              </MatrixCells>
            </MatrixRow>
          </MatrixRows>
        </Matrix>
        """;

    private static TablixDefinition Read(out Rdl.Model.Reading.RdlReadResult result)
    {
        result = TestRdl.Read(TestRdl.Minimal2005(SalesMatrix));
        Assert.That(result.Success, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
        return (TablixDefinition)result.Report!.Sections[0].Body.Items.Single();
    }

    [Test]
    public void A_matrix_reads_as_a_tablix_without_diagnostics()
    {
        var tablix = Read(out var result);

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.That(tablix.Name, Is.EqualTo("Sales"));
        Assert.That(tablix.DataSetName, Is.EqualTo("Sales"));
    }

    [Test]
    public void Column_hierarchy_has_the_subtotal_before_the_group_and_static_columns_under_both()
    {
        var columns = Read(out _).ColumnHierarchy;

        Assert.That(columns, Has.Length.EqualTo(2));
        var subtotal = columns[0];
        Assert.That(subtotal.IsStatic, Is.True);
        Assert.That(subtotal.Header!.Cell.Contents!.Name, Is.EqualTo("AllYears"));
        Assert.That(subtotal.Header.Size.Points, Is.EqualTo(21.6).Within(1e-9));
        Assert.That(subtotal.Children.Select(c => c.Header!.Cell.Contents!.Name), Is.EqualTo(new[] { "QtyHeader", "AmountHeader" }));

        var year = columns[1];
        Assert.That(year.Group!.Name, Is.EqualTo("YearGroup"));
        Assert.That(year.SortExpressions.Single().Descending, Is.True);
        Assert.That(year.Header!.Cell.Contents!.Name, Is.EqualTo("YearHeader"));
        Assert.That(year.Children.Select(c => c.Header!.Cell.Contents!.Name), Is.EqualTo(new[] { "QtyHeader_2", "AmountHeader_2" }), "repeated headers get unique names");
        Assert.That(year.Children.Select(c => c.Header!.Size.Points), Is.All.EqualTo(14.4).Within(1e-9));
    }

    [Test]
    public void Row_hierarchy_has_the_group_then_its_subtotal_with_visibility()
    {
        var rows = Read(out _).RowHierarchy;

        Assert.That(rows, Has.Length.EqualTo(2));
        Assert.That(rows[0].Group!.Name, Is.EqualTo("RegionGroup"));
        Assert.That(rows[0].Hidden?.Raw, Is.EqualTo("true"));
        Assert.That(rows[0].ToggleItem, Is.EqualTo("CornerBox"));
        Assert.That(rows[0].Header!.Size.Points, Is.EqualTo(108).Within(1e-9));
        Assert.That(rows[0].IsLeaf, Is.True);
        Assert.That((rows[1].IsStatic, rows[1].IsLeaf, rows[1].Header!.Cell.Contents!.Name), Is.EqualTo((true, true, "AllRegions")));
    }

    [Test]
    public void Body_repeats_the_matrix_cells_for_every_leaf_pair()
    {
        var tablix = Read(out _);

        Assert.That(tablix.ColumnWidths.Select(w => w.Points), Is.EqualTo(new[] { 54.0, 72.0, 54.0, 72.0 }).Within(1e-9));
        Assert.That(tablix.Rows, Has.Length.EqualTo(2));
        Assert.That(tablix.Rows.Select(r => r.Height.Points), Is.All.EqualTo(18).Within(1e-9));
        var values = tablix.Rows.Select(r => r.Cells.Select(c => ((Rdl.Model.Definitions.Items.Textbox)c.Contents!).SingleValue!.Raw).ToList()).ToList();
        Assert.That(values[0], Is.EqualTo(new[] { "=Count(Fields!Amount.Value)", "=Sum(Fields!Amount.Value)", "=Count(Fields!Amount.Value)", "=Sum(Fields!Amount.Value)" }));
        Assert.That(values[1], Is.EqualTo(values[0]));
        var names = tablix.Rows.SelectMany(r => r.Cells).Select(c => c.Contents!.Name).ToList();
        Assert.That(names, Is.Unique);
        Assert.That(names[0], Is.EqualTo("QtyCell"));
    }

    [Test]
    public void The_corner_spans_the_header_area()
    {
        var corner = Read(out _).CornerRows;

        Assert.That(corner, Has.Length.EqualTo(2), "two column-header levels");
        Assert.That(corner[0], Has.Length.EqualTo(1), "one row-header level");
        Assert.That((corner[0][0].Contents!.Name, corner[0][0].ColSpan, corner[0][0].RowSpan), Is.EqualTo(("CornerBox", 1, 2)));
        Assert.That(corner[1][0].Contents, Is.Null);
    }
}
