using System.Text;
using Rdl.Model.Reading;

namespace Rdl.Model.Tests.Reading;

/// <summary>RDL documents and helpers shared by the reader tests.</summary>
internal static class TestRdl
{
    public const string Ns2016 = "http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition";
    public const string Ns2008 = "http://schemas.microsoft.com/sqlserver/reporting/2008/01/reportdefinition";
    public const string Ns2005 = "http://schemas.microsoft.com/sqlserver/reporting/2005/01/reportdefinition";
    public const string NsDesigner = "http://schemas.microsoft.com/SQLServer/reporting/reportdesigner";

    public static RdlReadResult Read(string xml, string fileName = "Test.rdl") => RdlReader.Read(Encoding.UTF8.GetBytes(xml), fileName);

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="marker"/> in <paramref name="xml"/>.</summary>
    public static (int Line, int Column) PositionOf(string xml, string marker)
    {
        var index = xml.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0) throw new ArgumentException($"'{marker}' is not in the document.", nameof(marker));
        var before = xml[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }

    /// <summary>A minimal RDL 2016 report whose body holds <paramref name="bodyItems"/>; one data set "Sales" on "DS1".</summary>
    public static string Minimal2016(string bodyItems, string bodyHeight = "2in") =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="{Ns2016}" xmlns:rd="{NsDesigner}">
          <DataSources>
            <DataSource Name="DS1">
              <ConnectionProperties><DataProvider>SQL</DataProvider><ConnectString>Data Source=.</ConnectString></ConnectionProperties>
            </DataSource>
          </DataSources>
          <DataSets>
            <DataSet Name="Sales">
              <Query><DataSourceName>DS1</DataSourceName><CommandText>SELECT 1</CommandText></Query>
              <Fields><Field Name="Amount"><DataField>Amount</DataField></Field></Fields>
            </DataSet>
          </DataSets>
          <ReportSections>
            <ReportSection>
              <Body>
                <ReportItems>
        {bodyItems}
                </ReportItems>
                <Height>{bodyHeight}</Height>
              </Body>
              <Width>6in</Width>
              <Page />
            </ReportSection>
          </ReportSections>
        </Report>
        """;

    /// <summary>A minimal RDL 2005 report whose body holds <paramref name="bodyItems"/>; one data set "Sales" on "DS1".</summary>
    public static string Minimal2005(string bodyItems) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="{Ns2005}" xmlns:rd="{NsDesigner}">
          <DataSources>
            <DataSource Name="DS1">
              <ConnectionProperties><DataProvider>SQL</DataProvider><ConnectString>Data Source=.</ConnectString></ConnectionProperties>
            </DataSource>
          </DataSources>
          <DataSets>
            <DataSet Name="Sales">
              <Query><DataSourceName>DS1</DataSourceName><CommandText>SELECT 1</CommandText></Query>
              <Fields>
                <Field Name="Region"><DataField>Region</DataField></Field>
                <Field Name="City"><DataField>City</DataField></Field>
                <Field Name="Amount"><DataField>Amount</DataField></Field>
              </Fields>
            </DataSet>
          </DataSets>
          <Body>
            <ReportItems>
        {bodyItems}
            </ReportItems>
            <Height>2in</Height>
          </Body>
          <Width>6in</Width>
        </Report>
        """;

    /// <summary>A complete RDL 2016 report: data, parameters, a grouped tablix, page header/footer, code.</summary>
    public const string Sales2016 = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="{Ns2016}" xmlns:rd="{NsDesigner}"
                xmlns:df="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition/defaultfontfamily"
                xmlns:cl="http://schemas.microsoft.com/sqlserver/reporting/2010/01/componentdefinition">
          <AutoRefresh>0</AutoRefresh>
          <Description>Sales by region</Description>
          <df:DefaultFontFamily>Segoe UI</df:DefaultFontFamily>
          <DataSources>
            <DataSource Name="SalesDb">
              <ConnectionProperties>
                <DataProvider>SQL</DataProvider>
                <ConnectString>Data Source=.;Initial Catalog=Sales</ConnectString>
              </ConnectionProperties>
              <rd:SecurityType>Integrated</rd:SecurityType>
              <rd:DataSourceID>0b6a5c1e-0000-4000-8000-000000000001</rd:DataSourceID>
            </DataSource>
            <DataSource Name="Shared">
              <DataSourceReference>/Data Sources/Shared</DataSourceReference>
            </DataSource>
          </DataSources>
          <DataSets>
            <DataSet Name="Sales">
              <Query>
                <DataSourceName>SalesDb</DataSourceName>
                <QueryParameters>
                  <QueryParameter Name="@Year">
                    <Value>=Parameters!Year.Value</Value>
                  </QueryParameter>
                </QueryParameters>
                <CommandText>SELECT Region, Amount FROM Sales WHERE Year = @Year</CommandText>
                <CommandType>Text</CommandType>
                <rd:UseGenericDesigner>true</rd:UseGenericDesigner>
              </Query>
              <Fields>
                <Field Name="Region">
                  <DataField>Region</DataField>
                  <rd:TypeName>System.String</rd:TypeName>
                </Field>
                <Field Name="Amount">
                  <DataField>Amount</DataField>
                  <rd:TypeName>System.Decimal</rd:TypeName>
                </Field>
                <Field Name="Doubled">
                  <Value>=Fields!Amount.Value * 2</Value>
                </Field>
              </Fields>
              <Filters>
                <Filter>
                  <FilterExpression>=Fields!Amount.Value</FilterExpression>
                  <Operator>GreaterThan</Operator>
                  <FilterValues><FilterValue DataType="Integer">0</FilterValue></FilterValues>
                </Filter>
              </Filters>
            </DataSet>
          </DataSets>
          <ReportSections>
            <ReportSection>
              <Body>
                <ReportItems>
                  <Textbox Name="Title">
                    <CanGrow>true</CanGrow>
                    <KeepTogether>true</KeepTogether>
                    <Paragraphs>
                      <Paragraph>
                        <TextRuns>
                          <TextRun>
                            <Value>Sales </Value>
                            <Style><FontSize>14pt</FontSize><FontWeight>Bold</FontWeight></Style>
                          </TextRun>
                          <TextRun>
                            <Value>=Parameters!Year.Value</Value>
                          </TextRun>
                        </TextRuns>
                        <Style><TextAlign>Center</TextAlign></Style>
                      </Paragraph>
                    </Paragraphs>
                    <rd:DefaultName>Title</rd:DefaultName>
                    <Top>0in</Top>
                    <Left>0in</Left>
                    <Height>0.4in</Height>
                    <Width>6in</Width>
                    <ZIndex>1</ZIndex>
                    <Visibility>
                      <Hidden>=Not Parameters!ShowTitle.Value</Hidden>
                    </Visibility>
                    <Style>
                      <Border><Style>None</Style></Border>
                      <BottomBorder><Color>Gray</Color><Style>Solid</Style><Width>1pt</Width></BottomBorder>
                      <PaddingLeft>2pt</PaddingLeft>
                    </Style>
                  </Textbox>
                  <Tablix Name="SalesTable">
                    <TablixBody>
                      <TablixColumns>
                        <TablixColumn><Width>2in</Width></TablixColumn>
                        <TablixColumn><Width>1.5in</Width></TablixColumn>
                        <TablixColumn><Width>2.54cm</Width></TablixColumn>
                      </TablixColumns>
                      <TablixRows>
                        <TablixRow>
                          <Height>0.25in</Height>
                          <TablixCells>
                            <TablixCell><CellContents><Textbox Name="hRegion"><Paragraphs><Paragraph><TextRuns><TextRun><Value>Region</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixCell>
                            <TablixCell><CellContents><Textbox Name="hAmount"><Paragraphs><Paragraph><TextRuns><TextRun><Value>Amount</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixCell>
                            <TablixCell><CellContents><Textbox Name="hDoubled"><Paragraphs><Paragraph><TextRuns><TextRun><Value>Doubled</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixCell>
                          </TablixCells>
                        </TablixRow>
                        <TablixRow>
                          <Height>0.2in</Height>
                          <TablixCells>
                            <TablixCell><CellContents><Textbox Name="Region"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Fields!Region.Value</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixCell>
                            <TablixCell><CellContents><Textbox Name="Amount"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Fields!Amount.Value</Value><Style><Format>#,0.00</Format></Style></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixCell>
                            <TablixCell><CellContents><Textbox Name="Doubled"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Fields!Doubled.Value</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixCell>
                          </TablixCells>
                        </TablixRow>
                        <TablixRow>
                          <Height>0.25in</Height>
                          <TablixCells>
                            <TablixCell>
                              <CellContents>
                                <Textbox Name="Total"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Sum(Fields!Amount.Value)</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox>
                                <ColSpan>2</ColSpan>
                              </CellContents>
                            </TablixCell>
                            <TablixCell />
                            <TablixCell><CellContents><Textbox Name="TotalDoubled"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Sum(Fields!Doubled.Value)</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox></CellContents></TablixCell>
                          </TablixCells>
                        </TablixRow>
                      </TablixRows>
                    </TablixBody>
                    <TablixColumnHierarchy>
                      <TablixMembers><TablixMember /><TablixMember /><TablixMember /></TablixMembers>
                    </TablixColumnHierarchy>
                    <TablixRowHierarchy>
                      <TablixMembers>
                        <TablixMember>
                          <KeepWithGroup>After</KeepWithGroup>
                          <RepeatOnNewPage>true</RepeatOnNewPage>
                        </TablixMember>
                        <TablixMember>
                          <Group Name="RegionGroup">
                            <GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions>
                            <PageBreak><BreakLocation>Between</BreakLocation></PageBreak>
                          </Group>
                          <SortExpressions>
                            <SortExpression><Value>=Fields!Region.Value</Value><Direction>Descending</Direction></SortExpression>
                          </SortExpressions>
                          <TablixMembers>
                            <TablixMember><Group Name="Details" /></TablixMember>
                          </TablixMembers>
                        </TablixMember>
                        <TablixMember>
                          <KeepWithGroup>Before</KeepWithGroup>
                          <TablixHeader><Size>1in</Size><CellContents><Textbox Name="Ignored"><Paragraphs /></Textbox></CellContents></TablixHeader>
                        </TablixMember>
                      </TablixMembers>
                    </TablixRowHierarchy>
                    <RepeatColumnHeaders>true</RepeatColumnHeaders>
                    <DataSetName>Sales</DataSetName>
                    <NoRowsMessage>No sales.</NoRowsMessage>
                    <Top>0.5in</Top>
                    <Left>0in</Left>
                    <Height>0.7in</Height>
                    <Width>6in</Width>
                    <ZIndex>2</ZIndex>
                    <Style><Border><Style>None</Style></Border></Style>
                  </Tablix>
                  <Rectangle Name="Box">
                    <ReportItems>
                      <Line Name="Rule">
                        <Top>0in</Top><Left>0in</Left><Height>0in</Height><Width>6in</Width>
                        <Style><Border><Style>Solid</Style></Border></Style>
                      </Line>
                    </ReportItems>
                    <PageBreak><BreakLocation>End</BreakLocation></PageBreak>
                    <Top>1.3in</Top><Left>0in</Left><Height>0.1in</Height><Width>6in</Width>
                  </Rectangle>
                </ReportItems>
                <Height>1.5in</Height>
                <Style><BackgroundColor>White</BackgroundColor></Style>
              </Body>
              <Width>6.5in</Width>
              <Page>
                <PageHeader>
                  <Height>0.5in</Height>
                  <PrintOnFirstPage>true</PrintOnFirstPage>
                  <ReportItems>
                    <Textbox Name="PageNumber">
                      <Paragraphs><Paragraph><TextRuns><TextRun><Value>="Page " &amp; Globals!PageNumber</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                      <Top>0in</Top><Left>4in</Left><Height>0.25in</Height><Width>2in</Width>
                    </Textbox>
                  </ReportItems>
                </PageHeader>
                <PageFooter>
                  <Height>0.3in</Height>
                  <PrintOnLastPage>true</PrintOnLastPage>
                </PageFooter>
                <PageHeight>29.7cm</PageHeight>
                <PageWidth>21cm</PageWidth>
                <InteractiveHeight>11in</InteractiveHeight>
                <InteractiveWidth>8.5in</InteractiveWidth>
                <LeftMargin>1in</LeftMargin>
                <RightMargin>0.5in</RightMargin>
                <TopMargin>2cm</TopMargin>
                <BottomMargin>10mm</BottomMargin>
                <Style />
              </Page>
            </ReportSection>
          </ReportSections>
          <ReportParameters>
            <ReportParameter Name="Year">
              <DataType>Integer</DataType>
              <DefaultValue><Values><Value>2024</Value></Values></DefaultValue>
              <Prompt>Year</Prompt>
            </ReportParameter>
            <ReportParameter Name="Regions">
              <DataType>String</DataType>
              <Nullable>true</Nullable>
              <AllowBlank>true</AllowBlank>
              <MultiValue>true</MultiValue>
              <DefaultValue><Values><Value>North</Value><Value>South</Value></Values></DefaultValue>
              <Prompt>Regions</Prompt>
              <ValidValues><ParameterValues><ParameterValue><Value>North</Value></ParameterValue></ParameterValues></ValidValues>
            </ReportParameter>
            <ReportParameter Name="ShowTitle">
              <DataType>Boolean</DataType>
              <DefaultValue><Values><Value>=True</Value></Values></DefaultValue>
              <Hidden>true</Hidden>
            </ReportParameter>
            <ReportParameter Name="From">
              <DataType>DateTime</DataType>
            </ReportParameter>
            <ReportParameter Name="Rate">
              <DataType>Float</DataType>
              <Nullable>true</Nullable>
              <DefaultValue><Values><Value xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true" /></Values></DefaultValue>
            </ReportParameter>
          </ReportParameters>
          <ReportParametersLayout><GridLayoutDefinition><NumberOfColumns>2</NumberOfColumns></GridLayoutDefinition></ReportParametersLayout>
          <Code><![CDATA[Public Function Twice(ByVal x As Decimal) As Decimal
            Return x * 2
        End Function]]></Code>
          <Language>en-US</Language>
          <rd:ReportUnitType>Inch</rd:ReportUnitType>
          <rd:ReportID>0b6a5c1e-0000-4000-8000-000000000002</rd:ReportID>
        </Report>
        """;
}
