using DataBroker.Queries;
using DataBroker.Samples;
using Microsoft.Data.Sqlite;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

public class SqliteQueryTests
{
    private const string Canary = "CANARY-SECRET-7f3a9";
    private const string GroupedQuery = "SELECT Region, Category, Product, OrderDate, Quantity, UnitPrice, Amount FROM sales WHERE Year = @Year ORDER BY Region, OrderDate";

    private string _folder = null!;
    private string _databasePath = null!;
    private string _connectionString = null!;

    [OneTimeSetUp]
    public void CreateDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("databroker-").FullName;
        _databasePath = SampleDatabase.EnsureCreated(Path.Combine(_folder, Canary, "sales.db"));
        _connectionString = $"Data Source={_databasePath}";
    }

    [OneTimeTearDown]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private TestBroker Broker(int? maxRows = null, int? timeoutSeconds = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataBroker:DataSources:Sales:Provider"] = "sqlite",
            ["DataBroker:DataSources:Sales:ConnectionString"] = _connectionString,
            ["DataBroker:DataSources:Sales:CredentialName"] = "SalesDb",
            ["DataBroker:Credentials:SalesDb:Password"] = Canary,
        };
        if (maxRows is not null) settings["DataBroker:MaxRows"] = maxRows.ToString();
        if (timeoutSeconds is not null) settings["DataBroker:QueryTimeoutSeconds"] = timeoutSeconds.ToString();
        return new TestBroker(settings);
    }

    [Test]
    public async Task Region_totals_match_a_direct_SQL_sum()
    {
        using var broker = Broker();
        var report = Report("SalesByYear", GroupedQuery, parameterNames: "@Year");

        await using var result = await broker.Runner.ExecuteAsync(report, "SalesByYear", Values(("@Year", 2024)), CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That(result.Columns, Is.EqualTo(new[] { "Region", "Category", "Product", "OrderDate", "Quantity", "UnitPrice", "Amount" }));
        var rows = await result.ReadAllAsync();

        var totals = rows.GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => g.Sum(r => (decimal)r[6]!));
        Assert.That(totals, Is.EqualTo(DirectTotals(2024)));
        Assert.That(rows.Select(r => ((DateTime)r[3]!).Year), Is.All.EqualTo(2024));
        Assert.That(rows[0][4], Is.TypeOf<long>());
        Assert.That(rows[0][5], Is.TypeOf<decimal>());
    }

    [Test]
    public async Task A_string_parameter_cannot_inject_SQL()
    {
        using var broker = Broker();
        var report = Report("ByRegion", "SELECT OrderId, Region FROM sales WHERE Region = @Region", parameterNames: "@Region");

        await using var injected = await broker.Runner.ExecuteAsync(report, "ByRegion", Values(("Region", "x' OR '1'='1")), CancellationToken.None);
        Assert.That(injected.Success, Is.True, string.Join("; ", injected.Diagnostics));
        Assert.That(await injected.ReadAllAsync(), Is.Empty);

        await using var honest = await broker.Runner.ExecuteAsync(report, "ByRegion", Values(("Region", "East")), CancellationToken.None);
        var eastRows = await honest.ReadAllAsync();
        Assert.That(eastRows, Is.Not.Empty);
        Assert.That(eastRows.Select(r => r[1]), Is.All.EqualTo("East"));
    }

    [Test]
    public async Task Parameters_keep_their_types()
    {
        using var broker = Broker();
        var report = Report(
            "Typed",
            "SELECT COUNT(*) AS N, typeof(@Big) AS BigType, @Flag AS Flag, @Nothing IS NULL AS NothingIsNull FROM sales WHERE OrderDate >= @From AND OrderDate <= @To AND UnitPrice >= @MinPrice",
            parameterNames: ["@From", "@To", "@MinPrice", "@Big", "@Flag", "@Nothing"]);

        await using var result = await broker.Runner.ExecuteAsync(
            report,
            "Typed",
            Values(("@From", new DateTime(2024, 1, 1)), ("@To", new DateTime(2024, 12, 31)), ("@MinPrice", 0m), ("@Big", 5_000_000_000L), ("@Flag", true), ("@Nothing", null)),
            CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        var row = (await result.ReadAllAsync()).Single();

        Assert.That(row[0], Is.EqualTo(300L), "date-only bounds include both the first and the last day of 2024");
        Assert.That(row[1], Is.EqualTo("integer"));
        Assert.That(row[2], Is.EqualTo(1L));
        Assert.That(row[3], Is.EqualTo(1L));
    }

    [TestCase("@Year", "@Year")]
    [TestCase("Year", "@Year")]
    [TestCase("Year", ":Year")]
    [TestCase("Year", "$Year")]
    public async Task Query_parameter_names_bind_with_or_without_prefix(string rdlName, string sqlName)
    {
        using var broker = Broker();
        var report = Report("Count", $"SELECT COUNT(*) FROM sales WHERE Year = {sqlName}", parameterNames: rdlName);

        await using var result = await broker.Runner.ExecuteAsync(report, "Count", Values(("Year", 2023)), CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That((await result.ReadAllAsync()).Single()[0], Is.EqualTo(300L));
    }

    [Test]
    public async Task Request_is_logged_with_parameter_names_but_not_values()
    {
        using var broker = Broker();
        var report = Report("ByRegion", "SELECT OrderId FROM sales WHERE Region = @Region", parameterNames: "@Region");

        await using (var result = await broker.Runner.ExecuteAsync(report, "ByRegion", Values(("@Region", "Zanzibar")), CancellationToken.None))
        {
            await result.ReadAllAsync();
        }

        var logs = string.Join("\n", broker.Logs);
        Assert.That(logs, Does.Contain("dataset 'ByRegion'").And.Contain("data source 'Sales'").And.Contain("@Region"));
        Assert.That(logs, Does.Not.Contain("Zanzibar"));
        AssertNoSecrets(logs);
    }

    [Test]
    public async Task Undeclared_dataset_is_DAT6002()
    {
        using var broker = Broker();
        var report = Report("Sales", "SELECT * FROM sales");

        await using var result = await broker.Runner.ExecuteAsync(report, "Secrets", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6002"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("'Secrets'"));
        Assert.That(await result.ReadAllAsync(), Is.Empty);
    }

    [Test]
    public async Task Unregistered_data_source_is_DAT6001_and_its_embedded_connection_string_is_not_used()
    {
        using var broker = Broker();
        var report = Report("Sales", "SELECT * FROM sales", dataSourceName: "Elsewhere", embeddedConnectString: _connectionString);

        await using var result = await broker.Runner.ExecuteAsync(report, "Sales", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo("DAT6001"));
        Assert.That(diagnostic.Message, Is.EqualTo("Data source 'Elsewhere' of report 'Sales' is not registered on this server; register it under DataBroker:DataSources"));
        Assert.That(diagnostic.Location, Is.EqualTo(DataSourceLocation));
    }

    [Test]
    public async Task Shared_data_source_reference_resolves_by_its_last_segment()
    {
        using var broker = Broker();
        var report = Report("Sales", "SELECT COUNT(*) FROM sales", dataSourceName: "DataSource1", reference: "/Data Sources/Sales");

        await using var result = await broker.Runner.ExecuteAsync(report, "Sales", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That((await result.ReadAllAsync()).Single()[0], Is.EqualTo(600L));
    }

    [Test]
    public async Task Failing_query_is_DAT6003_without_connection_string_or_secret()
    {
        using var broker = Broker();
        var report = Report("Sales", "SELEC Region FRM sales");

        await using var result = await broker.Runner.ExecuteAsync(report, "Sales", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo("DAT6003"));
        Assert.That(diagnostic.Message, Does.StartWith("Query for dataset 'Sales' failed: "));
        Assert.That(diagnostic.Message, Does.Contain("syntax error"));
        AssertNoSecrets(diagnostic.ToString());
        AssertNoSecrets(string.Join("\n", broker.Logs));
    }

    [Test]
    public async Task Unopenable_database_is_DAT6003_without_its_path()
    {
        var missing = Path.Combine(_folder, Canary, "missing.db");
        using var broker = new TestBroker(new Dictionary<string, string?>
        {
            ["DataBroker:DataSources:Sales:Provider"] = "sqlite",
            ["DataBroker:DataSources:Sales:ConnectionString"] = $"Data Source={missing}",
        });

        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", "SELECT 1"), "Sales", Values(), CancellationToken.None);

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6003"));
        Assert.That(result.Diagnostics.Single().ToString(), Does.Not.Contain(Canary).And.Not.Contain(missing));
        Assert.That(File.Exists(missing), Is.False, "a read-only connection does not create files");
    }

    [TestCase("DELETE FROM sales")]
    [TestCase("ATTACH DATABASE 'other.db' AS other")]
    [TestCase("VACUUM INTO 'copy.db'")]
    public async Task Report_SQL_cannot_write_or_reach_other_files(string sql)
    {
        using var broker = Broker();

        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", sql), "Sales", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6003"));
        using var check = new SqliteConnection($"Data Source={_databasePath};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM sales";
        Assert.That(count.ExecuteScalar(), Is.EqualTo(600L));
    }

    [Test]
    public async Task Missing_parameter_value_is_DAT6005()
    {
        using var broker = Broker();
        var report = Report("SalesByYear", GroupedQuery, parameterNames: "@Year");

        await using var result = await broker.Runner.ExecuteAsync(report, "SalesByYear", Values(), CancellationToken.None);

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6005"));
    }

    [Test]
    public async Task More_rows_than_MaxRows_stops_the_stream_with_DAT6006()
    {
        using var broker = Broker(maxRows: 10);
        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", "SELECT OrderId FROM sales"), "Sales", Values(), CancellationToken.None);
        Assert.That(result.Success, Is.True);

        var read = 0;
        var error = Assert.ThrowsAsync<DataBrokerException>(async () =>
        {
            await foreach (var unused in result.Rows) read++;
        });

        Assert.That(read, Is.EqualTo(10));
        Assert.That(error!.Diagnostic.Code, Is.EqualTo("DAT6006"));
        Assert.That(error.Message, Does.Contain("more than 10 rows").And.Contain("DataBroker:MaxRows"));
    }

    [Test]
    public async Task Database_nulls_are_null_and_rows_can_be_read_only_once()
    {
        using var broker = Broker();
        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", "SELECT NULL AS Missing, 'x' AS Text"), "Sales", Values(), CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));

        var rows = await result.ReadAllAsync();

        Assert.That(rows.Single(), Is.EqualTo(new object?[] { null, "x" }));
        Assert.Throws<InvalidOperationException>(() => result.Rows.GetAsyncEnumerator());
    }

    [Test]
    public async Task Endless_query_fails_with_a_timeout()
    {
        using var broker = Broker(timeoutSeconds: 1);
        const string endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c";

        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", endless), "Sales", Values(), CancellationToken.None);

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6003"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("did not complete within 1 seconds"));
    }

    [Test]
    public void Cancelling_an_endless_query_throws_OperationCanceledException()
    {
        using var broker = Broker();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        const string endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c";

        Assert.That(
            async () => await broker.Runner.ExecuteAsync(Report("Sales", endless), "Sales", Values(), cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private void AssertNoSecrets(string text)
    {
        Assert.That(text, Does.Not.Contain(Canary));
        Assert.That(text, Does.Not.Contain(_connectionString));
        Assert.That(text, Does.Not.Contain(_databasePath));
    }

    private Dictionary<string, decimal> DirectTotals(int year)
    {
        using var connection = new SqliteConnection($"Data Source={_databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Region, printf('%.2f', SUM(Amount)) FROM sales WHERE Year = $year GROUP BY Region";
        command.Parameters.AddWithValue("$year", year);
        using var reader = command.ExecuteReader();
        var totals = new Dictionary<string, decimal>();
        while (reader.Read()) totals[reader.GetString(0)] = decimal.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
        return totals;
    }
}
