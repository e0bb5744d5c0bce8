namespace Rdl.Model.Tests.Reading;

public class ParameterLayoutReaderTests
{
    private static string WithLayout(string cells, int columns = 2, int rows = 1) => TestRdl.Minimal2016("").Replace("</DataSets>", $"""
        </DataSets>
          <ReportParameters>
            <ReportParameter Name="Year"><DataType>Integer</DataType><Prompt>Year</Prompt></ReportParameter>
            <ReportParameter Name="Region"><DataType>String</DataType><Prompt>Region</Prompt></ReportParameter>
          </ReportParameters>
          <ReportParametersLayout><GridLayoutDefinition><NumberOfColumns>{columns}</NumberOfColumns><NumberOfRows>{rows}</NumberOfRows>
            <CellDefinitions>{cells}</CellDefinitions></GridLayoutDefinition></ReportParametersLayout>
        """, StringComparison.Ordinal);

    [Test]
    public void The_grid_places_each_parameter_in_its_cell()
    {
        var result = TestRdl.Read(WithLayout("""
            <CellDefinition><ColumnIndex>1</ColumnIndex><RowIndex>0</RowIndex><ParameterName>Year</ParameterName></CellDefinition>
            <CellDefinition><ColumnIndex>0</ColumnIndex><RowIndex>0</RowIndex><ParameterName>Region</ParameterName></CellDefinition>
            """));

        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        var layout = result.Report!.ParameterLayout!;
        Assert.That((layout.Columns, layout.Rows), Is.EqualTo((2, 1)));
        Assert.That(layout.Cells.Select(c => (c.ParameterName, c.Row, c.Column)), Is.EqualTo(new[] { ("Year", 0, 1), ("Region", 0, 0) }));
    }

    [Test]
    public void A_grid_without_its_row_count_is_read_without_a_warning()
    {
        var result = TestRdl.Read(TestRdl.Sales2016, "Sales.rdl");

        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        Assert.That(result.Report!.ParameterLayout, Is.Not.Null.And.Property("Columns").EqualTo(2));
    }

    [Test]
    public void A_cell_outside_the_grid_or_naming_no_parameter_is_left_out_with_a_warning()
    {
        var result = TestRdl.Read(WithLayout("""
            <CellDefinition><ColumnIndex>5</ColumnIndex><RowIndex>0</RowIndex><ParameterName>Year</ParameterName></CellDefinition>
            <CellDefinition><ColumnIndex>0</ColumnIndex><RowIndex>0</RowIndex><ParameterName>Nope</ParameterName></CellDefinition>
            """));

        Assert.That(result.Success, Is.True);
        Assert.That(result.Report!.ParameterLayout!.Cells, Is.Empty);
        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.Contains("column 5").And.Some.Contains("'Nope'"));
        Assert.That(result.Diagnostics.All(d => d.Location.Line > 0), Is.True, "each warning names its line");
    }
}
