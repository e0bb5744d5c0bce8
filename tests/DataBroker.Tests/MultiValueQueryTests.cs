using DataBroker.Queries;
using DataBroker.Samples;
using Microsoft.Data.Sqlite;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

/// <summary>Multi-value query parameters: <c>IN (@Region)</c> expanded into one bound placeholder per value, through real SQLite.</summary>
public class MultiValueQueryTests
{
    private const string ByRegion = "SELECT Region, Amount FROM sales WHERE Region IN (@Region) ORDER BY OrderId";

    private string _folder = null!;
    private string _databasePath = null!;

    [OneTimeSetUp]
    public void CreateDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("databroker-mv-").FullName;
        _databasePath = SampleDatabase.EnsureCreated(Path.Combine(_folder, "sales.db"));
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
        ["DataBroker:DataSources:Sales:ConnectionString"] = $"Data Source={_databasePath}",
    });

    private long DirectCount(string where)
    {
        using var connection = new SqliteConnection($"Data Source={_databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sales WHERE " + where;
        return (long)command.ExecuteScalar()!;
    }

    private async Task<List<object?[]>> Run(object? value, string sql = ByRegion)
    {
        using var broker = Broker();
        var report = Report("ByRegion", sql, parameterNames: "@Region");
        await using var result = await broker.Runner.ExecuteAsync(report, "ByRegion", Values(("@Region", value)), CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        return await result.ReadAllAsync();
    }

    [Test]
    public async Task In_with_two_regions_returns_the_rows_of_those_two_regions_only()
    {
        var rows = await Run(new object?[] { "East", "West" });

        Assert.That(rows.Select(r => (string)r[0]!).Distinct().Order(), Is.EqualTo(new[] { "East", "West" }));
        Assert.That(rows, Has.Count.EqualTo(DirectCount("Region IN ('East', 'West')")));
    }

    [Test]
    public async Task A_one_item_array_and_a_plain_value_give_the_same_rows()
    {
        var array = await Run(new object?[] { "North" });
        var plain = await Run("North");

        Assert.That(array, Has.Count.EqualTo(DirectCount("Region = 'North'")).And.Count.GreaterThan(0));
        Assert.That(plain, Has.Count.EqualTo(array.Count));
    }

    [Test]
    public async Task An_injection_attempt_in_an_item_is_only_a_value_and_matches_nothing()
    {
        var rows = await Run(new object?[] { "East') OR 1=1 --", "x' OR '1'='1" });

        Assert.That(rows, Is.Empty);
        Assert.That(DirectCount("1=1"), Is.GreaterThan(0), "the table is not empty, so 'nothing' means the injection failed");
    }

    [Test]
    public async Task An_empty_array_binds_a_single_null_and_matches_nothing()
    {
        var rows = await Run(Array.Empty<object?>());

        Assert.That(rows, Is.Empty);
    }

    [Test]
    public async Task The_parameter_is_expanded_everywhere_it_is_referenced()
    {
        var rows = await Run(new object?[] { "East", "South" },
            "SELECT Region, Amount FROM sales WHERE Region IN (@Region) AND Region IN (@region) ORDER BY OrderId");

        Assert.That(rows.Select(r => (string)r[0]!).Distinct().Order(), Is.EqualTo(new[] { "East", "South" }));
    }

    [Test]
    public async Task Too_many_items_is_DAT6004_naming_the_parameter()
    {
        using var broker = Broker();
        var report = Report("ByRegion", ByRegion, parameterNames: "@Region");
        var values = Enumerable.Range(0, QueryParameterBinder.MaxMultiValueItems + 1).Select(i => (object?)i.ToString()).ToArray();

        await using var result = await broker.Runner.ExecuteAsync(report, "ByRegion", Values(("@Region", values)), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6004"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("'@Region'"));
    }

    [TestCase("WHERE Region IN (@Region)", "WHERE Region IN (@Region_0, @Region_1)")]
    [TestCase("WHERE Region IN (:region)", "WHERE Region IN (:Region_0, :Region_1)")]
    [TestCase("WHERE Name = '@Region' AND Region IN (@Region)", "WHERE Name = '@Region' AND Region IN (@Region_0, @Region_1)")]
    [TestCase("-- @Region\nWHERE [@Region] = 1 /* @Region */ AND x IN (@Region)", "-- @Region\nWHERE [@Region] = 1 /* @Region */ AND x IN (@Region_0, @Region_1)")]
    [TestCase("WHERE x = @RegionName AND y IN (@Region)", "WHERE x = @RegionName AND y IN (@Region_0, @Region_1)")]
    public void Expansion_rewrites_only_parameter_references_with_generated_names(string sql, string expected)
    {
        Assert.That(MultiValueExpander.Expand(sql, "Region", "_", 2).Text, Is.EqualTo(expected));
    }
}
