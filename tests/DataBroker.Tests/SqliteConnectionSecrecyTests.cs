using DataBroker.Queries;
using Microsoft.Data.Sqlite;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

/// <summary>
/// Issue 12 finding 4: <c>SELECT name, file FROM pragma_database_list</c> returned the database's full path, canary
/// included. The database here lives under a folder named after the canary, and its credential's password is another;
/// no route a report's SQL can take may bring either back.
/// </summary>
public class SqliteConnectionSecrecyTests
{
    private const string Canary = "CANARY-path-5e81d0";
    private const string PasswordCanary = "CANARY-pw-77ab";

    private string _folder = null!;
    private string _databasePath = null!;

    [OneTimeSetUp]
    public void CreateDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("databroker-secrecy-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, Canary));
        _databasePath = Path.Combine(_folder, Canary, "orders.db");
        using var connection = new SqliteConnection($"Data Source={_databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE orders(Id INTEGER PRIMARY KEY, Region TEXT, Amount REAL, Note TEXT);
            INSERT INTO orders VALUES (1, 'North', 10.5, 'ok'), (2, 'South', 4.5, 'ok');
            CREATE VIEW totals AS SELECT Region, SUM(Amount) AS Total FROM orders GROUP BY Region;
            """;
        command.ExecuteNonQuery();
    }

    [OneTimeTearDown]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private TestBroker Broker() => new(new Dictionary<string, string?>
    {
        ["DataBroker:DataSources:Sales:Provider"] = "sqlite",
        ["DataBroker:DataSources:Sales:ConnectionString"] = $"Data Source={_databasePath};Mode=ReadOnly",
        ["DataBroker:DataSources:Sales:CredentialName"] = "OrdersDb",
        ["DataBroker:Credentials:OrdersDb:Password"] = PasswordCanary,
    });

    private static readonly string[] Routes =
    [
        "SELECT name, file FROM pragma_database_list",
        "SELECT * FROM pragma_database_list()",
        "SELECT file FROM main.pragma_database_list",
        "SELECT * FROM pragma_table_list",
        "SELECT * FROM pragma_table_info('orders')",
        "SELECT * FROM pragma_compile_options",
        "SELECT * FROM pragma_function_list",
        "SELECT * FROM pragma_module_list",
        "SELECT * FROM pragma_pragma_list",
        "PRAGMA database_list",
        "PRAGMA main.database_list",
        "PRAGMA temp_store_directory",
        "PRAGMA data_store_directory",
        "PRAGMA journal_mode",
        "PRAGMA table_info(orders)",
        "ATTACH DATABASE 'other.db' AS other",
        "ATTACH DATABASE ':memory:' AS other",
        "DETACH DATABASE main",
        "SELECT sql FROM sqlite_master",
        "SELECT sql FROM sqlite_schema",
        "SELECT * FROM main.sqlite_master",
        "SELECT * FROM sqlite_temp_master",
        "SELECT * FROM temp.sqlite_schema",
        "SELECT * FROM sqlite_temp_schema",
        "SELECT load_extension('/tmp/x.so')",
        "SELECT sqlite_compileoption_get(0)",
        "SELECT sqlite_source_id()",
        "SELECT sqlite_version()",
        "SELECT readfile('" + "/etc/passwd')",
        "SELECT fts3_tokenizer('simple')",
        "SELECT * FROM dbstat",
        "SELECT * FROM sqlite_dbpage",
        "SELECT * FROM sqlite_stmt",
        "SELECT * FROM generate_series(1, 3) JOIN pragma_database_list",
        "WITH f AS (SELECT file FROM pragma_database_list) SELECT * FROM f",
        "SELECT (SELECT file FROM pragma_database_list LIMIT 1) AS f FROM orders",
        "SELECT Region FROM orders WHERE Region IN (SELECT file FROM pragma_database_list)",
        "CREATE TEMP VIEW v AS SELECT file FROM pragma_database_list",
        "CREATE TEMP TABLE t(x)",
        "INSERT INTO orders VALUES (3, 'x', 1, 'x')",
        "BEGIN",
        "SAVEPOINT s",
        "ANALYZE",
        "VACUUM INTO 'copy.db'",
        "SELECT changes(), total_changes(), last_insert_rowid()",
    ];

    [TestCaseSource(nameof(Routes))]
    public async Task A_route_to_the_connection_is_refused_and_its_error_names_no_secret(string sql)
    {
        using var broker = Broker();

        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", sql), "Sales", Values(), CancellationToken.None);
        var text = string.Join("\n", result.Diagnostics.Select(d => d.ToString()));
        if (result.Success)
        {
            // Nothing may come back: the statement must have been refused before it ran.
            var rows = await Read(result);
            Assert.Fail($"'{sql}' was allowed and returned {rows}");
        }

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6003"));
        Assert.That(text, Does.Contain("not authorized").Or.Contain("authorization denied").Or.Contain("prohibited").Or.Contain("no such"), text);
        AssertNoSecret(text);
        AssertNoSecret(string.Join("\n", broker.Logs));
    }

    [TestCase("SELECT Region, Amount FROM orders ORDER BY Id", 2)]
    [TestCase("SELECT Region, Total FROM totals", 2)]
    [TestCase("SELECT COUNT(*) AS n FROM orders", 1)]
    [TestCase("SELECT upper(Region) AS r, round(Amount, 0) AS a, strftime('%Y', '2024-05-01') AS y, printf('%05.1f', Amount) AS p FROM orders", 2)]
    [TestCase("SELECT Region, SUM(Amount) OVER (ORDER BY Id) AS running, row_number() OVER () AS n FROM orders", 2)]
    [TestCase("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5) SELECT x FROM c", 5)]
    [TestCase("SELECT value FROM json_each('[1,2,3]')", 3)]
    [TestCase("SELECT o.Region FROM orders AS o JOIN (SELECT Region FROM orders) AS s ON s.Region = o.Region", 2)]
    [TestCase("SELECT Region FROM orders WHERE Region LIKE 'N%' AND Note GLOB 'o*'", 1)]
    [TestCase("SELECT json_extract('{\"a\":1}', '$.a') AS a, '{\"a\":2}' ->> '$.a' AS b, coalesce(NULL, 1) AS c, iif(1, 'y', 'n') AS d, sqrt(16) AS e", 1)]
    public async Task Ordinary_report_queries_still_run(string sql, int expectedRows)
    {
        using var broker = Broker();

        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", sql), "Sales", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That(await result.ReadAllAsync(), Has.Count.EqualTo(expectedRows));
    }

    /// <summary>The second line: whatever route a value took, a row holding the path, user or password is refused (DAT6013) without echoing it.</summary>
    [TestCase("SELECT '{0}' AS Note")]
    [TestCase("SELECT 'x' || '{1}' || 'y' AS Note")]
    [TestCase("SELECT 1 AS Id, lower('{2}') AS Note")]
    [TestCase("SELECT 'orders.db' AS Note")]
    public async Task A_value_holding_part_of_the_connection_string_is_refused_without_echoing_it(string template)
    {
        // The report author cannot know the secrets; here the test writes them into the SQL to stand for any route
        // the authorizer might miss (a view, a stored value, a future function).
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, _databasePath, Canary, PasswordCanary);
        using var broker = Broker();
        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", sql), "Sales", Values(), CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));

        var error = Assert.ThrowsAsync<DataBrokerException>(async () => await result.ReadAllAsync());

        Assert.That(error!.Diagnostic.Code, Is.EqualTo("DAT6013"));
        Assert.That(error.Message, Does.Contain("Dataset 'Sales'").And.Contain("field 'Note'").And.Contain("connection string"));
        AssertNoSecret(error.Diagnostic.ToString());
        AssertNoSecret(string.Join("\n", broker.Logs));
    }

    private void AssertNoSecret(string text)
    {
        Assert.That(text, Does.Not.Contain(Canary).IgnoreCase);
        Assert.That(text, Does.Not.Contain(PasswordCanary).IgnoreCase);
        Assert.That(text, Does.Not.Contain(_databasePath));
    }

    private static async Task<string> Read(DataQueryResult result)
    {
        try
        {
            var rows = await result.ReadAllAsync();
            return string.Join(" | ", rows.Select(r => string.Join(", ", r)));
        }
        catch (DataBrokerException ex)
        {
            return "an error: " + ex.Message;
        }
    }
}
