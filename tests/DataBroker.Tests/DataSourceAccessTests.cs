using DataBroker.Connectors;
using DataBroker.Samples;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

/// <summary>
/// Finding 10 of issue 12: any report could use any registered data source. A source with AllowedReports serves only
/// the reports it lists; any other gets DAT6040 naming the report and the source, and no query runs.
/// </summary>
public class DataSourceAccessTests
{
    private string _folder = null!;
    private string _database = null!;

    [OneTimeSetUp]
    public void CreateDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("databroker-access-").FullName;
        _database = SampleDatabase.EnsureCreated(Path.Combine(_folder, "sales.db"));
    }

    [OneTimeTearDown]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private TestBroker Broker(params string[] allowedReports)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataBroker:DataSources:Sales:Provider"] = "sqlite",
            ["DataBroker:DataSources:Sales:ConnectionString"] = $"Data Source={_database}",
        };
        for (var i = 0; i < allowedReports.Length; i++) settings[$"DataBroker:DataSources:Sales:AllowedReports:{i}"] = allowedReports[i];
        return new TestBroker(settings);
    }

    [Test]
    public async Task A_report_outside_AllowedReports_gets_DAT6040_naming_report_and_source()
    {
        using var broker = Broker("Finance", "Payroll");
        var report = Report("Rows", "SELECT Region FROM sales") with { Name = "Intruder" };

        await using var result = await broker.Runner.ExecuteAsync(report, "Rows", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo(DataSourceAccess.RestrictedDataSource));
        Assert.That(error.Message, Does.Contain("'Intruder'").And.Contain("'Sales'").And.Contain("DataBroker:DataSources:Sales:AllowedReports"));
    }

    [Test]
    public async Task A_listed_report_reads_the_source_whatever_the_case_of_its_name()
    {
        using var broker = Broker("Finance");
        var report = Report("Rows", "SELECT Region FROM sales") with { Name = "finance" };

        await using var result = await broker.Runner.ExecuteAsync(report, "Rows", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That(await result.ReadAllAsync(), Is.Not.Empty);
    }

    [Test]
    public async Task Without_AllowedReports_every_report_may_use_the_source()
    {
        using var broker = Broker();
        var report = Report("Rows", "SELECT Region FROM sales") with { Name = "Anyone" };

        await using var result = await broker.Runner.ExecuteAsync(report, "Rows", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
    }

    [Test]
    public void A_folder_or_wildcard_in_AllowedReports_fails_validation_at_start()
    {
        using var broker = Broker("Finance", "reports/*");

        var error = Assert.Throws<OptionsValidationException>(() => _ = broker.Get<IOptions<DataBrokerOptions>>().Value);

        Assert.That(error!.Failures, Has.Some.Contains("DataBroker:DataSources:Sales:AllowedReports:1"));
        Assert.That(error.Failures, Has.Some.Contains("'reports/*'"));
    }
}
