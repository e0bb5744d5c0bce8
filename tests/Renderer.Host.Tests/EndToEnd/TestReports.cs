namespace Renderer.Host.Tests.EndToEnd;

/// <summary>Small RDL documents for tests, built around one textbox expression or one query.</summary>
internal static class TestReports
{
    public static string WithQuery(string dataSource, string query, string valueExpression = "=Sum(Fields!Amount.Value)") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="{dataSource}"><DataSourceReference>{dataSource}</DataSourceReference></DataSource></DataSources>
          <DataSets>
            <DataSet Name="Data">
              <Query><DataSourceName>{dataSource}</DataSourceName><CommandText>{query}</CommandText></Query>
              <Fields><Field Name="Amount"><DataField>Amount</DataField></Field></Fields>
            </DataSet>
          </DataSets>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="Total">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>{valueExpression}</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
            </ReportItems><Height>2cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    public static string WithExpression(string expression) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="Broken">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>{expression}</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
              <Textbox Name="Fine">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>="still rendered"</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>1.5cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
            </ReportItems><Height>3cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;
}
