using System.Text;
using Rdl.Model.Reading;

namespace Rdl.Model.Tests.Reading;

/// <summary>Parameter defaults and valid values from datasets, static valid values, and fyiReporting inline rows.</summary>
public sealed class ParameterDataReaderTests
{
    private const string Ns = "http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition";

    private static Definitions.ReportDefinition Read(string inner, string ns = Ns)
    {
        var rdl = $"<Report xmlns=\"{ns}\">{inner}<ReportSections><ReportSection><Body><ReportItems /><Height>1in</Height></Body><Width>1in</Width><Page /></ReportSection></ReportSections></Report>";
        var result = RdlReader.Read(Encoding.UTF8.GetBytes(rdl), "P.rdl");
        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That(result.Diagnostics.Where(d => d.Code == "RDL1102"), Is.Empty, "no 'not supported' warning");
        return result.Report!;
    }

    [Test]
    public void Dataset_default_and_valid_values_are_read()
    {
        var report = Read("""
            <ReportParameters><ReportParameter Name="Region"><DataType>String</DataType><MultiValue>true</MultiValue>
              <DefaultValue><DataSetReference><DataSetName>Regions</DataSetName><ValueField>Code</ValueField></DataSetReference></DefaultValue>
              <ValidValues><DataSetReference><DataSetName>Regions</DataSetName><ValueField>Code</ValueField><LabelField>Name</LabelField></DataSetReference></ValidValues>
            </ReportParameter></ReportParameters>
            """);

        var parameter = report.Parameters.Single();
        Assert.That(parameter.DefaultDataSet?.DataSetName, Is.EqualTo("Regions"));
        Assert.That(parameter.DefaultDataSet?.ValueField, Is.EqualTo("Code"));
        Assert.That(parameter.ValidValuesDataSet?.LabelField, Is.EqualTo("Name"));
        Assert.That(parameter.HasValidValues, Is.True);
    }

    [Test]
    public void Static_valid_values_keep_values_and_labels()
    {
        var report = Read("""
            <ReportParameters><ReportParameter Name="Year"><DataType>Integer</DataType>
              <ValidValues><ParameterValues>
                <ParameterValue><Value>2023</Value><Label>Last year</Label></ParameterValue>
                <ParameterValue><Value>=Year(Today())</Value></ParameterValue>
              </ParameterValues></ValidValues>
            </ReportParameter></ReportParameters>
            """);

        var values = report.Parameters.Single().ValidValues;
        Assert.That(values.Select(v => v.Value?.Raw), Is.EqualTo(new[] { "2023", "=Year(Today())" }));
        Assert.That(values.Select(v => v.Label?.Raw), Is.EqualTo(new[] { "Last year", null }));
    }

    [Test]
    public void FyiReporting_rows_are_kept_on_the_data_set()
    {
        var report = Read("""
            <DataSources><DataSource Name="DS1"><ConnectionProperties><DataProvider>xxx</DataProvider><ConnectString>x</ConnectString></ConnectionProperties></DataSource></DataSources>
            <DataSets><DataSet Name="Data"><Query><DataSourceName>DS1</DataSourceName></Query><Fields><Field Name="A"><DataField>A</DataField></Field></Fields>
              <fyi:Rows xmlns:fyi="http://www.fyireporting.com/schemas"><Row><A>1</A></Row></fyi:Rows></DataSet></DataSets>
            """);

        Assert.That(report.DataSets.Single().InlineRows, Does.Contain("<A>1</A>").And.Contain("Row"));
    }
}
