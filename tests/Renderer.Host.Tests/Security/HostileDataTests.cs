using System.Net;
using System.Text;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// Issue 12 findings 2, 3 and 4 through the real host: a deeply nested upload, a query asking SQLite for a
/// 300-million-character value, and a query reading the database list of a data source whose path holds the canary.
/// After each, the host keeps serving and no body or log line holds the canary (<see cref="HostileServerTest"/>).
/// </summary>
[TestFixture]
public sealed class HostileDataTests : HostileServerTest
{
    private async Task<(HttpStatusCode Status, string Body)> Render(string file)
    {
        var upload = await Upload(file);
        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.Created), upload.Body);
        var response = await Client.GetAsync($"/api/reports/{Path.GetFileNameWithoutExtension(file)}/render?format=csv");
        var body = await response.Content.ReadAsStringAsync();
        Bodies.Add(body);
        return (response.StatusCode, body);
    }

    [Test]
    public async Task Ten_thousand_nested_rectangles_are_refused_with_the_limit_and_the_line()
    {
        var builder = new StringBuilder("<Report xmlns=\"http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition\"><ReportSections><ReportSection><Body><ReportItems>");
        for (var i = 0; i < 10_000; i++) builder.Append("\n<Rectangle Name=\"R").Append(i).Append("\"><ReportItems>");
        for (var i = 0; i < 10_000; i++) builder.Append("</ReportItems></Rectangle>");
        builder.Append("</ReportItems></Body></ReportSection></ReportSections></Report>");

        var response = await Client.PostAsync("/api/reports?name=DeepNesting", new StringContent(builder.ToString(), Encoding.UTF8, "application/xml"));
        var body = await response.Content.ReadAsStringAsync();
        Bodies.Add(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("RDL1006").And.Contain("128 levels").And.Contain("RdlReaderOptions.MaxDepth").And.Contain("on line 63"));
    }

    [Test]
    public async Task The_database_list_of_a_secret_connection_is_not_readable()
    {
        var (status, body) = await Render("PragmaDatabaseList.rdl");

        Assert.That(status, Is.Not.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("DAT6003").And.Contain("pragma_database_list").And.Contain("prohibited"));
        Assert.That(body, Does.Not.Contain("canary.db"));
    }

    [Test]
    public async Task A_huge_value_is_refused_by_the_broker_naming_the_dataset_and_limit()
    {
        var (status, body) = await Render("HugeValue.rdl");

        Assert.That(status, Is.Not.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("DAT6012").And.Contain("Dataset 'Data'").And.Contain("DataBroker:MaxValueBytes"));
    }
}
