using System.Globalization;
using Microsoft.Data.Sqlite;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// The "orders per region" report of <see cref="NestedRegionTests"/> and <see cref="TallListRowTests"/>: a list grouped by
/// region whose cell (a rectangle) holds a table of that region's orders of the sample database, limited by a WHERE
/// clause; the region totals computed independently from SQLite; and the check that each region's part of the PDF shows
/// only, and all of, its own orders and totals (Sum in the table, Sum with the outer "RegionGroup" scope, RowNumber(Nothing)).
/// </summary>
internal static class RegionOrdersReport
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");

    public static Dictionary<string, (decimal Total, long Count)> RegionTotals(string database, string where)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Region, SUM(Amount), COUNT(*) FROM sales WHERE {where} GROUP BY Region";
        using var reader = command.ExecuteReader();
        var totals = new Dictionary<string, (decimal, long)>();
        while (reader.Read()) totals[reader.GetString(0)] = (Math.Round(reader.GetDecimal(1), 2), reader.GetInt64(2));
        return totals;
    }

    public static void AssertEachRegionShowsItsOwnOrders(byte[] pdf, Dictionary<string, (decimal Total, long Count)> totals)
    {
        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.That(totals, Has.Count.GreaterThanOrEqualTo(3), "the sample database has orders in several regions");
        var regions = totals.Keys.Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var (total, count) = totals[region];
            int start = text.IndexOf("Region " + region, StringComparison.Ordinal);
            Assert.That(start, Is.GreaterThanOrEqualTo(0), $"region {region} has its list instance");
            int end = i + 1 < regions.Count ? text.IndexOf("Region " + regions[i + 1], start, StringComparison.Ordinal) : text.Length;
            Assert.That(end, Is.GreaterThan(start), "list instances in region order");
            var segment = text[start..end];
            var amount = total.ToString("#,0.00", EnUs);
            Assert.That(segment, Does.Contain("Total " + region), $"{region}: the nested table's total row");
            Assert.That(segment, Does.Contain("Sum " + amount), $"{region}: Sum in the nested table is the region's {amount}");
            Assert.That(segment, Does.Contain("Group " + amount), $"{region}: Sum(..., \"RegionGroup\") is the region's {amount}");
            Assert.That(segment, Does.Contain($"#1/{count}").And.Contain($"#{count}/{count}"), $"{region}: RowNumber(Nothing) counts 1..{count} in its table");
            Assert.That(segment, Does.Not.Contain($"#{count + 1}/"), $"{region}: no more than its {count} orders");
            foreach (var other in regions.Where(r => r != region))
                Assert.That(segment, Does.Not.Contain("Total " + other), $"{region}'s instance shows no {other} total");
        }
    }

    private static string Box(string name, string value, string width = "4cm") =>
        $"<Textbox Name=\"{name}\"><CanGrow>true</CanGrow><Paragraphs><Paragraph><TextRuns><TextRun><Value>{value}</Value>"
        + $"<Style><FontFamily>Arial</FontFamily><FontSize>8pt</FontSize></Style></TextRun></TextRuns></Paragraph></Paragraphs><Width>{width}</Width></Textbox>";

    private static string Cells(params string[] contents) =>
        "<TablixCells>" + string.Concat(contents.Select(c => $"<TablixCell><CellContents>{c}</CellContents></TablixCell>")) + "</TablixCells>";

    /// <summary>The report, over the sample database's orders matching <paramref name="where"/>.</summary>
    public static string Report(string where)
    {
        var orders = "<Tablix Name=\"RegionOrders\"><TablixBody>"
            + "<TablixColumns><TablixColumn><Width>2cm</Width></TablixColumn><TablixColumn><Width>5cm</Width></TablixColumn><TablixColumn><Width>4cm</Width></TablixColumn></TablixColumns>"
            + "<TablixRows>"
            + "<TablixRow><Height>0.5cm</Height>" + Cells(Box("hNo", "No"), Box("hProduct", "Product"), Box("hAmount", "Amount")) + "</TablixRow>"
            + "<TablixRow><Height>0.5cm</Height>" + Cells(
                Box("RowNo", "=\"#\" &amp; RowNumber(Nothing) &amp; \"/\" &amp; Count(Fields!OrderId.Value, \"RegionGroup\")"),
                Box("Product", "=Fields!Product.Value"),
                Box("Amount", "=Format(Fields!Amount.Value, \"#,0.00\")")) + "</TablixRow>"
            + "<TablixRow><Height>0.5cm</Height>" + Cells(
                Box("TotalLabel", "=\"Total \" &amp; First(Fields!Region.Value)"),
                Box("TotalAmount", "=\"Sum \" &amp; Format(Sum(Fields!Amount.Value), \"#,0.00\")"),
                Box("GroupAmount", "=\"Group \" &amp; Format(Sum(Fields!Amount.Value, \"RegionGroup\"), \"#,0.00\")")) + "</TablixRow>"
            + "</TablixRows></TablixBody>"
            + "<TablixColumnHierarchy><TablixMembers><TablixMember /><TablixMember /><TablixMember /></TablixMembers></TablixColumnHierarchy>"
            + "<TablixRowHierarchy><TablixMembers><TablixMember><KeepWithGroup>After</KeepWithGroup></TablixMember>"
            + "<TablixMember><Group Name=\"OrderDetails\" /><SortExpressions><SortExpression><Value>=Fields!OrderId.Value</Value></SortExpression></SortExpressions></TablixMember>"
            + "<TablixMember /></TablixMembers></TablixRowHierarchy>"
            + "<DataSetName>Sales</DataSetName><Top>0.6cm</Top><Left>0cm</Left><Height>1.5cm</Height><Width>11cm</Width></Tablix>";
        var frame = $"<Rectangle Name=\"Frame\"><ReportItems>{Box("RegionName", "=\"Region \" &amp; Fields!Region.Value", "11cm").Replace("<Width>", "<Top>0cm</Top><Left>0cm</Left><Height>0.5cm</Height><Width>", StringComparison.Ordinal)}{orders}</ReportItems></Rectangle>";
        var list = "<Tablix Name=\"RegionList\"><TablixBody><TablixColumns><TablixColumn><Width>11cm</Width></TablixColumn></TablixColumns>"
            + $"<TablixRows><TablixRow><Height>2.5cm</Height>{Cells(frame)}</TablixRow></TablixRows></TablixBody>"
            + "<TablixColumnHierarchy><TablixMembers><TablixMember /></TablixMembers></TablixColumnHierarchy>"
            + "<TablixRowHierarchy><TablixMembers><TablixMember><Group Name=\"RegionGroup\"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Group>"
            + "<SortExpressions><SortExpression><Value>=Fields!Region.Value</Value></SortExpression></SortExpressions></TablixMember></TablixMembers></TablixRowHierarchy>"
            + "<DataSetName>Sales</DataSetName><Top>0cm</Top><Left>0cm</Left><Height>2.5cm</Height><Width>11cm</Width></Tablix>";
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition" xmlns:rd="http://schemas.microsoft.com/SQLServer/reporting/reportdesigner">
              <DataSources><DataSource Name="SalesDb"><DataSourceReference>SalesDb</DataSourceReference></DataSource></DataSources>
              <DataSets>
                <DataSet Name="Sales">
                  <Query><DataSourceName>SalesDb</DataSourceName><CommandText>SELECT OrderId, Region, Product, Amount FROM sales WHERE {where}</CommandText></Query>
                  <Fields>
                    <Field Name="OrderId"><DataField>OrderId</DataField><rd:TypeName>System.Int64</rd:TypeName></Field>
                    <Field Name="Region"><DataField>Region</DataField><rd:TypeName>System.String</rd:TypeName></Field>
                    <Field Name="Product"><DataField>Product</DataField><rd:TypeName>System.String</rd:TypeName></Field>
                    <Field Name="Amount"><DataField>Amount</DataField><rd:TypeName>System.Decimal</rd:TypeName></Field>
                  </Fields>
                </DataSet>
              </DataSets>
              <ReportSections><ReportSection>
                <Body><ReportItems>{list}</ReportItems><Height>3cm</Height></Body>
                <Width>12cm</Width><Page><PageHeight>29.7cm</PageHeight><PageWidth>21cm</PageWidth><TopMargin>1cm</TopMargin><BottomMargin>1cm</BottomMargin></Page>
              </ReportSection></ReportSections>
              <Language>en-US</Language>
            </Report>
            """;
    }
}
