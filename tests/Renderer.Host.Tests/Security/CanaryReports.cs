namespace Renderer.Host.Tests.Security;

/// <summary>Reports over the canary data source (its connection carries the canary secret) used by the memory-scan tests.</summary>
internal static class CanaryReports
{
    /// <summary>Two datasets on the canary source, so the sandbox asks the broker twice during one render.</summary>
    public const string TwoDataSetReport = """
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="CanaryDb"><DataSourceReference>CanaryDb</DataSourceReference></DataSource></DataSources>
          <DataSets>
            <DataSet Name="First">
              <Query><DataSourceName>CanaryDb</DataSourceName><CommandText>SELECT Amount FROM t</CommandText></Query>
              <Fields><Field Name="Amount"><DataField>Amount</DataField></Field></Fields>
            </DataSet>
            <DataSet Name="Second">
              <Query><DataSourceName>CanaryDb</DataSourceName><CommandText>SELECT MAX(Amount) AS Amount FROM t</CommandText></Query>
              <Fields><Field Name="Amount"><DataField>Amount</DataField></Field></Fields>
            </DataSet>
          </DataSets>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="Total">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>=Sum(Fields!Amount.Value, "First")</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
              <Textbox Name="Largest">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>=Max(Fields!Amount.Value, "Second")</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>1.5cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
            </ReportItems><Height>3cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;
}
