using System.Net;
using System.Text;
using Renderer.Host.Tests.EndToEnd;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// Finding 10 of issue 12: uploading under the name <c>Sales</c> replaced the sample for everyone. Now a plain upload
/// of an existing name is 409 (CAT9003), only PUT replaces a report (as a new catalog version), samples are read-only
/// (403, CAT9005), and a data source restricted to named reports refuses any other report at upload (422, DAT6040).
/// </summary>
[TestFixture]
public sealed class CatalogOverwriteTests : ServerTest
{
    private static StringContent Rdl(string text) =>
        new(TestReports.WithExpression($"=\"{text}\""), Encoding.UTF8, "application/xml");

    private async Task<string> RenderedCsv(string name)
    {
        var response = await Client.GetAsync($"/api/reports/{name}/render?format=csv");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }

    [Test]
    public async Task A_plain_upload_of_an_existing_name_is_409_and_leaves_the_report_as_it_was()
    {
        var first = await Client.PostAsync("/api/reports?name=Shared", Rdl("first version"));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());

        var second = await Client.PostAsync("/api/reports?name=shared", Rdl("second version"));
        var problem = await second.Content.ReadAsStringAsync();

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), problem);
        Assert.That(second.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem, Does.Contain("CAT9003").And.Contain("already exists").And.Contain("PUT /api/reports/Shared"));
        Assert.That(await RenderedCsv("Shared"), Does.Contain("first version").And.Not.Contain("second version"));
    }

    [Test]
    public async Task Put_replaces_a_report_explicitly_and_creates_a_new_one()
    {
        var created = await Client.PutAsync("/api/reports/Replaceable", Rdl("old text"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());

        var replaced = await Client.PutAsync("/api/reports/Replaceable", Rdl("new text"));

        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK), await replaced.Content.ReadAsStringAsync());
        Assert.That(await RenderedCsv("Replaceable"), Does.Contain("new text").And.Not.Contain("old text"));
    }

    [Test]
    public async Task The_Sales_sample_is_read_only_for_post_and_put()
    {
        var before = await RenderedCsv("Sales");

        var post = await Client.PostAsync("/api/reports?name=Sales", Rdl("hijacked"));
        var put = await Client.PutAsync("/api/reports/Sales", Rdl("hijacked"));

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await put.Content.ReadAsStringAsync(), Does.Contain("CAT9005").And.Contain("sample").And.Contain("read-only"));
        Assert.That(await RenderedCsv("Sales"), Is.EqualTo(before).And.Not.Contain("hijacked"));
    }
}

/// <summary>A server whose SalesDb is restricted to the Sales and SalesChart samples and a reserved name, Finance.</summary>
[TestFixture]
public sealed class RestrictedDataSourceTests
{
    private ServerFixture _server = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _server = new ServerFixture(new Dictionary<string, string?>
        {
            ["DataBroker:DataSources:SalesDb:AllowedReports:0"] = "Sales",
            ["DataBroker:DataSources:SalesDb:AllowedReports:1"] = "Finance",
        });
        _client = _server.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
    }

    private static StringContent SalesQuery() =>
        new(TestReports.WithQuery("SalesDb", "SELECT Amount FROM sales"), Encoding.UTF8, "application/xml");

    [Test]
    public async Task An_upload_using_a_source_restricted_to_other_reports_is_422_naming_report_and_source()
    {
        var response = await _client.PostAsync("/api/reports?name=Intruder", SalesQuery());
        var problem = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), problem);
        Assert.That(problem, Does.Contain("DAT6040").And.Contain("'Intruder'").And.Contain("'SalesDb'"));
        Assert.That((await _client.GetAsync("/api/reports/Intruder")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the report was not stored");
    }

    [Test]
    public async Task The_listed_sample_still_renders_from_the_restricted_source()
    {
        var response = await _client.GetAsync("/api/reports/Sales/render?format=csv&Year=2024");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_name_the_restricted_source_lists_cannot_be_taken_by_an_upload()
    {
        var post = await _client.PostAsync("/api/reports?name=Finance", SalesQuery());
        var put = await _client.PutAsync("/api/reports/Finance", SalesQuery());

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await post.Content.ReadAsStringAsync());
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await put.Content.ReadAsStringAsync(), Does.Contain("CAT9005").And.Contain("reserved"));
    }
}
