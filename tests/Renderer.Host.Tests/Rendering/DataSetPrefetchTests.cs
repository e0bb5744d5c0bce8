using System.Globalization;
using System.Net;
using System.Text;
using DataBroker.Queries;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;
using Renderer.Host.Rendering;
using Renderer.Host.Tests.EndToEnd;
using Renderer.Host.Tests.Security;

namespace Renderer.Host.Tests.Rendering;

/// <summary>
/// Datasets whose query takes no parameters run through the real broker (SQLite) as the render starts, and the
/// sandbox's first request for one gets the prefetched rows: the same rows, once, in order, past the read-ahead bound.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DataSetPrefetchTests
{
    private const int RowCount = 40_000;

    // 1..40000: more rows than the read-ahead buffer holds, so the rest must stream as they are read.
    private static readonly string CountingQuery =
        $"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x &lt; {RowCount}) SELECT x AS Amount FROM c";

    private HostileServer _server = null!;

    [OneTimeSetUp]
    public void Start() => _server = new HostileServer();

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task The_first_request_gets_every_prefetched_row_in_order_and_a_second_request_goes_to_the_broker()
    {
        var entry = Add("Counting", TestReports.WithQuery("CanaryDb", CountingQuery));
        await using var prefetch = DataSetPrefetch.Start(Broker, entry.Definition, Broker.CreateRenderBudget(), CancellationToken.None);
        Assert.That(prefetch.DataSetNames, Is.EquivalentTo(new[] { "Data" }));

        var taken = await prefetch.TryTakeAsync("Data", NoParameters);
        Assert.That(taken, Is.Not.Null);
        Assert.That(taken!.Result.Columns, Is.EqualTo(new[] { "Amount" }));
        var values = new List<long>();
        await foreach (var row in taken.Rows) values.Add(Convert.ToInt64(row[0], CultureInfo.InvariantCulture));
        Assert.That(values, Has.Count.EqualTo(RowCount));
        Assert.That(values, Is.EqualTo(Enumerable.Range(1, RowCount).Select(i => (long)i)), "every row, in query order");

        Assert.That(await prefetch.TryTakeAsync("Data", NoParameters), Is.Null, "a prefetch is handed out once");
    }

    [Test]
    public async Task A_request_with_parameters_or_for_another_dataset_is_not_served_from_the_prefetch()
    {
        var entry = Add("WithParametersAsked", TestReports.WithQuery("CanaryDb", "SELECT Amount FROM t"));
        await using var prefetch = DataSetPrefetch.Start(Broker, entry.Definition, Broker.CreateRenderBudget(), CancellationToken.None);

        Assert.That(await prefetch.TryTakeAsync("Data", new Dictionary<string, object?> { ["Extra"] = 1 }), Is.Null);
        Assert.That(await prefetch.TryTakeAsync("Other", NoParameters), Is.Null);
        Assert.That(await prefetch.TryTakeAsync("data", NoParameters), Is.Not.Null, "dataset names match as the broker matches them");
    }

    [Test]
    public async Task A_dataset_whose_query_takes_parameters_is_left_to_the_sandbox_request()
    {
        var rdl = TestReports.WithQuery("CanaryDb", "SELECT Amount FROM t WHERE Amount &gt; @Min").Replace(
            "<CommandText>",
            "<QueryParameters><QueryParameter Name=\"@Min\"><Value>=0</Value></QueryParameter></QueryParameters><CommandText>",
            StringComparison.Ordinal);
        var entry = Add("TakesParameters", rdl);
        Assert.That(entry.Definition.DataSets.Single().Query.Parameters, Has.Length.EqualTo(1));

        await using var prefetch = DataSetPrefetch.Start(Broker, entry.Definition, Broker.CreateRenderBudget(), CancellationToken.None);
        Assert.That(prefetch.DataSetNames, Is.Empty);
    }

    [Test]
    public async Task A_failing_prefetched_query_reaches_the_sandbox_as_the_brokers_error()
    {
        var entry = Add("FailsEarly", TestReports.WithQuery("CanaryDb", "SELECT Amount FROM no_such_table"));
        await using var prefetch = DataSetPrefetch.Start(Broker, entry.Definition, Broker.CreateRenderBudget(), CancellationToken.None);
        var handler = new BrokerDataHandler(Broker, entry.Definition, prefetch: prefetch);

        var result = await handler.ExecuteAsync("Data", NoParameters, CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Does.StartWith("DAT").And.Contain("no_such_table"));
        Assert.That(result.ErrorMessage, Does.Not.Contain(HostileServer.Canary));
    }

    [Test]
    public async Task A_prefetch_nobody_takes_is_closed_without_error()
    {
        var entry = Add("NeverAsked", TestReports.WithQuery("CanaryDb", CountingQuery));
        var prefetch = DataSetPrefetch.Start(Broker, entry.Definition, Broker.CreateRenderBudget(), CancellationToken.None);
        await Task.Delay(100);

        Assert.That(async () => await prefetch.DisposeAsync(), Throws.Nothing);
    }

    [Test]
    public async Task A_render_over_the_api_sums_every_prefetched_row()
    {
        using var client = _server.CreateClient();
        var upload = await client.PutAsync("/api/reports/CountingApi", new StringContent(TestReports.WithQuery("CanaryDb", CountingQuery), Encoding.UTF8, "application/xml"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());

        var response = await client.GetAsync("/api/reports/CountingApi/render?format=csv");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain(((long)RowCount * (RowCount + 1) / 2).ToString(CultureInfo.InvariantCulture)));
    }

    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    private IQueryRunner Broker => _server.Services.GetRequiredService<IQueryRunner>();

    private CatalogEntry Add(string name, string rdl) => ReportEntries.Read(_server.Services, name, rdl);
}

/// <summary>A prefetch that nobody takes never fails the render, whatever its query threw.</summary>
[TestFixture]
public sealed class DataSetPrefetchFailureTests
{
    [Test]
    public async Task An_untaken_prefetch_whose_broker_threw_is_disposed_without_error()
    {
        var report = Rdl.Model.Reading.RdlReader.Read(Encoding.UTF8.GetBytes(TestReports.WithQuery("Db", "SELECT 1 AS Amount")), "Throws.rdl").Report!;
        var prefetch = DataSetPrefetch.Start(new ThrowingBroker(), report, new RenderDataBudget(long.MaxValue), CancellationToken.None);
        Assert.That(prefetch.DataSetNames, Is.EquivalentTo(new[] { "Data" }));
        await Task.Delay(50);

        Assert.That(async () => await prefetch.DisposeAsync(), Throws.Nothing);
    }

    /// <summary>A broker whose driver throws something it did not expect (failure injection for the test above).</summary>
    private sealed class ThrowingBroker : IQueryRunner
    {
        public Task<DataQueryResult> ExecuteAsync(
            Rdl.Model.Definitions.ReportDefinition report, string dataSetName, IReadOnlyDictionary<string, object?> parameterValues, RenderDataBudget? budget, CancellationToken cancellationToken) =>
            throw new FormatException("driver exploded");

        public RenderDataBudget CreateRenderBudget() => new(long.MaxValue);
    }
}
