namespace Renderer.Host.Tests.Security;

/// <summary>Reports that run an attack from their Code block: one textbox shows <c>=Code.Attack()</c>, a String function the Code block defines.</summary>
internal static class AttackReports
{
    public static string WithCode(string code) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <Code>{code}</Code>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="Result">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>=Code.Attack()</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>18cm</Width>
              </Textbox>
            </ReportItems><Height>2cm</Height></Body>
            <Width>19cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;
}
