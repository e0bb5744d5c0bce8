using DataBroker.Samples;
using Microsoft.Data.Sqlite;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

/// <summary>A request may only carry values for the query parameters the dataset declares (DAT6009).</summary>
public class UndeclaredParameterTests
{
    private const string Canary = "CANARY-SECRET-7f3a9";
    private string _folder = null!;
    private string _connectionString = null!;

    [OneTimeSetUp]
    public void CreateDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("databroker-params-").FullName;
        _connectionString = $"Data Source={SampleDatabase.EnsureCreated(Path.Combine(_folder, Canary, "sales.db"))}";
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
        ["DataBroker:DataSources:Sales:ConnectionString"] = _connectionString,
        ["DataBroker:DataSources:Sales:CredentialName"] = "SalesDb",
        ["DataBroker:Credentials:SalesDb:Password"] = Canary,
    });

    [Test]
    public async Task An_unknown_query_parameter_name_is_refused_with_DAT6009_and_logged()
    {
        using var broker = Broker();
        var report = Report("ByRegion", "SELECT OrderId, Region FROM sales WHERE Region = @Region", parameterNames: "@Region");

        await using var result = await broker.Runner.ExecuteAsync(
            report, "ByRegion", Values(("Region", "East"), ("@Password", "x")), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo("DAT6009"));
        Assert.That(diagnostic.Message, Is.EqualTo("Query parameter '@Password' is not declared by dataset 'ByRegion'; the request was refused"));
        Assert.That(await result.ReadAllAsync(), Is.Empty, "no query ran");
        var logs = string.Join("\n", broker.Logs);
        Assert.That(logs, Does.Contain("DAT6009"));
        Assert.That(logs, Does.Not.Contain(Canary));
    }

    [Test]
    public async Task Parameters_for_a_dataset_without_query_parameters_are_refused()
    {
        using var broker = Broker();
        var report = Report("All", "SELECT OrderId FROM sales");

        await using var result = await broker.Runner.ExecuteAsync(report, "All", Values(("Year", 2023)), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "DAT6009" }));
    }

    [Test]
    public async Task Declared_names_match_with_or_without_prefix_and_in_any_case_and_the_next_request_still_runs()
    {
        using var broker = Broker();
        var report = Report("ByRegion", "SELECT OrderId, Region FROM sales WHERE Region = @Region", parameterNames: "@Region");

        await using (var refused = await broker.Runner.ExecuteAsync(report, "ByRegion", Values(("Region", "East"), ("Other", 1)), CancellationToken.None))
            Assert.That(refused.Success, Is.False);

        foreach (var name in new[] { "Region", "@Region", "region", ":REGION" })
        {
            await using var result = await broker.Runner.ExecuteAsync(report, "ByRegion", Values((name, "East")), CancellationToken.None);
            Assert.That(result.Success, Is.True, $"{name}: {string.Join("; ", result.Diagnostics)}");
            var rows = await result.ReadAllAsync();
            Assert.That(rows, Is.Not.Empty);
            Assert.That(rows.Select(r => r[1]), Is.All.EqualTo("East"));
        }
    }

    [Test]
    public async Task A_control_character_laden_name_is_shown_safely()
    {
        using var broker = Broker();
        var report = Report("All", "SELECT OrderId FROM sales");
        var hostile = "x\nINFO forged log line" + new string('a', 200);

        await using var result = await broker.Runner.ExecuteAsync(report, "All", Values((hostile, 1)), CancellationToken.None);

        var message = result.Diagnostics.Single().Message;
        Assert.That(message, Does.Not.Contain("\n"));
        Assert.That(message.Length, Is.LessThan(200));
    }
}
