namespace Renderer.Host.Tests.EndToEnd;

/// <summary>Small reports with one Subreport item, for resolution and security tests.</summary>
internal static class SubreportRdl
{
    public static string Calling(string reportName, string body = "") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="Caption">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>Caption</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
              <Subreport Name="Inner">
                <ReportName>{reportName}</ReportName>
                <Top>1cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Subreport>
              {body}
            </ReportItems><Height>3cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;
}
