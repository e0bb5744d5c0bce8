using Rdl.Model.Tests.Reading;

namespace Rdl.Model.Tests.Validation;

/// <summary>Consistency checks run after reading (RDL2xxx).</summary>
public sealed class DefinitionValidatorTests
{
    private static string Tablix(string dataSetName = "Sales", string cells = DefaultCells, string rowMembers = "<TablixMember />") => $"""
                  <Tablix Name="Grid">
                    <TablixBody>
                      <TablixColumns><TablixColumn><Width>1in</Width></TablixColumn><TablixColumn><Width>1in</Width></TablixColumn></TablixColumns>
                      <TablixRows>
                        <TablixRow>
                          <Height>0.25in</Height>
                          <TablixCells>{cells}</TablixCells>
                        </TablixRow>
                      </TablixRows>
                    </TablixBody>
                    <TablixColumnHierarchy><TablixMembers><TablixMember /><TablixMember /></TablixMembers></TablixColumnHierarchy>
                    <TablixRowHierarchy><TablixMembers>{rowMembers}</TablixMembers></TablixRowHierarchy>
                    <DataSetName>{dataSetName}</DataSetName>
                  </Tablix>
        """;

    private const string DefaultCells =
        "<TablixCell><CellContents><Textbox Name=\"A\"><Paragraphs /></Textbox></CellContents></TablixCell>"
        + "<TablixCell><CellContents><Textbox Name=\"B\"><Paragraphs /></Textbox></CellContents></TablixCell>";

    [Test]
    public void ValidTablixHasNoDiagnostics()
    {
        var result = TestRdl.Read(TestRdl.Minimal2016(Tablix()));

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Test]
    public void UndeclaredDataSetIsRdl2002AtTheTablix()
    {
        var xml = TestRdl.Minimal2016(Tablix(dataSetName: "Missing"));

        var result = TestRdl.Read(xml);

        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("RDL2002"));
        Assert.That(error.Message, Does.Contain("'Missing'"));
        Assert.That(error.ObjectPath, Is.EqualTo("Tablix 'Grid'"));
        Assert.That(error.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<Tablix ").Line));
    }

    [Test]
    public void DuplicateItemNamesAreRdl2001()
    {
        var xml = TestRdl.Minimal2016(Tablix() + "<Textbox Name=\"A\"><Paragraphs /></Textbox>");

        var result = TestRdl.Read(xml);

        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("RDL2001"));
        Assert.That(error.Message, Does.Contain("'A'"));
        Assert.That(error.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<Textbox Name=\"A\"><Paragraphs /></Textbox>\n").Line));
    }

    [Test]
    public void UndeclaredDataSourceIsRdl2003AtTheQuery()
    {
        var xml = TestRdl.Minimal2016(string.Empty).Replace("<DataSourceName>DS1</DataSourceName>", "<DataSourceName>Nope</DataSourceName>", StringComparison.Ordinal);

        var result = TestRdl.Read(xml);

        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("RDL2003"));
        Assert.That(error.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<Query>").Line));
    }

    [Test]
    public void RowWithTooFewCellsIsRdl2004AtTheRow()
    {
        var xml = TestRdl.Minimal2016(Tablix(cells: "<TablixCell><CellContents><Textbox Name=\"A\"><Paragraphs /></Textbox><ColSpan>2</ColSpan></CellContents></TablixCell>"));

        var result = TestRdl.Read(xml);

        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("RDL2004"));
        Assert.That(error.Message, Does.Contain("1 TablixCell").And.Contain("2 columns"));
        Assert.That(error.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<TablixRow>").Line));
    }

    [Test]
    public void ColSpanFollowedByAnEmptyCellIsValid()
    {
        var xml = TestRdl.Minimal2016(Tablix(cells: "<TablixCell><CellContents><Textbox Name=\"A\"><Paragraphs /></Textbox><ColSpan>2</ColSpan></CellContents></TablixCell><TablixCell />"));

        var result = TestRdl.Read(xml);

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Test]
    public void ColSpanPastTheLastColumnIsRdl2004()
    {
        var xml = TestRdl.Minimal2016(Tablix(cells: "<TablixCell /><TablixCell><CellContents><Textbox Name=\"A\"><Paragraphs /></Textbox><ColSpan>2</ColSpan></CellContents></TablixCell>"));

        var result = TestRdl.Read(xml);

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("RDL2004"));
    }

    [Test]
    public void LeafRowMembersNotMatchingRowsIsRdl2005()
    {
        var xml = TestRdl.Minimal2016(Tablix(rowMembers: "<TablixMember /><TablixMember />"));

        var result = TestRdl.Read(xml);

        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("RDL2005"));
        Assert.That(error.Message, Does.Contain("1 TablixRows").And.Contain("2 leaf"));
    }

    [Test]
    public void A_table_naming_no_dataset_in_a_report_with_two_is_Rdl2008_at_the_table()
    {
        // Issue 20: this failed while processing (PRC4090 "The data region names no dataset ...") with no location.
        var xml = TestRdl.Minimal2016(Tablix().Replace("<DataSetName>Sales</DataSetName>", "", StringComparison.Ordinal))
            .Replace("</DataSets>", "<DataSet Name=\"Other\"><Query><DataSourceName>DS1</DataSourceName><CommandText>SELECT 2</CommandText></Query></DataSet></DataSets>", StringComparison.Ordinal);

        var result = TestRdl.Read(xml);

        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo("RDL2008"));
        Assert.That(error.Message, Does.Contain("Tablix 'Grid' names no dataset").And.Contain("declares 2"));
        Assert.That(error.ObjectPath, Is.EqualTo("Tablix 'Grid'"));
        Assert.That(error.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<Tablix ").Line));
    }

    [Test]
    public void A_table_naming_no_dataset_takes_the_only_one()
    {
        var xml = TestRdl.Minimal2016(Tablix().Replace("<DataSetName>Sales</DataSetName>", "", StringComparison.Ordinal));

        Assert.That(TestRdl.Read(xml).Diagnostics.Where(d => d.IsError), Is.Empty);
    }
}
