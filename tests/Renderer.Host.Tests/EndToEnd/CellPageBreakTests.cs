using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// The SSRS "one letter per list item" pattern through HTTP, the real compiler and a sandbox process: a list over the
/// sample database's regions whose cell holds a rectangle with PageBreak End (Disabled for one region) and PageName = region.
/// </summary>
[TestFixture]
public sealed class CellPageBreakTests : ServerTest
{
    private static string Letters(string disabledRegion) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="SalesDb"><DataSourceReference>SalesDb</DataSourceReference></DataSource></DataSources>
          <DataSets>
            <DataSet Name="Regions">
              <Query><DataSourceName>SalesDb</DataSourceName>
                <CommandText>SELECT Region, COUNT(*) AS Orders FROM sales WHERE Year = 2024 GROUP BY Region ORDER BY Region</CommandText></Query>
              <Fields><Field Name="Region"><DataField>Region</DataField></Field><Field Name="Orders"><DataField>Orders</DataField></Field></Fields>
            </DataSet>
          </DataSets>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="Title">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>Letters to the regions</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
              <Tablix Name="LetterList">
                <TablixBody>
                  <TablixColumns><TablixColumn><Width>10cm</Width></TablixColumn></TablixColumns>
                  <TablixRows><TablixRow><Height>3cm</Height><TablixCells><TablixCell><CellContents>
                    <Rectangle Name="Letter">
                      <ReportItems>
                        <Textbox Name="Greeting">
                          <Paragraphs><Paragraph><TextRuns><TextRun><Value>="Dear " &amp; Fields!Region.Value &amp; " team,"</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                          <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>10cm</Width>
                        </Textbox>
                        <Textbox Name="Body">
                          <Paragraphs><Paragraph><TextRuns><TextRun><Value>="you placed " &amp; Fields!Orders.Value &amp; " orders."</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                          <Top>1.5cm</Top><Left>0cm</Left><Height>1cm</Height><Width>10cm</Width>
                        </Textbox>
                      </ReportItems>
                      <PageBreak><BreakLocation>End</BreakLocation><Disabled>=Fields!Region.Value = "{disabledRegion}"</Disabled></PageBreak>
                      <PageName>=Fields!Region.Value</PageName>
                      <Top>0cm</Top><Left>0cm</Left><Height>3cm</Height><Width>10cm</Width>
                    </Rectangle>
                  </CellContents></TablixCell></TablixCells></TablixRow></TablixRows>
                </TablixBody>
                <TablixColumnHierarchy><TablixMembers><TablixMember /></TablixMembers></TablixColumnHierarchy>
                <TablixRowHierarchy><TablixMembers><TablixMember><Group Name="Details" /></TablixMember></TablixMembers></TablixRowHierarchy>
                <DataSetName>Regions</DataSetName>
                <Top>1.5cm</Top><Left>0cm</Left><Height>3cm</Height><Width>10cm</Width>
              </Tablix>
            </ReportItems><Height>5cm</Height></Body>
            <Width>10cm</Width>
            <Page>
              <PageHeader><Height>1cm</Height><PrintOnFirstPage>true</PrintOnFirstPage><PrintOnLastPage>true</PrintOnLastPage><ReportItems>
                <Textbox Name="PageNameBox">
                  <Paragraphs><Paragraph><TextRuns><TextRun><Value>="Page of " &amp; Globals!PageName</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                  <Top>0cm</Top><Left>0cm</Left><Height>0.8cm</Height><Width>8cm</Width>
                </Textbox>
              </ReportItems></PageHeader>
              <PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth>
            </Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private Task<byte[]> Render(string format, string disabledRegion) =>
        UploadAndRenderAsync("Letters" + disabledRegion, Letters(disabledRegion), format);

    [Test]
    public async Task Pdf_has_one_page_per_letter_except_where_the_break_is_disabled()
    {
        var regions = Server.SampleRegions(2024);
        Assert.That(regions, Has.Count.GreaterThanOrEqualTo(3), "the sample database has several 2024 regions");
        var pdf = await Render("pdf", regions[1]);
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => p.Text).ToList();

        // regions[1]'s break is disabled: regions[2]'s letter follows it on the same page.
        var expected = new List<List<string>> { new() { regions[0] }, new() { regions[1], regions[2] } };
        expected.AddRange(regions.Skip(3).Select(r => new List<string> { r }));
        Assert.That(pages, Has.Count.EqualTo(expected.Count), "no blank last page after the last letter's break");
        for (int i = 0; i < pages.Count; i++)
        {
            foreach (var region in regions)
                Assert.That(pages[i].Contains("Dear " + region + " team", StringComparison.Ordinal), Is.EqualTo(expected[i].Contains(region)), $"page {i + 1}, {region}");
            Assert.That(pages[i], Does.Contain("Page of " + expected[i][0]), "Globals!PageName is the region of the page's first letter");
        }
        Assert.That(pages[0], Does.Contain("Letters to the regions"), "the title shares the first letter's page");
    }

    [Test]
    public async Task Xlsx_has_one_worksheet_per_page_named_after_its_region()
    {
        var regions = Server.SampleRegions(2024);
        var xlsx = await Render("xlsx", regions[1]);
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();

        Assert.That(names, Is.EqualTo(regions.Where((_, i) => i != 2)));
    }
}
