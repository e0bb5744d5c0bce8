using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Renderer.Host.Tests.Catalog;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Security.DataSecurity;

/// <summary>
/// Row-level and object-level security (issue 18) through the real server: administrators define roles and hidden
/// fields on a shared dataset over a protected source; each user's PDF shows the total of their own rows (checked
/// against SQL run directly on the same database); a report's own query on the protected source, in any disguise, is
/// refused; a hidden field fails with its name.
/// </summary>
[NonParallelizable]
public sealed partial class RowLevelSecurityTests
{
    private CatalogServerSession _session = null!;
    private HttpClient _admin = null!;
    private HttpClient _analyst = null!;
    private HttpClient _publisher = null!;
    private string _dataSetId = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _session = new CatalogServerSession("rls", new Dictionary<string, string>
        {
            ["DataBroker:DataSources:Secure:Provider"] = "sqlite",
            ["DataBroker:DataSources:Secure:ConnectionString"] = "Data Source={DataFolder}/sample.db;Mode=ReadOnly",
            ["DataBroker:DataSources:Secure:RowLevelSecurity"] = "true",
        });
        _admin = _session.Client;
        _session.Server.User = "analyst";
        _analyst = _session.Server.CreateClient();
        _session.Server.User = "publisher";
        _publisher = _session.Server.CreateClient();
        _session.Server.User = "admin";

        foreach (var folder in new[] { "/Sales", "/Sales/Data" })
        {
            var made = await _admin.PostAsync("/api/v2.0/Folders", Json(new { path = folder }));
            Assert.That(made.StatusCode, Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.Conflict), await made.Content.ReadAsStringAsync());
        }
        await Expect(HttpStatusCode.Created, _admin.PostAsync("/api/v2.0/DataSources", Json(new { path = "/Sales/Data/Secure", registeredSource = "Secure" })));
        var dataSet = await Expect(HttpStatusCode.Created, _admin.PostAsync("/api/v2.0/DataSets", Json(new
        {
            path = "/Sales/Data/Orders",
            dataSourcePath = "/Sales/Data/Secure",
            commandText = "SELECT Region, Amount, UnitPrice FROM sales WHERE Year = @Year",
        })));
        _dataSetId = dataSet.GetProperty("id").GetString()!;
        await Expect(HttpStatusCode.OK, _admin.PutAsync($"/api/v2.0/DataSets({_dataSetId})/Security", Json(new
        {
            roles = new object[]
            {
                new { name = "East team", filter = new[] { new { column = "Region", @operator = "eq", value = "East" } }, members = new[] { "group:Sales Analysts" } },
                new { name = "North and South", filter = new[] { new { column = "Region", @operator = "in", value = "North, South" } }, members = new[] { "admin" } },
            },
            hiddenFields = new[] { new { field = "UnitPrice", roles = new[] { "East team" } } },
        })));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _analyst.Dispose();
        _publisher.Dispose();
        _session.Dispose();
    }

    [Test]
    public async Task Two_identities_get_different_totals_each_equal_to_SQL_with_their_filter()
    {
        var id = await PublishAsync("/Sales/Revenue", SharedReport("Amount"));
        var analyst = await TotalAsync(_analyst, id);
        var admin = await TotalAsync(_admin, id);
        Assert.Multiple(() =>
        {
            Assert.That(analyst, Is.EqualTo(Sql("Region = 'East'")), "the analyst (group Sales Analysts) sees the East rows");
            Assert.That(admin, Is.EqualTo(Sql("Region IN ('North', 'South')")), "the admin (user member of 'North and South') sees North and South");
            Assert.That(analyst, Is.Not.EqualTo(admin));
        });
    }

    [Test]
    public async Task A_user_in_no_role_sees_no_rows()
    {
        var id = await PublishAsync("/Sales/RevenueForPublisher", SharedReport("Amount"));
        await Expect(HttpStatusCode.OK, _admin.PutAsync($"/api/v2.0/CatalogItems({id})/Policies", Json(new
        {
            inheritParentPolicy = false,
            policies = new object[] { new { groupUserName = "admin", roles = new[] { new { name = "Content Manager" }, new { name = "Browser" } } }, new { groupUserName = "publisher", roles = new[] { new { name = "Browser" } } } },
        })));
        Assert.That(await TotalAsync(_publisher, id), Is.EqualTo(0m));
    }

    [Test]
    public async Task A_field_hidden_from_the_users_role_fails_with_its_name_and_shows_no_data()
    {
        var id = await PublishAsync("/Sales/Prices", SharedReport("UnitPrice"));
        var refused = await _analyst.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf");
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(refused.IsSuccessStatusCode, Is.False);
            Assert.That(body, Does.Contain("DAT6051").And.Contain("UnitPrice").And.Contain("/Sales/Data/Orders"));
        });
        Assert.That(await TotalAsync(_admin, id), Is.EqualTo(Sql("Region IN ('North', 'South')", "UnitPrice")), "not hidden from the admin's role");
    }

    [Test]
    public async Task Only_system_administrators_read_or_change_data_security()
    {
        Assert.Multiple(async () =>
        {
            Assert.That((await _publisher.GetAsync($"/api/v2.0/DataSets({_dataSetId})/Security")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await _publisher.PutAsync($"/api/v2.0/DataSets({_dataSetId})/Security", Json(new { roles = Array.Empty<object>(), hiddenFields = Array.Empty<object>() }))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await _analyst.GetAsync($"/api/v2.0/DataSets({_dataSetId})/Security")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
        var audit = await (await _admin.GetAsync("/api/v2.0/AuditLog?path=/Sales/Data/Orders")).Content.ReadAsStringAsync();
        Assert.That(audit, Does.Contain("SetDataSecurity").And.Contain("East team"));
    }

    [Test]
    public async Task A_publisher_cannot_add_a_shared_dataset_on_the_protected_source()
    {
        var response = await _publisher.PostAsync("/api/v2.0/DataSets", Json(new { path = "/Sales/Everything", dataSourcePath = "/Sales/Data/Secure", commandText = "SELECT Region, Amount FROM sales" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await response.Content.ReadAsStringAsync());
    }

    private async Task<string> PublishAsync(string path, string rdl)
    {
        var created = await Expect(HttpStatusCode.Created, _admin.PostAsync($"/api/v2.0/Reports?path={Uri.EscapeDataString(path)}", new StringContent(rdl, Encoding.UTF8, "application/xml")));
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>The TOTAL the report prints for the client's user.</summary>
    private static async Task<decimal> TotalAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var match = System.Text.RegularExpressions.Regex.Match(pdf.GetPage(1).Text, @"TOTAL (-?[0-9]+\.[0-9]{2})");
        Assert.That(match.Success, Is.True, pdf.GetPage(1).Text);
        return decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The same total computed with SQL on the server's own sample database.</summary>
    private decimal Sql(string filter, string column = "Amount")
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_session.DataFolder, "sample.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT printf('%.2f', COALESCE(SUM({column}), 0)) FROM sales WHERE Year = 2024 AND {filter}";
        return decimal.Parse((string)command.ExecuteScalar()!, CultureInfo.InvariantCulture);
    }

    /// <summary>A report over the shared dataset (Year 2024) printing the sum of <paramref name="field"/>.</summary>
    internal static string SharedReport(string field, string extraDataSets = "", string extraItems = "", string parameters = "") => $$"""
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          {{parameters}}
          <DataSources><DataSource Name="Secure"><DataSourceReference>/Sales/Data/Secure</DataSourceReference></DataSource></DataSources>
          <DataSets>
            <DataSet Name="Orders"><SharedDataSet><SharedDataSetReference>/Sales/Data/Orders</SharedDataSetReference>
              <QueryParameters><QueryParameter Name="@Year"><Value>2024</Value></QueryParameter></QueryParameters></SharedDataSet>
              <Fields><Field Name="Region"><DataField>Region</DataField></Field><Field Name="{{field}}"><DataField>{{field}}</DataField></Field></Fields></DataSet>
            {{extraDataSets}}
          </DataSets>
          <ReportSections><ReportSection>
            <Body><Height>2in</Height><ReportItems>
              <Textbox Name="Total"><Value>="TOTAL " &amp; Format(CDec(Sum(Fields!{{field}}.Value, "Orders")), "0.00")</Value><Top>0in</Top><Left>0in</Left><Height>0.3in</Height><Width>5in</Width></Textbox>
              {{extraItems}}
            </ReportItems></Body>
            <Width>6in</Width><Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
