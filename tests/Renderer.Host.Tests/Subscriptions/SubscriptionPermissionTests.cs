using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Subscriptions;
using Renderer.Host.Tests.Catalog;
using Renderer.Host.Tests.Security.Identity;

namespace Renderer.Host.Tests.Subscriptions;

/// <summary>
/// A subscription runs as its owner: the owner needs View on the report to create it, a run after the owner lost it
/// fails visibly (status, audit log), and only the owner or a Content Manager sees it.
/// </summary>
[NonParallelizable]
public sealed class SubscriptionPermissionTests
{
    private CatalogServerSession _session = null!;
    private HttpClient _admin = null!;
    private HttpClient _analyst = null!;
    private HttpClient _publisher = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _session = new CatalogServerSession("subscription-permissions", new Dictionary<string, string> { ["Subscriptions:Smtp:Host"] = "127.0.0.1", ["Subscriptions:Smtp:Port"] = "9" });
        _admin = _session.Client;
        _analyst = Client("analyst");
        _publisher = Client("publisher");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _analyst.Dispose();
        _publisher.Dispose();
        _session.Dispose();
    }

    private HttpClient Client(string user)
    {
        var client = _session.Server.Server.CreateClient();
        client.BaseAddress = new Uri(TestSignIn.BaseUrl);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSignIn.Token(_session.Server, _session.DataFolder, user));
        return client;
    }

    private static object Body(string path) => new { reportPath = path, deliveryKind = "email", delivery = new { to = new[] { "ana@example.com" } } };

    [Test]
    public async Task A_run_after_the_owner_lost_view_fails_visibly_and_sends_nothing()
    {
        using var created = await _analyst.PostAsJsonAsync("/api/v2.0/Subscriptions", Body("/Sales/Sales Summary"));
        var text = await created.Content.ReadAsStringAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();

        var sales = JsonDocument.Parse(await _admin.GetStringAsync("/api/v2.0/CatalogItems/ByPath?path=/Sales")).RootElement.GetProperty("id").GetString();
        using (var revoke = await _admin.PutAsync($"/api/v2.0/CatalogItems({sales})/Policies",
            new StringContent("{\"inheritParentPolicy\":false,\"policies\":[{\"groupUserName\":\"admin\",\"roles\":[{\"name\":\"Content Manager\"}]},{\"groupUserName\":\"publisher\",\"roles\":[{\"name\":\"Browser\"}]}]}", Encoding.UTF8, "application/json")))
            Assert.That(revoke.IsSuccessStatusCode, await revoke.Content.ReadAsStringAsync());

        var runner = _session.Server.Services.GetRequiredService<SubscriptionRunner>();
        var status = await runner.RunAsync(id, DateTimeOffset.Parse("2026-05-01T00:00:00Z", CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.That(status, Is.EqualTo("SUB7501"));
        var subscription = JsonDocument.Parse(await _admin.GetStringAsync($"/api/v2.0/Subscriptions({id})")).RootElement.GetProperty("subscription");
        Assert.That(subscription.GetProperty("lastStatus").GetString(), Is.EqualTo("SUB7501"));
        Assert.That(JsonDocument.Parse(await _admin.GetStringAsync($"/api/v2.0/Subscriptions({id})/History")).RootElement.GetProperty("value").GetArrayLength(), Is.Zero);
        var audit = await _admin.GetStringAsync("/api/v2.0/AuditLog?$top=50");
        Assert.That(audit, Does.Contain("SUB7501").And.Contain("analyst"));
    }

    [Test]
    public async Task Only_the_owner_and_content_managers_see_a_subscription()
    {
        using var created = await _publisher.PostAsJsonAsync("/api/v2.0/Subscriptions", Body("/Sales/Sales Summary"));
        var text = await created.Content.ReadAsStringAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();

        Assert.That((await _publisher.GetAsync($"/api/v2.0/Subscriptions({id})")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _admin.GetAsync($"/api/v2.0/Subscriptions({id})")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a Content Manager manages everyone's");
        Assert.That((await _analyst.GetAsync($"/api/v2.0/Subscriptions({id})")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _analyst.PostAsync($"/api/v2.0/Subscriptions({id})/Run", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await _analyst.GetStringAsync("/api/v2.0/Subscriptions"), Does.Not.Contain(id.ToString()));
        Assert.That(await _admin.GetStringAsync("/api/v2.0/Subscriptions"), Does.Contain(id.ToString()));
    }

    [Test]
    public async Task A_report_the_caller_may_not_view_cannot_be_subscribed_to()
    {
        using var response = await _analyst.PostAsJsonAsync("/api/v2.0/Subscriptions", Body("/Samples/RegionOrders"));
        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden));
    }
}
