using System.Net;
using System.Text;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Security.DataSecurity;

/// <summary>A hostile author (the publisher) tries to reach past row-level security; each attempt is refused or still filtered.</summary>
public sealed partial class RowLevelSecurityTests
{
    [TestCase("own-query", "SELECT Region, Amount FROM sales")]
    [TestCase("union", "SELECT Region, Amount FROM sales WHERE 1 = 0 UNION ALL SELECT Region, Amount FROM sales")]
    [TestCase("sub-query", "SELECT 'All' AS Region, (SELECT SUM(Amount) FROM sales) AS Amount")]
    [TestCase("comments", "/* SharedDataSetReference /Sales/Data/Orders */ SELECT Region, Amount FROM sales -- filtered")]
    [TestCase("session-setting", "SELECT set_config('app.user', 'admin', false) AS Region, 0 AS Amount")]
    [TestCase("pragma", "PRAGMA query_only = 0; SELECT Region, Amount FROM sales")]
    public async Task A_reports_own_query_on_the_protected_source_is_refused(string name, string query)
    {
        var body = await RefusedAsync($"/Sales/Hostile-{name}", OwnQueryReport(query));
        Assert.That(body, Does.Contain("DAT6050").And.Contain("row-level security"), body);
    }

    [Test]
    public async Task A_Lookup_into_an_own_dataset_on_the_protected_source_is_refused()
    {
        var rdl = SharedReport("Amount",
            extraDataSets: """<DataSet Name="All"><Query><DataSourceName>Secure</DataSourceName><CommandText>SELECT Region, SUM(Amount) AS Amount FROM sales GROUP BY Region</CommandText></Query><Fields><Field Name="Region"><DataField>Region</DataField></Field><Field Name="Amount"><DataField>Amount</DataField></Field></Fields></DataSet>""",
            extraItems: """<Textbox Name="West"><Value>="WEST " &amp; Lookup("West", Fields!Region.Value, Fields!Amount.Value, "All")</Value><Top>0.5in</Top><Left>0in</Left><Height>0.3in</Height><Width>5in</Width></Textbox>""");
        Assert.That(await RefusedAsync("/Sales/Hostile-lookup", rdl), Does.Contain("DAT6050"));
    }

    [Test]
    public async Task An_embedded_connection_string_to_the_same_database_is_never_used()
    {
        var rdl = OwnQueryReport("SELECT Region, Amount FROM sales").Replace(
            "<DataSourceReference>/Sales/Data/Secure</DataSourceReference>",
            $"<ConnectionProperties><DataProvider>SQLITE</DataProvider><ConnectString>Data Source={_session.DataFolder}/sample.db</ConnectString></ConnectionProperties>",
            StringComparison.Ordinal).Replace("Name=\"Secure\"", "Name=\"Direct\"", StringComparison.Ordinal).Replace("<DataSourceName>Secure</DataSourceName>", "<DataSourceName>Direct</DataSourceName>", StringComparison.Ordinal);
        var response = await _publisher.PostAsync("/api/v2.0/Reports?path=/Sales/Hostile-direct", new StringContent(rdl, Encoding.UTF8, "application/xml"));
        if (response.IsSuccessStatusCode)
        {
            var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            response = await _analyst.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf");
        }
        Assert.That(response.IsSuccessStatusCode, Is.False);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("DAT6001"));
    }

    [Test]
    public async Task Parameters_cannot_change_the_identity_or_escape_the_bound_value()
    {
        // Report parameters named like the identity's values, and a Year built to break out of the query: the broker
        // binds Year as a value and takes the identity from the signed-in user, so the analyst still sees East only.
        var rdl = SharedReport("Amount", parameters: """
            <ReportParameters>
              <ReportParameter Name="UserName"><DataType>String</DataType><DefaultValue><Values><Value>admin</Value></Values></DefaultValue><Prompt>U</Prompt></ReportParameter>
              <ReportParameter Name="CustomData"><DataType>String</DataType><DefaultValue><Values><Value>North</Value></Values></DefaultValue><Prompt>C</Prompt></ReportParameter>
              <ReportParameter Name="Year"><DataType>String</DataType><DefaultValue><Values><Value>2024</Value></Values></DefaultValue><Prompt>Y</Prompt></ReportParameter>
            </ReportParameters>
            """).Replace("<QueryParameter Name=\"@Year\"><Value>2024</Value>", "<QueryParameter Name=\"@Year\"><Value>=Parameters!Year.Value</Value>", StringComparison.Ordinal);
        var id = await PublishAsAuthorAsync("/Sales/Hostile-parameters", rdl);
        Assert.That(await TotalAsync(_analyst, id, "&UserName=admin&CustomData=North&Year=2024"), Is.EqualTo(Sql("Region = 'East'")), "forged identity parameters");
        Assert.That(await TotalAsync(_analyst, id, "&Year=" + Uri.EscapeDataString("2024 OR 1=1")), Is.EqualTo(0m), "the Year value is bound, not spliced into the SQL");
    }

    [Test]
    public async Task A_subreport_is_filtered_or_refused_like_the_report()
    {
        await PublishAsAuthorAsync("/Sales/ChildShared", SharedReport("Amount"));
        Assert.That(await RefusedAsync("/Sales/ChildOwn", OwnQueryReport("SELECT Region, Amount FROM sales")), Does.Contain("DAT6050"));
        var id = await PublishAsAuthorAsync("/Sales/Parent", $$"""
            <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
              <ReportSections><ReportSection>
                <Body><Height>4in</Height><ReportItems>
                  <Subreport Name="Shared"><ReportName>ChildShared</ReportName><Top>0in</Top><Left>0in</Left><Height>1.5in</Height><Width>6in</Width></Subreport>
                  <Subreport Name="Own"><ReportName>ChildOwn</ReportName><Top>2in</Top><Left>0in</Left><Height>1.5in</Height><Width>6in</Width></Subreport>
                </ReportItems></Body>
                <Width>6.5in</Width><Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
              </ReportSection></ReportSections>
            </Report>
            """);
        var response = await _analyst.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        using var pdf = PdfDocument.Open(bytes);
        var text = pdf.GetPage(1).Text;
        var totals = System.Text.RegularExpressions.Regex.Matches(text, @"TOTAL (-?[0-9]+\.[0-9]{2})").Select(m => decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(totals, Is.EqualTo(new[] { Sql("Region = 'East'") }), $"only the shared child's filtered total is shown: {text}");
    }

    /// <summary>
    /// The refusal of a hostile report: at upload (422, the definition alone shows the own query on the protected
    /// source), or, if it was accepted, when the analyst renders it. Returns the error body.
    /// </summary>
    private async Task<string> RefusedAsync(string path, string rdl)
    {
        var response = await _publisher.PostAsync($"/api/v2.0/Reports?path={Uri.EscapeDataString(path)}", new StringContent(rdl, Encoding.UTF8, "application/xml"));
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            response = await _analyst.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf");
        }
        Assert.That(response.IsSuccessStatusCode, Is.False, "an unfiltered query ran");
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> PublishAsAuthorAsync(string path, string rdl)
    {
        var created = await _publisher.PostAsync($"/api/v2.0/Reports?path={Uri.EscapeDataString(path)}", new StringContent(rdl, Encoding.UTF8, "application/xml"));
        var body = await created.Content.ReadAsStringAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<decimal> TotalAsync(HttpClient client, string id, string query)
    {
        var response = await client.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var match = System.Text.RegularExpressions.Regex.Match(pdf.GetPage(1).Text, @"TOTAL (-?[0-9]+\.[0-9]{2})");
        Assert.That(match.Success, Is.True, pdf.GetPage(1).Text);
        return decimal.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string OwnQueryReport(string query) => $$"""
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="Secure"><DataSourceReference>/Sales/Data/Secure</DataSourceReference></DataSource></DataSources>
          <DataSets><DataSet Name="Orders"><Query><DataSourceName>Secure</DataSourceName><CommandText>{{System.Security.SecurityElement.Escape(query)}}</CommandText></Query>
            <Fields><Field Name="Region"><DataField>Region</DataField></Field><Field Name="Amount"><DataField>Amount</DataField></Field></Fields></DataSet></DataSets>
          <ReportSections><ReportSection>
            <Body><Height>1in</Height><ReportItems>
              <Textbox Name="Total"><Value>="TOTAL " &amp; Format(CDec(Sum(Fields!Amount.Value, "Orders")), "0.00")</Value><Top>0in</Top><Left>0in</Left><Height>0.3in</Height><Width>5in</Width></Textbox>
            </ReportItems></Body>
            <Width>6in</Width><Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;
}
