using System.Net;
using System.Text.Json;

namespace Renderer.Host.Tests.Catalog;

/// <summary>Every render leaves an execution-log row with ExecutionLog3's fields and an audit entry.</summary>
[NonParallelizable]
public sealed class ExecutionLogTests
{
    private CatalogServerSession _session = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start() => _client = (_session = new CatalogServerSession("execution-log")).Client;

    [OneTimeTearDown]
    public void Stop() => _session.Dispose();

    private async Task<string> IdOf(string path) =>
        JsonDocument.Parse(await _client.GetStringAsync($"/api/v2.0/CatalogItems/ByPath?path={path}")).RootElement.GetProperty("id").GetString()!;

    private async Task<JsonElement> LastExecution(string path) =>
        JsonDocument.Parse(await _client.GetStringAsync($"/api/v2.0/ExecutionLog?path={path}&$top=1")).RootElement.GetProperty("value")[0];

    [Test]
    public async Task A_render_is_logged_with_its_stage_times_rows_pages_and_bytes()
    {
        var id = await IdOf("/Samples/BenchSales");
        var response = await _client.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var row = await LastExecution("/Samples/BenchSales");
        Assert.That(row.GetProperty("status").GetString(), Is.EqualTo("Success"));
        Assert.That(row.GetProperty("requestType").GetString(), Is.EqualTo("Export"));
        Assert.That(row.GetProperty("format").GetString(), Is.EqualTo("pdf"));
        Assert.That(row.GetProperty("userName").GetString(), Is.EqualTo("admin"));
        Assert.That(row.GetProperty("byteCount").GetInt64(), Is.EqualTo(bytes.Length));
        Assert.That(row.GetProperty("rowCount").GetInt64(), Is.EqualTo(1000), "the sample CSV holds 1,000 rows");
        Assert.That(row.GetProperty("pageCount").GetInt32(), Is.EqualTo(int.Parse(response.Headers.GetValues("X-Page-Count").Single())));
        Assert.That(row.GetProperty("peakMemoryKb").GetInt64(), Is.GreaterThan(10_000));
        var total = (row.GetProperty("timeEnd").GetDateTimeOffset() - row.GetProperty("timeStart").GetDateTimeOffset()).TotalMilliseconds;
        var stages = row.GetProperty("timeDataRetrieval").GetInt64() + row.GetProperty("timeProcessing").GetInt64() + row.GetProperty("timeRendering").GetInt64();
        TestContext.Out.WriteLine($"total {total} ms; data {row.GetProperty("timeDataRetrieval")}, processing {row.GetProperty("timeProcessing")}, rendering {row.GetProperty("timeRendering")}");
        Assert.That(row.GetProperty("timeRendering").GetInt64(), Is.GreaterThan(0));
        Assert.That(stages, Is.InRange(total * 0.9, total * 1.0 + 1), "the stages account for the render's time");
        var sandboxProcessing = JsonDocument.Parse(row.GetProperty("additionalInfo").GetString()!).RootElement.GetProperty("sandboxProcessingMs").GetInt64();
        Assert.That(sandboxProcessing, Is.GreaterThan(0).And.LessThanOrEqualTo(row.GetProperty("timeProcessing").GetInt64() + row.GetProperty("timeDataRetrieval").GetInt64()));
    }

    [Test]
    public async Task Renders_are_counted_by_format_and_status_in_the_Renderer_meter()
    {
        var measurements = new List<(long Value, string Format, string Status)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == "Renderer" && instrument.Name == "renderer.renders") l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var t = tags.ToArray().ToDictionary(x => x.Key, x => x.Value?.ToString());
            lock (measurements) measurements.Add((value, t["format"]!, t["status"]!));
        });
        listener.Start();
        var id = await IdOf("/Samples/Sales");
        Assert.That((await _client.GetAsync($"/api/v2.0/Reports({id})/Render?format=csv")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _client.GetAsync($"/api/v2.0/Reports({id})/Render?format=csv&Year=x")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        lock (measurements)
        {
            Assert.That(measurements, Does.Contain((1L, "csv", "Success")));
            Assert.That(measurements.Any(m => m.Format == "csv" && m.Status.StartsWith("PRM", StringComparison.Ordinal)));
        }
    }

    [Test]
    public async Task A_failed_render_is_logged_with_its_error_code_and_audited()
    {
        var id = await IdOf("/Samples/Sales");
        var response = await _client.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf&Year=notanumber");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var row = await LastExecution("/Samples/Sales");
        Assert.That(row.GetProperty("status").GetString(), Does.StartWith("PRM"));
        Assert.That(row.GetProperty("parameters").GetString(), Is.EqualTo("Year=notanumber"));

        var audit = await _client.GetStringAsync("/api/v2.0/AuditLog?format=csv&path=/Samples/Sales");
        Assert.That(audit.Split("\r\n")[0], Is.EqualTo("Id,At,User,Action,ItemPath,ClientAddress,Outcome,Details"));
        Assert.That(audit, Does.Contain(",admin,Export,/Samples/Sales,").And.Contain(row.GetProperty("status").GetString()!));
    }
}
