using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// Data features through the real host, sandbox and broker: samples/rdl/RegionFilter.rdl (multi-value parameter expanded into
/// IN (...), default and valid values from a dataset, dataset and group filters) and a report carrying inline XML data.
/// </summary>
[TestFixture]
public sealed class DataFeaturesTests : ServerTest
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");

    private Dictionary<string, (decimal Total, long Count)> Totals(string where)
    {
        using var connection = new SqliteConnection($"Data Source={Server.SampleDatabase};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Region, SUM(Amount), COUNT(*) FROM sales WHERE Year = 2024 AND {where} GROUP BY Region";
        using var reader = command.ExecuteReader();
        var totals = new Dictionary<string, (decimal, long)>();
        while (reader.Read()) totals[reader.GetString(0)] = (Math.Round(reader.GetDecimal(1), 2), reader.GetInt64(2));
        return totals;
    }

    private async Task<string> RenderText(string query)
    {
        var response = await Client.GetAsync("/api/reports/RegionFilter/render?format=pdf&" + query);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => Encoding.UTF8.GetString(body));
        using var document = PdfDocument.Open(body);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    private static void AssertRegionTotals(string text, Dictionary<string, (decimal Total, long Count)> expected)
    {
        foreach (var (region, (total, count)) in expected)
        {
            var label = "Total " + region;
            int at = text.IndexOf(label, StringComparison.Ordinal);
            Assert.That(at, Is.GreaterThanOrEqualTo(0), $"'{label}' is in the PDF");
            Assert.That(text.IndexOf($"{count} orders", at, StringComparison.Ordinal), Is.GreaterThan(at), $"{label}: {count} orders");
            Assert.That(text.IndexOf(total.ToString("#,0.00", EnUs), at, StringComparison.Ordinal), Is.GreaterThan(at), $"{label} = {total}");
        }
        var grand = expected.Values.Sum(v => v.Total).ToString("#,0.00", EnUs);
        int grandAt = text.IndexOf("Grand Total", StringComparison.Ordinal);
        Assert.That(text.IndexOf(grand, grandAt, StringComparison.Ordinal), Is.GreaterThan(grandAt), $"grand total {grand}");
    }

    [Test]
    public async Task Two_chosen_regions_and_a_minimum_amount_show_only_those_rows_with_database_totals()
    {
        var text = await RenderText("Regions=East&Regions=West&Year=2024&MinAmount=1000");

        var expected = Totals("Region IN ('East', 'West') AND Amount >= 1000");
        Assert.That(expected.Keys, Is.EquivalentTo(new[] { "East", "West" }));
        AssertRegionTotals(text, expected);
        Assert.That(text, Does.Not.Contain("Total North").And.Not.Contain("Total South"));
        Assert.That(text, Does.Contain("Orders 2024 in Region East, Region West"), "labels come from the valid-values dataset's LabelField");
    }

    [Test]
    public async Task Without_a_choice_the_default_from_the_regions_dataset_selects_every_region()
    {
        var text = await RenderText("Year=2024");

        var expected = Totals("1 = 1");
        Assert.That(expected, Has.Count.EqualTo(4));
        AssertRegionTotals(text, expected);
    }

    [Test]
    public async Task A_region_that_is_not_a_valid_value_is_PRC4006()
    {
        var response = await Client.GetAsync("/api/reports/RegionFilter/render?format=pdf&Regions=East&Regions=East')%20OR%201=1%20--");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.Contain("PRC4006").And.Contain("Regions"));
    }

    [Test]
    public async Task A_report_with_inline_xml_data_renders_without_a_registered_data_source()
    {
        var rdl = """
            <?xml version="1.0" encoding="utf-8"?>
            <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition" xmlns:rd="http://schemas.microsoft.com/SQLServer/reporting/reportdesigner">
              <DataSources><DataSource Name="Inline"><ConnectionProperties><DataProvider>XML</DataProvider><ConnectString /></ConnectionProperties></DataSource></DataSources>
              <DataSets>
                <DataSet Name="Fruit">
                  <Query><DataSourceName>Inline</DataSourceName>
                    <CommandText>&lt;Query&gt;&lt;XmlData&gt;&lt;Rows&gt;&lt;Row Name="Apple" Qty="3"/&gt;&lt;Row Name="Pear" Qty="40"/&gt;&lt;Row Name="Plum" Qty="5"/&gt;&lt;/Rows&gt;&lt;/XmlData&gt;&lt;ElementPath&gt;Rows{}/Row&lt;/ElementPath&gt;&lt;/Query&gt;</CommandText>
                  </Query>
                  <Fields>
                    <Field Name="Name"><DataField>Name</DataField><rd:TypeName>System.String</rd:TypeName></Field>
                    <Field Name="Qty"><DataField>Qty</DataField><rd:TypeName>System.Int32</rd:TypeName></Field>
                  </Fields>
                  <Filters><Filter><FilterExpression>=Fields!Qty.Value</FilterExpression><Operator>LessThan</Operator><FilterValues><FilterValue>10</FilterValue></FilterValues></Filter></Filters>
                </DataSet>
              </DataSets>
              <ReportSections><ReportSection>
                <Body><ReportItems>
                  <Textbox Name="Summary"><Paragraphs><Paragraph><TextRuns><TextRun><Value>="Fruit total " &amp; Sum(Fields!Qty.Value, "Fruit") &amp; " in " &amp; CountRows("Fruit") &amp; " rows"</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                    <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>12cm</Width></Textbox>
                </ReportItems><Height>2cm</Height></Body>
                <Width>16cm</Width><Page><PageHeight>29.7cm</PageHeight><PageWidth>21cm</PageWidth></Page>
              </ReportSection></ReportSections>
            </Report>
            """;
        var upload = await Client.PostAsync("/api/reports?name=InlineFruit", new StringContent(rdl, Encoding.UTF8, "application/xml"));
        Assert.That(upload.IsSuccessStatusCode, Is.True, await upload.Content.ReadAsStringAsync());

        var response = await Client.GetAsync("/api/reports/InlineFruit/render?format=pdf");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => Encoding.UTF8.GetString(body));
        using var document = PdfDocument.Open(body);
        Assert.That(document.GetPage(1).Text, Does.Contain("Fruit total 8 in 2 rows"), "Pear (40) is filtered out; Qty typed as Int32");
    }
}
