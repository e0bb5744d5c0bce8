using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Renderer.Host.Tests.Security.Identity;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Viewer;

/// <summary>
/// The viewer's sessions over HTTP, as the viewer's script uses them (here with bearer tokens): they belong to one user,
/// keep the rows of their first render (paging, exports and re-renders do not query again; Refresh does), and refuse
/// state changes that do not come from the viewer's page.
/// </summary>
[NonParallelizable]
public sealed class ViewerSessionTests
{
    private HostProcess _host = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = new HostProcess();
        using var admin = await Client("admin");
        var rdl = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Viewer", "ViewerTour.rdl"));
        var published = await admin.PostAsync($"/api/v2.0/Reports?path={Uri.EscapeDataString(ViewerBrowserTests.TourPath)}", new ByteArrayContent(rdl));
        Assert.That(published.IsSuccessStatusCode, Is.True, await published.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public void Stop() => _host?.Dispose();

    private async Task<HttpClient> Client(string user)
    {
        var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _host.TokenAsync(user));
        client.DefaultRequestHeaders.Add("X-Viewer-Request", "1");
        return client;
    }

    private static async Task<JsonElement> Open(HttpClient client, params string[] regions)
    {
        var response = await client.PostAsJsonAsync("/viewer/api/sessions", new { path = ViewerBrowserTests.TourPath, parameters = new Dictionary<string, string[]> { ["Regions"] = regions } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> Page(HttpClient client, string session, int number)
    {
        var response = await client.GetAsync($"/viewer/api/sessions/{session}/pages/{number}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsStringAsync();
    }

    [Test]
    public async Task Two_users_in_parallel_see_only_their_own_sessions_pages_and_parameters()
    {
        using var analyst = await Client("analyst");
        using var publisher = await Client("publisher");
        var opened = await Task.WhenAll(Open(analyst, "North"), Open(publisher, "West"));
        var (mine, theirs) = (opened[0].GetProperty("id").GetString()!, opened[1].GetProperty("id").GetString()!);

        var pages = await Task.WhenAll(Page(analyst, mine, 1), Page(publisher, theirs, 1));
        Assert.That(pages[0], Does.Contain("Total North").And.Not.Contain("Total West"));
        Assert.That(pages[1], Does.Contain("Total West").And.Not.Contain("Total North"));

        foreach (var address in new[] { $"/viewer/api/sessions/{theirs}", $"/viewer/api/sessions/{theirs}/pages/1", $"/viewer/api/sessions/{theirs}/export?format=pdf", $"/viewer/api/sessions/{theirs}/find?text=West" })
        {
            var response = await analyst.GetAsync(address);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), address);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("SRV8301").And.Not.Contain("West"));
        }
        var toggle = await analyst.PostAsJsonAsync($"/viewer/api/sessions/{theirs}/refresh", new { });
        Assert.That(toggle.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Page(publisher, theirs, 1), Does.Contain("Total West"), "the owner's session is untouched");
    }

    [Test]
    public async Task Exports_and_re_renders_use_the_sessions_rows_and_refresh_queries_again()
    {
        using var analyst = await Client("analyst");
        var session = (await Open(analyst, "East")).GetProperty("id").GetString()!;
        var before = PageText(await Page(analyst, session, 1));

        // A new order arrives after the first view: the session keeps showing what it first read (SSRS session semantics).
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(_host.DataFolder, "sample.db")}"))
        {
            await db.OpenAsync();
            var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO sales (OrderDate, Year, Region, Category, Product, Quantity, UnitPrice, Amount) VALUES ('2024-06-01', 2024, 'East', 'Bikes', 'Road-550', 1, 1000000, 1000000)";
            await insert.ExecuteNonQueryAsync();
        }
        var export = await analyst.GetAsync($"/viewer/api/sessions/{session}/export?format=pdf");
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (var pdf = PdfDocument.Open(await export.Content.ReadAsByteArrayAsync()))
        {
            var text = pdf.GetPage(1).Text;
            Assert.That(text, Does.Contain(Total(before).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture)), "the export shows the session's rows");
            Assert.That(text, Does.Not.Contain((Total(before) + 1_000_000m).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture)), "not the new order");
        }

        using (var admin = await Client("admin"))
        {
            var log = await admin.GetStringAsync($"/api/v2.0/ExecutionLog?path={Uri.EscapeDataString(ViewerBrowserTests.TourPath)}&user=analyst");
            Assert.That(log, Does.Contain("\"requestType\":\"Export\"").And.Contain("\"source\":\"Session\""), "the export is logged as served from the session");
            Assert.That(log, Does.Contain("\"requestType\":\"Interactive\""));
        }

        var refreshed = await analyst.PostAsJsonAsync($"/viewer/api/sessions/{session}/refresh", new { });
        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var generation = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generation").GetInt32();
        Assert.That(generation, Is.EqualTo(2));
        var after = PageText(await Page(analyst, session, 1));
        Assert.That(Total(after), Is.EqualTo(Total(before) + 1_000_000m), "Refresh runs the queries again");
    }

    [Test]
    public async Task A_state_change_without_the_viewers_header_or_from_another_site_is_refused()
    {
        using var analyst = await Client("analyst");
        analyst.DefaultRequestHeaders.Remove("X-Viewer-Request");
        var plain = await analyst.PostAsJsonAsync("/viewer/api/sessions", new { path = ViewerBrowserTests.TourPath });
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await plain.Content.ReadAsStringAsync(), Does.Contain("SRV8302"));

        analyst.DefaultRequestHeaders.Add("X-Viewer-Request", "1");
        analyst.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");
        var crossSite = await analyst.PostAsJsonAsync("/viewer/api/sessions", new { path = ViewerBrowserTests.TourPath });
        Assert.That(crossSite.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Find_lists_the_pages_holding_the_text_and_an_unknown_page_is_404()
    {
        using var analyst = await Client("analyst");
        var session = (await Open(analyst, "East", "North", "South", "West")).GetProperty("id").GetString()!;
        await Page(analyst, session, 1);

        var found = await analyst.GetFromJsonAsync<JsonElement>($"/viewer/api/sessions/{session}/find?text=total%20south");
        Assert.That(found.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("page").GetInt32()), Is.EqualTo(new[] { 3 }));
        var missing = await analyst.GetAsync($"/viewer/api/sessions/{session}/pages/9");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await analyst.GetAsync("/viewer/api/sessions/not-a-session"), Has.Property("StatusCode").EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Parameter_definitions_of_a_report_the_caller_may_not_see_are_404()
    {
        using var admin = await Client("admin");
        var sample = await admin.GetFromJsonAsync<JsonElement>("/api/v2.0/CatalogItems/ByPath?path=%2FSamples%2FRegionFilter");
        using var analyst = await Client("analyst");
        var response = await analyst.GetAsync($"/api/v2.0/Reports({sample.GetProperty("id").GetString()})/ParameterDefinitions");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the analyst holds no role on /Samples; before the fix its valid values were listed");
    }

    private static string PageText(string html) => Renderer.Host.Viewer.PageText.Visible(html);

    /// <summary>The region's total amount on a page of the viewer ("Total East" row's last figure).</summary>
    private static decimal Total(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"Total East\W+\d[\d,]*\W+(\d[\d,]*\.\d\d)");
        Assert.That(match.Success, Is.True, text);
        return decimal.Parse(match.Groups[1].Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
    }
}
