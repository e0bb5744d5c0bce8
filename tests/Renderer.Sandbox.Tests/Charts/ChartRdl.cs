using System.Globalization;
using System.Text;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>Small chart reports over a dataset "Data" (Region, Year, Amount), sizes in points.</summary>
internal static class ChartRdl
{
    public static readonly string[] Columns = ["Region", "Year", "Amount"];

    /// <summary>Rows: East 2023 10 + 5, East 2024 20, North 2023 40, North 2024 30, West 2024 25.</summary>
    public static readonly object?[][] Rows =
    [
        ["West", 2024, 25.0], ["East", 2023, 10.0], ["North", 2023, 40.0], ["East", 2024, 20.0], ["North", 2024, 30.0], ["East", 2023, 5.0],
    ];

    /// <summary>An RDL 2016 chart: categories by Region (sorted), series by Year, Y = Sum(Amount).</summary>
    public static string Modern(string type = "Column", string subtype = "Plain", bool seriesGroup = true, string extra = "")
    {
        var series = seriesGroup
            ? "<ChartMember><Group Name=\"YearGroup\"><GroupExpressions><GroupExpression>=Fields!Year.Value</GroupExpression></GroupExpressions></Group>"
              + "<SortExpressions><SortExpression><Value>=Fields!Year.Value</Value></SortExpression></SortExpressions><Label>=Fields!Year.Value</Label></ChartMember>"
            : "<ChartMember><Label>Amount</Label></ChartMember>";
        var chart = "<Chart Name=\"Sales\">"
            + "<ChartCategoryHierarchy><ChartMembers><ChartMember><Group Name=\"RegionGroup\"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Group>"
            + "<SortExpressions><SortExpression><Value>=Fields!Region.Value</Value></SortExpression></SortExpressions><Label>=Fields!Region.Value</Label></ChartMember></ChartMembers></ChartCategoryHierarchy>"
            + $"<ChartSeriesHierarchy><ChartMembers>{series}</ChartMembers></ChartSeriesHierarchy>"
            + "<ChartData><ChartSeriesCollection><ChartSeries Name=\"Amount\"><ChartDataPoints><ChartDataPoint><ChartDataPointValues><Y>=Sum(Fields!Amount.Value)</Y></ChartDataPointValues>"
            + "<ChartDataLabel><Visible>true</Visible></ChartDataLabel><ChartMarker><Type>None</Type></ChartMarker></ChartDataPoint></ChartDataPoints>"
            + $"<Type>{type}</Type><Subtype>{subtype}</Subtype><ChartSmartLabel><CalloutLineColor>Black</CalloutLineColor></ChartSmartLabel></ChartSeries></ChartSeriesCollection></ChartData>"
            + "<ChartAreas><ChartArea Name=\"Default\"><ChartCategoryAxes><ChartAxis Name=\"Primary\"><ChartAxisTitle><Caption>Region</Caption></ChartAxisTitle><Minimum>NaN</Minimum></ChartAxis></ChartCategoryAxes>"
            + "<ChartValueAxes><ChartAxis Name=\"Primary\"><Style><Format>#,0</Format></Style><ChartAxisTitle><Caption>Amount</Caption></ChartAxisTitle><ChartMajorGridLines><Enabled>True</Enabled></ChartMajorGridLines></ChartAxis></ChartValueAxes>"
            + "<Style><BackgroundColor>#00ffffff</BackgroundColor></Style></ChartArea></ChartAreas>"
            + "<ChartLegends><ChartLegend Name=\"Default\"><Position>BottomCenter</Position></ChartLegend></ChartLegends>"
            + "<ChartTitles><ChartTitle Name=\"Default\"><Caption>Sales by region</Caption></ChartTitle></ChartTitles>"
            + $"<Palette>Default</Palette><DataSetName>Data</DataSetName>{extra}<Top>0pt</Top><Left>0pt</Left><Height>250pt</Height><Width>360pt</Width></Chart>";
        return Report(chart, "2016/01");
    }

    /// <summary>An RDL 2005 chart: categories by Region, series by Year, Y = Sum(Amount).</summary>
    public static string Legacy(string type = "Column")
    {
        var chart = "<Chart Name=\"Legacy\"><Legend><Visible>true</Visible><Position>RightCenter</Position></Legend><Palette>Excel</Palette>"
            + "<ChartData><ChartSeries><DataPoints><DataPoint><DataValues><DataValue><Value>=Sum(Fields!Amount.Value)</Value></DataValue></DataValues>"
            + "<DataLabel><Visible>false</Visible></DataLabel><Marker /></DataPoint></DataPoints></ChartSeries></ChartData>"
            + "<CategoryAxis><Axis><Title><Caption>Region</Caption></Title><Visible>true</Visible><Margin>true</Margin></Axis></CategoryAxis>"
            + $"<DataSetName>Data</DataSetName><Type>{type}</Type><Title><Caption>Legacy sales</Caption></Title>"
            + "<CategoryGroupings><CategoryGrouping><DynamicCategories><Grouping Name=\"Legacy_CategoryGroup1\"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Grouping>"
            + "<Sorting><SortBy><SortExpression>=Fields!Region.Value</SortExpression><Direction>Ascending</Direction></SortBy></Sorting><Label>=Fields!Region.Value</Label></DynamicCategories></CategoryGrouping></CategoryGroupings>"
            + "<SeriesGroupings><SeriesGrouping><DynamicSeries><Grouping Name=\"Legacy_SeriesGroup1\"><GroupExpressions><GroupExpression>=Fields!Year.Value</GroupExpression></GroupExpressions></Grouping>"
            + "<Sorting><SortBy><SortExpression>=Fields!Year.Value</SortExpression><Direction>Descending</Direction></SortBy></Sorting><Label>=Fields!Year.Value</Label></DynamicSeries></SeriesGrouping>"
            + "<SeriesGrouping><StaticSeries><StaticMember><Label>Sales</Label></StaticMember></StaticSeries></SeriesGrouping></SeriesGroupings>"
            + "<Subtype>Plain</Subtype><ValueAxis><Axis><Title /><Style><Format>C</Format></Style><MajorGridLines><ShowGridLines>true</ShowGridLines></MajorGridLines><Visible>true</Visible></Axis></ValueAxis>"
            + "<Top>0in</Top><Left>0in</Left><Height>3in</Height><Width>5in</Width></Chart>";
        return Report(chart, "2005/01");
    }

    /// <summary>A table grouped by Region whose one cell holds a small column chart by Year (a sparkline-like chart per region).</summary>
    public static string InTablix()
    {
        var chart = "<Chart Name=\"Spark\">"
            + "<ChartCategoryHierarchy><ChartMembers><ChartMember><Group Name=\"SparkYear\"><GroupExpressions><GroupExpression>=Fields!Year.Value</GroupExpression></GroupExpressions></Group>"
            + "<SortExpressions><SortExpression><Value>=Fields!Year.Value</Value></SortExpression></SortExpressions><Label>=Fields!Year.Value</Label></ChartMember></ChartMembers></ChartCategoryHierarchy>"
            + "<ChartSeriesHierarchy><ChartMembers><ChartMember><Label>Amount</Label></ChartMember></ChartMembers></ChartSeriesHierarchy>"
            + "<ChartData><ChartSeriesCollection><ChartSeries Name=\"Amount\"><ChartDataPoints><ChartDataPoint><ChartDataPointValues><Y>=Sum(Fields!Amount.Value)</Y></ChartDataPointValues></ChartDataPoint></ChartDataPoints>"
            + "<Type>Column</Type></ChartSeries></ChartSeriesCollection></ChartData><ChartLegends><ChartLegend Name=\"L\"><Hidden>true</Hidden></ChartLegend></ChartLegends>"
            + "<DataSetName>Data</DataSetName><Height>60pt</Height><Width>150pt</Width></Chart>";
        var tablix = "<Tablix Name=\"Table\"><TablixBody><TablixColumns><TablixColumn><Width>150pt</Width></TablixColumn></TablixColumns>"
            + $"<TablixRows><TablixRow><Height>60pt</Height><TablixCells><TablixCell><CellContents>{chart}</CellContents></TablixCell></TablixCells></TablixRow></TablixRows></TablixBody>"
            + "<TablixColumnHierarchy><TablixMembers><TablixMember /></TablixMembers></TablixColumnHierarchy>"
            + "<TablixRowHierarchy><TablixMembers><TablixMember><Group Name=\"RegionGroup\"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Group>"
            + "<SortExpressions><SortExpression><Value>=Fields!Region.Value</Value></SortExpression></SortExpressions></TablixMember></TablixMembers></TablixRowHierarchy>"
            + "<DataSetName>Data</DataSetName><Top>0pt</Top><Left>0pt</Left><Height>60pt</Height><Width>150pt</Width></Tablix>";
        return Report(tablix, "2016/01");
    }

    /// <summary>
    /// A list grouped by Region whose cell holds a rectangle with a column chart by Year (a chart per region, the chart
    /// naming no dataset when <paramref name="chartDataSet"/> is false).
    /// </summary>
    public static string InList(bool chartDataSet = true)
    {
        var chart = "<Chart Name=\"PerRegion\">"
            + "<ChartCategoryHierarchy><ChartMembers><ChartMember><Group Name=\"ChartYear\"><GroupExpressions><GroupExpression>=Fields!Year.Value</GroupExpression></GroupExpressions></Group>"
            + "<SortExpressions><SortExpression><Value>=Fields!Year.Value</Value></SortExpression></SortExpressions><Label>=Fields!Year.Value</Label></ChartMember></ChartMembers></ChartCategoryHierarchy>"
            + "<ChartSeriesHierarchy><ChartMembers><ChartMember><Label>Amount</Label></ChartMember></ChartMembers></ChartSeriesHierarchy>"
            + "<ChartData><ChartSeriesCollection><ChartSeries Name=\"Amount\"><ChartDataPoints><ChartDataPoint><ChartDataPointValues><Y>=Sum(Fields!Amount.Value)</Y></ChartDataPointValues></ChartDataPoint></ChartDataPoints>"
            + "<Type>Column</Type></ChartSeries></ChartSeriesCollection></ChartData>"
            + (chartDataSet ? "<DataSetName>Data</DataSetName>" : string.Empty)
            + "<Top>20pt</Top><Left>0pt</Left><Height>100pt</Height><Width>200pt</Width></Chart>";
        var title = "<Textbox Name=\"RegionName\"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Fields!Region.Value</Value></TextRun></TextRuns></Paragraph></Paragraphs>"
            + "<Top>0pt</Top><Left>0pt</Left><Height>20pt</Height><Width>200pt</Width></Textbox>";
        var rectangle = $"<Rectangle Name=\"Frame\"><ReportItems>{title}{chart}</ReportItems></Rectangle>";
        var list = "<Tablix Name=\"RegionList\"><TablixBody><TablixColumns><TablixColumn><Width>200pt</Width></TablixColumn></TablixColumns>"
            + $"<TablixRows><TablixRow><Height>120pt</Height><TablixCells><TablixCell><CellContents>{rectangle}</CellContents></TablixCell></TablixCells></TablixRow></TablixRows></TablixBody>"
            + "<TablixColumnHierarchy><TablixMembers><TablixMember /></TablixMembers></TablixColumnHierarchy>"
            + "<TablixRowHierarchy><TablixMembers><TablixMember><Group Name=\"RegionGroup\"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions></Group>"
            + "<SortExpressions><SortExpression><Value>=Fields!Region.Value</Value></SortExpression></SortExpressions></TablixMember></TablixMembers></TablixRowHierarchy>"
            + "<DataSetName>Data</DataSetName><Top>0pt</Top><Left>0pt</Left><Height>120pt</Height><Width>200pt</Width></Tablix>";
        return Report(list, "2016/01");
    }

    private static string Report(string body, string version)
    {
        var legacy = version.StartsWith("2005", StringComparison.Ordinal);
        var text = new StringBuilder();
        text.Append($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Report xmlns=\"http://schemas.microsoft.com/sqlserver/reporting/{version}/reportdefinition\">");
        text.Append("<DataSources><DataSource Name=\"Db\"><DataSourceReference>Db</DataSourceReference></DataSource></DataSources>");
        text.Append("<DataSets><DataSet Name=\"Data\"><Query><DataSourceName>Db</DataSourceName><CommandText>q</CommandText></Query><Fields>");
        foreach (var field in Columns) text.Append(CultureInfo.InvariantCulture, $"<Field Name=\"{field}\"><DataField>{field}</DataField></Field>");
        text.Append("</Fields></DataSet></DataSets>");
        if (legacy)
        {
            text.Append($"<Body><ReportItems>{body}</ReportItems><Height>4in</Height></Body><Width>6in</Width>");
            text.Append("<PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth><LeftMargin>0.5in</LeftMargin><RightMargin>0.5in</RightMargin><TopMargin>0.5in</TopMargin><BottomMargin>0.5in</BottomMargin>");
        }
        else
        {
            text.Append($"<ReportSections><ReportSection><Body><ReportItems>{body}</ReportItems><Height>300pt</Height></Body><Width>400pt</Width><Page>");
            text.Append("<PageHeight>600pt</PageHeight><PageWidth>450pt</PageWidth><LeftMargin>20pt</LeftMargin><RightMargin>20pt</RightMargin><TopMargin>20pt</TopMargin><BottomMargin>20pt</BottomMargin>");
            text.Append("</Page></ReportSection></ReportSections>");
        }
        text.Append("<Language>en-US</Language></Report>");
        return text.ToString();
    }
}
