using System.Net;
using System.Text;
using Renderer.Host.Tests.EndToEnd;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// Finding 8 of issue 12: a CSV export carried <c>=cmd|' /C calc'!A0</c> verbatim to the spreadsheet that opens it.
/// Through HTTP, text cells starting with = + - @ or a tab get a leading apostrophe, a negative number stays a number,
/// and Renderer:Csv:ProtectFormulas=false writes the text as the report computed it.
/// </summary>
[TestFixture]
public sealed class CsvInjectionTests
{
    private static readonly string Report = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <ReportSections><ReportSection>
            <Body><ReportItems>
              {Box("Cmd", "=\"=cmd|' /C calc'!A0\"", 0)}
              {Box("Plus", "=\"+1+1\"", 1)}
              {Box("Minus", "=\"-2+3\"", 2)}
              {Box("At", "=\"@SUM(A1)\"", 3)}
              {Box("Tab", "=Chr(9) &amp; \"=1\"", 4)}
              {Box("Negative", "=-5", 5)}
              {Box("Plain", "=\"a=b\"", 6)}
            </ReportItems><Height>10cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private static string Box(string name, string value, int index) => $"""
        <Textbox Name="{name}"><Paragraphs><Paragraph><TextRuns><TextRun><Value>{value}</Value></TextRun></TextRuns></Paragraph></Paragraphs>
          <Top>{index}cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width></Textbox>
        """;

    private static async Task<string[]> RenderCsv(ServerFixture server)
    {
        using var client = server.CreateClient();
        var upload = await client.PostAsync("/api/reports?name=FormulaCells", new StringContent(Report, Encoding.UTF8, "application/xml"));
        Assert.That(upload.IsSuccessStatusCode, Is.True, await upload.Content.ReadAsStringAsync());
        var response = await client.GetAsync("/api/reports/FormulaCells/render?format=csv");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body.TrimStart('\uFEFF').Split("\r\n");
    }

    [Test]
    public async Task Formula_like_text_is_neutralised_by_default_and_numbers_keep_their_sign()
    {
        using var server = new ServerFixture();

        var lines = await RenderCsv(server);

        Assert.That(lines[0], Is.EqualTo("Cmd,Plus,Minus,At,Tab,Negative,Plain"));
        Assert.That(lines[1], Is.EqualTo("'=cmd|' /C calc'!A0,'+1+1,'-2+3,'@SUM(A1),'\t=1,-5,a=b"));
    }

    [Test]
    public async Task Renderer_Csv_ProtectFormulas_false_writes_the_text_verbatim()
    {
        using var server = new ServerFixture(new Dictionary<string, string?> { ["Renderer:Csv:ProtectFormulas"] = "false" });

        var lines = await RenderCsv(server);

        Assert.That(lines[1], Is.EqualTo("=cmd|' /C calc'!A0,+1+1,-2+3,@SUM(A1),\t=1,-5,a=b"));
    }
}
