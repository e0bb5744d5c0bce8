using DataBroker.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

/// <summary>
/// Issue 12 finding 3: <c>SELECT printf('%.*c', 300000000, 'x')</c> was built whole in the host before the frame limit
/// refused it. Each value, each row and each render's data is now bounded while the connector reads (DAT6012), with a
/// message naming the dataset, the field where known, and the limit.
/// </summary>
public class DataLimitTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("databroker-limits-").FullName;

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private TestBroker Broker(string provider, string connectionString, int? maxValue = null, int? maxRow = null, long? maxRender = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataBroker:DataSources:Sales:Provider"] = provider,
            ["DataBroker:DataSources:Sales:ConnectionString"] = connectionString,
        };
        if (maxValue is not null) settings["DataBroker:MaxValueBytes"] = maxValue.ToString();
        if (maxRow is not null) settings["DataBroker:MaxRowBytes"] = maxRow.ToString();
        if (maxRender is not null) settings["DataBroker:MaxRenderBytes"] = maxRender.ToString();
        return new TestBroker(settings);
    }

    private string Database()
    {
        var path = Path.Combine(_folder, "values.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE big(Id INTEGER, Body TEXT); INSERT INTO big VALUES (1, printf('%.*c', 5000, 'y'));";
        command.ExecuteNonQuery();
        return $"Data Source={path}";
    }

    private static async Task<DataBrokerException> ReadFails(TestBroker broker, string sql)
    {
        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", sql), "Sales", Values(), CancellationToken.None);
        if (!result.Success) return new DataBrokerException(result.Diagnostics.Single());
        return Assert.ThrowsAsync<DataBrokerException>(async () => await result.ReadAllAsync())!;
    }

    [Test]
    public async Task A_300_million_character_value_is_refused_by_SQLite_before_it_is_built()
    {
        using var broker = Broker("sqlite", Database());

        var error = await ReadFails(broker, "SELECT printf('%.*c', 300000000, 'x') AS Huge");

        Assert.That(error.Diagnostic.Code, Is.EqualTo("DAT6012"));
        Assert.That(error.Message, Does.Contain("Dataset 'Sales'").And.Contain("8,388,608 bytes").And.Contain("DataBroker:MaxValueBytes"));
    }

    [Test]
    public async Task A_stored_value_past_the_limit_is_refused_while_reading()
    {
        using var broker = Broker("sqlite", Database(), maxValue: 4000, maxRow: 8000);

        var error = await ReadFails(broker, "SELECT Id, Body FROM big");

        Assert.That(error.Diagnostic.Code, Is.EqualTo("DAT6012"));
        Assert.That(error.Message, Does.Contain("4,000 bytes").And.Contain("DataBroker:MaxValueBytes"));
    }

    [Test]
    public async Task A_row_past_the_limit_names_the_field_that_passed_it()
    {
        using var broker = Broker("sqlite", Database(), maxValue: 1000, maxRow: 1500);

        var error = await ReadFails(broker, "SELECT printf('%.*c', 900, 'a') AS First, printf('%.*c', 900, 'b') AS Second");

        Assert.That(error.Diagnostic.Code, Is.EqualTo("DAT6012"));
        Assert.That(error.Message, Does.Contain("Dataset 'Sales'").And.Contain("field 'Second'").And.Contain("1,500 bytes").And.Contain("DataBroker:MaxRowBytes"));
    }

    [Test]
    public async Task A_render_budget_is_shared_by_the_renders_queries()
    {
        using var broker = Broker("sqlite", Database(), maxValue: 1000, maxRow: 1000, maxRender: 5000);
        var report = Report("Sales", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT printf('%.*c', 900, 'a') AS Text FROM c");
        var budget = broker.Runner.CreateRenderBudget();

        await using (var first = await broker.Runner.ExecuteAsync(report, "Sales", Values(), budget, CancellationToken.None))
        {
            Assert.That(await first.ReadAllAsync(), Has.Count.EqualTo(3), "2,700 bytes fit in the budget");
        }

        await using var second = await broker.Runner.ExecuteAsync(report, "Sales", Values(), budget, CancellationToken.None);
        var error = Assert.ThrowsAsync<DataBrokerException>(async () => await second.ReadAllAsync());

        Assert.That(error!.Diagnostic.Code, Is.EqualTo("DAT6012"));
        Assert.That(error.Message, Does.Contain("5,000 bytes").And.Contain("DataBroker:MaxRenderBytes"));
        await using var alone = await broker.Runner.ExecuteAsync(report, "Sales", Values(), CancellationToken.None);
        Assert.That(await alone.ReadAllAsync(), Has.Count.EqualTo(3), "a query without the render's budget has one of its own");
    }

    [Test]
    public async Task A_CSV_field_past_the_limit_is_refused_with_its_column()
    {
        var path = Path.Combine(_folder, "sales.csv");
        File.WriteAllText(path, "Region,Note\nNorth,short\nSouth," + new string('z', 3000) + "\n");
        using var broker = Broker("csv", path, maxValue: 1000, maxRow: 10_000);

        var error = await ReadFails(broker, "placeholder");

        Assert.That(error.Diagnostic.Code, Is.EqualTo("DAT6012"));
        Assert.That(error.Message, Does.Contain("field 'Note'").And.Contain("1,000 bytes").And.Contain("DataBroker:MaxValueBytes"));
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    public async Task A_CSV_line_past_the_row_limit_is_refused_before_it_is_read_whole(string newline)
    {
        var path = Path.Combine(_folder, "sales.csv");
        File.WriteAllText(path, "Region,Note" + newline + "North,short" + newline + "South," + new string('z', 200_000) + newline + "East,x" + newline);
        using var broker = Broker("csv", path, maxValue: 1000, maxRow: 1000);

        var error = await ReadFails(broker, "placeholder");

        Assert.That(error.Diagnostic.Code, Is.EqualTo("DAT6012"));
        Assert.That(error.Message, Does.Contain("sales.csv near line 3").And.Contain("1,000 characters").And.Contain("DataBroker:MaxRowBytes"));
    }

    [Test]
    public async Task CSV_lines_split_on_every_kind_of_line_end_across_buffer_boundaries()
    {
        var path = Path.Combine(_folder, "sales.csv");
        var lines = Enumerable.Range(0, 20_000).Select(i => $"R{i},{new string('n', i % 7)}").ToList();
        var newlines = new[] { "\n", "\r\n", "\r" };
        File.WriteAllText(path, "Region,Note\r\n" + string.Concat(lines.Select((l, i) => l + newlines[i % 3])));
        using var broker = Broker("csv", path);

        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", "placeholder"), "Sales", Values(), CancellationToken.None);
        var rows = await result.ReadAllAsync();

        Assert.That(rows.Select(r => $"{r[0]},{r[1]}"), Is.EqualTo(lines));
    }

    [Test]
    public async Task A_JSON_value_past_the_limit_is_refused_with_its_property()
    {
        var path = Path.Combine(_folder, "sales.json");
        File.WriteAllText(path, $"[{{\"Region\":\"North\",\"Note\":\"{new string('z', 3000)}\"}}]");
        using var broker = Broker("json", path, maxValue: 1000, maxRow: 10_000);

        var error = await ReadFails(broker, "placeholder");

        Assert.That(error.Diagnostic.Code, Is.EqualTo("DAT6012"));
        Assert.That(error.Message, Does.Contain("Dataset 'Sales'").And.Contain("field 'Note'").And.Contain("DataBroker:MaxValueBytes"));
    }

    [Test]
    public void Limits_out_of_order_fail_at_start()
    {
        using var broker = Broker("csv", "/tmp/x.csv", maxValue: 2000, maxRow: 1000);

        var error = Assert.Throws<OptionsValidationException>(() => _ = broker.Get<IOptions<DataBrokerOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("DataBroker:MaxValueBytes").And.Contain("MaxRowBytes"));
    }
}
