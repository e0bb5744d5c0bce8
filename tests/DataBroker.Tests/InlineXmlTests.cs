using System.Text;
using DataBroker.Queries;
using Rdl.Model.Definitions;
using Rdl.Model.Reading;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

/// <summary>Data a report carries itself (XML query with XmlData, Report Builder ENTERDATA, fyiReporting &lt;Rows&gt;), read without a registered source.</summary>
public class InlineXmlTests
{
    private static TestBroker Broker() => new(new Dictionary<string, string?>());

    private static ReportDefinition Read(string dataSources, string dataSet, string ns = "http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition")
    {
        var rdl = $"""
            <Report xmlns="{ns}" xmlns:rd="http://schemas.microsoft.com/SQLServer/reporting/reportdesigner">
              <DataSources>{dataSources}</DataSources>
              <DataSets>{dataSet}</DataSets>
              <ReportSections><ReportSection><Body><ReportItems /><Height>1in</Height></Body><Width>1in</Width><Page /></ReportSection></ReportSections>
            </Report>
            """;
        var result = RdlReader.Read(Encoding.UTF8.GetBytes(rdl), "Inline.rdl");
        Assert.That(result.Report, Is.Not.Null, string.Join("; ", result.Diagnostics));
        return result.Report!;
    }

    private static string XmlSource(string provider = "XML", string connect = "") =>
        $"<DataSource Name=\"Inline\"><ConnectionProperties><DataProvider>{provider}</DataProvider><ConnectString>{connect}</ConnectString></ConnectionProperties></DataSource>";

    private static string DataSet(string commandText, string fields) =>
        $"<DataSet Name=\"Items\"><Query><DataSourceName>Inline</DataSourceName><CommandText>{System.Security.SecurityElement.Escape(commandText)}</CommandText></Query><Fields>{fields}</Fields></DataSet>";

    private static async Task<(DataQueryResult Result, List<object?[]> Rows)> Run(ReportDefinition report, string dataSet = "Items")
    {
        using var broker = Broker();
        var result = await broker.Runner.ExecuteAsync(report, dataSet, Values(), CancellationToken.None);
        var rows = result.Success ? await result.ReadAllAsync() : [];
        return (result, rows);
    }

    [Test]
    public async Task Xml_query_with_element_path_reads_attribute_rows_typed_by_field_type_names()
    {
        var report = Read(XmlSource(), DataSet(
            """<Query><XmlData><Rows><Row A="1" B="x" D="2024-03-01"/><Row A="22" B="y" D="2024-12-31"/></Rows></XmlData><ElementPath>Rows{}/Row</ElementPath></Query>""",
            """
            <Field Name="A"><DataField>A</DataField><rd:TypeName>System.Int32</rd:TypeName></Field>
            <Field Name="B"><DataField>B</DataField><rd:TypeName>System.String</rd:TypeName></Field>
            <Field Name="D"><DataField>D</DataField><rd:TypeName>System.DateTime</rd:TypeName></Field>
            """));

        var (result, rows) = await Run(report);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That(result.Columns, Is.EqualTo(new[] { "A", "B", "D" }));
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[1][0], Is.EqualTo(22));
        Assert.That(rows[1][1], Is.EqualTo("y"));
        Assert.That(rows[0][2], Is.EqualTo(new DateTime(2024, 3, 1)));
    }

    [Test]
    public async Task Element_path_types_and_outer_values_repeat_on_each_row()
    {
        var report = Read(XmlSource(), DataSet(
            """
            <Query><XmlData>
              <Customers>
                <Customer Name="Ann"><Orders><Order ID="1"><Qty>3</Qty></Order><Order ID="2"><Qty>5</Qty></Order></Orders></Customer>
                <Customer Name="Bob"><Orders><Order ID="3"><Qty>7</Qty></Order></Orders></Customer>
              </Customers>
            </XmlData><ElementPath>Customers{}/Customer{@Name}/Orders{}/Order{@ID(Integer),Qty(Integer)}</ElementPath></Query>
            """,
            "<Field Name=\"Name\"><DataField>Name</DataField></Field><Field Name=\"ID\"><DataField>ID</DataField></Field><Field Name=\"Qty\"><DataField>Qty</DataField></Field>"));

        var (result, rows) = await Run(report);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That(result.Columns, Is.EqualTo(new[] { "Name", "ID", "Qty" }));
        Assert.That(rows.Select(r => $"{r[0]}:{r[1]}:{r[2]}"), Is.EqualTo(new[] { "Ann:1:3", "Ann:2:5", "Bob:3:7" }));
        Assert.That(rows[0][2], Is.TypeOf<int>());
    }

    [Test]
    public async Task Enter_data_without_element_path_uses_the_first_path_to_leaves()
    {
        var report = Read(XmlSource("ENTERDATA"), DataSet(
            "<Query><XmlData><Data><Row><Category>Bikes</Category><Total>10.5</Total></Row><Row><Category>Helmets</Category><Total>2</Total></Row></Data></XmlData></Query>",
            "<Field Name=\"Category\"><DataField>Category</DataField><rd:TypeName>System.String</rd:TypeName></Field><Field Name=\"Total\"><DataField>Total</DataField><rd:TypeName>System.Decimal</rd:TypeName></Field>"));

        var (result, rows) = await Run(report);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "Bikes", "Helmets" }));
        Assert.That(rows.Select(r => r[1]), Is.EqualTo(new object[] { 10.5m, 2m }));
    }

    [Test]
    public async Task FyiReporting_rows_in_the_data_set_are_read()
    {
        var report = Read(
            "<DataSource Name=\"DS1\"><ConnectionProperties><DataProvider>SQLite</DataProvider><ConnectString>Data Source=northwind.db</ConnectString></ConnectionProperties></DataSource>",
            """
            <DataSet Name="Data"><Query><DataSourceName>DS1</DataSourceName></Query>
              <Fields><Field Name="Region"><DataField>Region</DataField><TypeName>String</TypeName></Field><Field Name="Sales"><DataField>Sales</DataField><TypeName>Decimal</TypeName></Field></Fields>
              <Rows><Row><Region>New England</Region><Sales>50</Sales></Row><Row><Region>Pacific</Region><Sales>27.5</Sales></Row></Rows>
            </DataSet>
            """, ns: "");

        var (result, rows) = await Run(report, "Data");

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "New England", "Pacific" }));
        Assert.That(rows.Select(r => r[1]), Is.EqualTo(new object[] { 50m, 27.5m }));
    }

    [Test]
    public async Task FyiReporting_rows_read_from_a_file_are_refused()
    {
        var report = Read(XmlSource("xxx"), "<DataSet Name=\"Data\"><Query><DataSourceName>Inline</DataSourceName></Query><Fields><Field Name=\"A\"><DataField>A</DataField></Field></Fields><Rows File=\"/etc/passwd\" /></DataSet>", ns: "");

        var (result, _) = await Run(report, "Data");

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6008"));
    }

    [TestCase("http://169.254.169.254/latest/meta-data/")]
    [TestCase("file:///etc/passwd")]
    public async Task An_xml_data_source_naming_a_url_is_refused_and_nothing_is_fetched(string url)
    {
        var report = Read(XmlSource("XML", url), DataSet("<Query><ElementPath>Rows{}/Row</ElementPath></Query>", "<Field Name=\"A\"><DataField>A</DataField></Field>"));

        var (result, _) = await Run(report);

        Assert.That(result.Success, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo("DAT6008"));
        Assert.That(diagnostic.Message, Does.Contain("Items").And.Contain("URL"));
        Assert.That(diagnostic.Message, Does.Not.Contain(url), "the address chosen by the report is not echoed");
    }

    [Test]
    public async Task Inline_xml_with_a_dtd_is_rejected_without_expanding_entities()
    {
        var report = Read(XmlSource(), DataSet(
            """<Query><XmlData><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><Rows><Row A="&e;"/></Rows></XmlData></Query>""",
            "<Field Name=\"A\"><DataField>A</DataField></Field>"));

        var (result, _) = await Run(report);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6003"));
        Assert.That(result.Diagnostics.Single().Message, Does.Not.Contain("root:"));
    }

    [Test]
    public async Task A_registered_source_still_wins_over_an_xml_provider_without_inline_data()
    {
        var folder = Directory.CreateTempSubdirectory("databroker-xmlreg-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Items.csv"), "A:int\n5\n");
            using var broker = new TestBroker(new Dictionary<string, string?>
            {
                ["DataBroker:DataSources:Inline:Provider"] = "csv",
                ["DataBroker:DataSources:Inline:ConnectionString"] = folder,
            });
            var report = Read(XmlSource("XML", "http://example.com/data.xml"), DataSet("<Query/>", "<Field Name=\"A\"><DataField>A</DataField></Field>"));
            await using var result = await broker.Runner.ExecuteAsync(report, "Items", Values(), CancellationToken.None);
            Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
            Assert.That((await result.ReadAllAsync()).Single()[0], Is.EqualTo(5));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
