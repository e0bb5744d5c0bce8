using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Renderer.Host.Tests.Catalog;

namespace Renderer.Host.Tests.Security.Identity;

/// <summary>
/// One test per cell of the role × operation matrix on the seeded catalog: the administrator (System Administrator,
/// Content Manager of the root), the publisher (Browser and Publisher on /Sales), the analyst (Browser on /Sales) and
/// an outsider (a valid token, no role anywhere). Items a caller holds no role on are 404, items they may see but
/// not change are 403.
/// </summary>
[NonParallelizable]
public sealed class RoleMatrixTests
{
    private const string Rdl = """
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <ReportSections><ReportSection>
            <Body><Height>1in</Height><ReportItems>
              <Textbox Name="T"><Value>="Hello " &amp; User!UserID &amp; " in " &amp; User!Language</Value><Top>0in</Top><Left>0in</Left><Height>0.3in</Height><Width>4in</Width></Textbox>
            </ReportItems></Body>
            <Width>5in</Width><Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private static CatalogServerSession _session = null!;
    private static readonly Dictionary<string, HttpClient> Clients = [];
    private static string _reportId = null!;
    private static string _salesId = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _session = new CatalogServerSession("role-matrix");
        foreach (var user in new[] { "admin", "publisher", "analyst" })
            Clients[user] = Client(TestSignIn.Token(_session.Server, _session.DataFolder, user));
        Clients["outsider"] = Client(TestTokens.Mint(_session.DataFolder, "outsider"));
        _salesId = await IdOf("/Sales");
        _reportId = await IdOf("/Sales/Sales Summary");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        foreach (var client in Clients.Values) client.Dispose();
        Clients.Clear();
        _session.Dispose();
    }

    private static HttpClient Client(string token)
    {
        var client = _session.Server.Server.CreateClient();
        client.BaseAddress = new Uri(TestSignIn.BaseUrl);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> IdOf(string path)
    {
        var json = await _session.Client.GetStringAsync("/api/v2.0/CatalogItems/ByPath?path=" + Uri.EscapeDataString(path));
        return JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>A new report in /Sales for operations that change or remove one.</summary>
    private static async Task<string> Scratch()
    {
        var response = await _session.Client.PostAsync($"/api/v2.0/Reports?path=/Sales/Scratch-{Guid.NewGuid():N}", new StringContent(Rdl, Encoding.UTF8, "application/xml"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static readonly Dictionary<string, Func<HttpClient, Task<HttpResponseMessage>>> Operations = new()
    {
        ["list /Sales"] = c => c.GetAsync("/api/v2.0/CatalogItems?parent=/Sales"),
        ["list /Samples"] = c => c.GetAsync("/api/v2.0/CatalogItems?parent=/Samples"),
        ["get report"] = c => c.GetAsync($"/api/v2.0/CatalogItems({_reportId})"),
        ["report metadata"] = c => c.GetAsync($"/api/v2.0/Reports({_reportId})"),
        ["render report"] = c => c.GetAsync($"/api/v2.0/Reports({_reportId})/Render?format=csv"),
        ["version history"] = c => c.GetAsync($"/api/v2.0/Reports({_reportId})/Versions"),
        ["download definition"] = c => c.GetAsync($"/api/v2.0/Reports({_reportId})/Content/$value"),
        ["publish report"] = c => c.PostAsync($"/api/v2.0/Reports?path=/Sales/New-{Guid.NewGuid():N}", new StringContent(Rdl, Encoding.UTF8, "application/xml")),
        ["create folder"] = c => c.PostAsync("/api/v2.0/Folders", new StringContent($"{{\"path\":\"/Sales/F-{Guid.NewGuid():N}\"}}", Encoding.UTF8, "application/json")),
        ["delete report"] = async c => await c.DeleteAsync($"/api/v2.0/CatalogItems({await Scratch()})"),
        ["rename report"] = async c => await c.PatchAsync($"/api/v2.0/CatalogItems({await Scratch()})", new StringContent($"{{\"name\":\"R-{Guid.NewGuid():N}\"}}", Encoding.UTF8, "application/json")),
        ["read permissions"] = c => c.GetAsync($"/api/v2.0/CatalogItems({_salesId})/Policies"),
        ["change permissions"] = async c => await c.PutAsync($"/api/v2.0/CatalogItems({await Scratch()})/Policies", new StringContent("{\"inheritParentPolicy\":true,\"policies\":[]}", Encoding.UTF8, "application/json")),
        ["read audit log"] = c => c.GetAsync("/api/v2.0/AuditLog?$top=5"),
        ["read execution log"] = c => c.GetAsync("/api/v2.0/ExecutionLog?$top=5"),
        ["read system permissions"] = c => c.GetAsync("/api/v2.0/SystemPolicies"),
        ["create folder at the root"] = c => c.PostAsync("/api/v2.0/Folders", new StringContent($"{{\"path\":\"/Top-{Guid.NewGuid():N}\"}}", Encoding.UTF8, "application/json")),
    };

    // Expected status per operation for admin, publisher, analyst, outsider.
    private static readonly (string Operation, int[] Status)[] Matrix =
    [
        ("list /Sales", [200, 200, 200, 404]),
        ("list /Samples", [200, 404, 404, 404]),
        ("get report", [200, 200, 200, 404]),
        ("report metadata", [200, 200, 200, 404]),
        ("render report", [200, 200, 200, 404]),
        ("version history", [200, 200, 200, 404]),
        ("download definition", [200, 200, 403, 404]),
        ("publish report", [201, 201, 403, 404]),
        ("create folder", [201, 201, 403, 404]),
        ("delete report", [204, 204, 403, 404]),
        ("rename report", [200, 200, 403, 404]),
        ("read permissions", [200, 403, 403, 404]),
        ("change permissions", [200, 403, 403, 404]),
        ("read audit log", [200, 403, 403, 403]),
        ("read execution log", [200, 403, 403, 403]),
        ("read system permissions", [200, 403, 403, 403]),
        ("create folder at the root", [201, 404, 404, 404]),
    ];

    private static IEnumerable<TestCaseData> Cells()
    {
        string[] users = ["admin", "publisher", "analyst", "outsider"];
        foreach (var (operation, statuses) in Matrix)
            for (var i = 0; i < users.Length; i++)
                yield return new TestCaseData(operation, users[i], statuses[i]).SetName($"{users[i]}: {operation} is {statuses[i]}");
    }

    [TestCaseSource(nameof(Cells))]
    public async Task Each_role_may_do_what_SSRS_allows(string operation, string user, int expected)
    {
        using var response = await Operations[operation](Clients[user]);
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task The_analyst_sees_only_the_folders_granted_to_them()
    {
        var root = JsonDocument.Parse(await Clients["analyst"].GetStringAsync("/api/v2.0/CatalogItems")).RootElement.GetProperty("value");
        Assert.That(root.EnumerateArray().Select(i => i.GetProperty("path").GetString()), Is.EqualTo(new[] { "/Sales" }));
        var search = JsonDocument.Parse(await Clients["analyst"].GetStringAsync("/api/v2.0/CatalogItems?search=Sales")).RootElement.GetProperty("value");
        Assert.That(search.EnumerateArray().Select(i => i.GetProperty("path").GetString()), Has.All.StartWith("/Sales"));
    }

    [Test]
    public async Task User_UserID_and_User_Language_in_a_report_come_from_the_signed_in_identity()
    {
        var id = await Scratch();
        var csv = await Clients["analyst"].GetStringAsync($"/api/v2.0/Reports({id})/Render?format=csv");
        Assert.That(csv, Does.Contain("Hello analyst in de-DE"), "the analyst's token carries locale de-DE");
    }

    [Test]
    public async Task A_group_from_the_token_can_be_granted_a_role_and_the_change_is_audited()
    {
        var id = await Scratch();
        var outsider = Client(TestTokens.Mint(_session.DataFolder, "outsider2", claims: new Dictionary<string, object> { ["groups"] = new[] { "Auditors" } }));
        Assert.That((await outsider.GetAsync($"/api/v2.0/CatalogItems({id})")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var grant = await _session.Client.PutAsync($"/api/v2.0/CatalogItems({id})/Policies", new StringContent(
            "{\"inheritParentPolicy\":false,\"policies\":[{\"groupUserName\":\"admin\",\"roles\":[{\"name\":\"Content Manager\"}]},{\"groupUserName\":\"group:Auditors\",\"roles\":[{\"name\":\"Browser\"}]}]}",
            Encoding.UTF8, "application/json"));
        Assert.That(grant.StatusCode, Is.EqualTo(HttpStatusCode.OK), await grant.Content.ReadAsStringAsync());
        Assert.That((await outsider.GetAsync($"/api/v2.0/CatalogItems({id})")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Clients["analyst"].GetAsync($"/api/v2.0/CatalogItems({id})")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the item no longer inherits /Sales");

        var audit = await _session.Client.GetStringAsync("/api/v2.0/AuditLog?format=csv&user=admin");
        Assert.That(audit, Does.Contain(",admin,SetPolicy,").And.Contain("group:Auditors: Browser"));
        outsider.Dispose();
    }
}
