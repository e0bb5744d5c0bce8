using DataBroker.Queries;
using DataBroker.Samples;
using DataBroker.Security;
using Microsoft.Data.Sqlite;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

/// <summary>The broker's row-level and object-level security on a shared dataset, and its refusal of own queries on a protected source.</summary>
public class RowLevelSecurityQueryTests
{
    private const string Query = "SELECT Region, Amount, UnitPrice FROM sales WHERE Year = 2024";

    private static readonly DataSetSecurity Security = new(
        [
            new RlsRole("Own region", [new RlsCondition("Region", "eq", "@CustomData")], []),
            new RlsRole("Managers", [new RlsCondition("Region", "in", "North,South"), new RlsCondition("Region", "ne", "South")], ["group:managers"]),
        ],
        [new HiddenField("UnitPrice", ["Own region"])]);

    private string _folder = null!;
    private TestBroker _broker = null!;

    [OneTimeSetUp]
    public void Create()
    {
        _folder = Directory.CreateTempSubdirectory("databroker-rls-").FullName;
        var database = SampleDatabase.EnsureCreated(Path.Combine(_folder, "sales.db"));
        _broker = new TestBroker(new Dictionary<string, string?>
        {
            ["DataBroker:DataSources:Secure:Provider"] = "sqlite",
            ["DataBroker:DataSources:Secure:ConnectionString"] = $"Data Source={database}",
            ["DataBroker:DataSources:Secure:RowLevelSecurity"] = "true",
        });
    }

    [OneTimeTearDown]
    public void Delete()
    {
        _broker.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task A_reports_own_query_on_a_protected_source_is_refused_at_every_query()
    {
        var report = Report("Orders", "SELECT Region, Amount FROM sales", dataSourceName: "Secure");
        await using var result = await _broker.Runner.ExecuteAsync(report, "Orders", Values(), budget: null, access: new DataAccess(EffectiveIdentity.ForUser("ana", ["user:ana"])), CancellationToken.None);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6050"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("Orders").And.Contain("Secure").And.Contain("row-level security"));
        // Without an identity at all (a prefetch, an old caller) it is refused the same way.
        await using var bare = await _broker.Runner.ExecuteAsync(report, "Orders", Values(), CancellationToken.None);
        Assert.That(bare.Diagnostics.Single().Code, Is.EqualTo("DAT6050"));
    }

    [Test]
    public async Task Rows_match_any_role_of_the_identity_and_hidden_columns_are_removed()
    {
        var custom = await RowsAsync(new EffectiveIdentity("portal-user", ["Own region"], "West", []));
        Assert.Multiple(() =>
        {
            Assert.That(custom.Columns, Is.EqualTo(new[] { "Region", "Amount" }), "UnitPrice is hidden from 'Own region'");
            Assert.That(custom.Rows.Select(r => r[0]).Distinct(), Is.EqualTo(new[] { "West" }));
            Assert.That(custom.Rows, Has.Count.EqualTo(Count("Region = 'West'")));
        });
        var manager = await RowsAsync(EffectiveIdentity.ForUser("mo", ["user:mo", "group:managers"]));
        Assert.Multiple(() =>
        {
            Assert.That(manager.Columns, Does.Contain("UnitPrice"));
            Assert.That(manager.Rows.Select(r => r[0]).Distinct(), Is.EqualTo(new[] { "North" }), "in North,South and not South");
        });
        var both = await RowsAsync(new EffectiveIdentity("x", ["Own region"], "East", ["group:managers"]));
        Assert.That(both.Rows.Select(r => (string)r[0]!).Distinct().Order(), Is.EqualTo(new[] { "East", "North" }), "the union of both roles");
        var nobody = await RowsAsync(EffectiveIdentity.ForUser("eve", ["user:eve"]));
        Assert.That(nobody.Rows, Is.Empty, "a user in no role sees nothing");
    }

    [Test]
    public async Task A_declared_hidden_field_fails_with_its_name()
    {
        var report = Shared(fields: ["Region", "UnitPrice"]);
        var access = Access(report, new EffectiveIdentity("p", ["Own region"], "West", []));
        await using var result = await _broker.Runner.ExecuteAsync(report, "Orders", Values(), null, access, CancellationToken.None);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6051"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("'UnitPrice'").And.Contain("/Data/Orders"));
    }

    [Test]
    public async Task A_rule_on_a_column_the_query_does_not_return_shows_nothing()
    {
        var report = Shared(fields: ["Region"]);
        var access = new DataAccess(EffectiveIdentity.ForUser("mo", ["group:managers"]));
        access.Bind(report, "Orders", new SharedDataSetBinding("/Data/Orders", "Secure", "SELECT Amount FROM sales", Security));
        await using var result = await _broker.Runner.ExecuteAsync(report, "Orders", Values(), null, access, CancellationToken.None);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6053"));
    }

    [Test]
    public async Task A_shared_dataset_reference_without_a_binding_is_refused()
    {
        var report = Shared(fields: ["Region"]);
        await using var result = await _broker.Runner.ExecuteAsync(report, "Orders", Values(), null, new DataAccess(EffectiveIdentity.ForUser("a", [])), CancellationToken.None);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6052"));
    }

    private async Task<(IReadOnlyList<string> Columns, List<object?[]> Rows)> RowsAsync(EffectiveIdentity identity)
    {
        var report = Shared(fields: ["Region", "Amount"]);
        await using var result = await _broker.Runner.ExecuteAsync(report, "Orders", Values(), null, Access(report, identity), CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        return (result.Columns, await result.ReadAllAsync());
    }

    private static DataAccess Access(Rdl.Model.Definitions.ReportDefinition report, EffectiveIdentity identity)
    {
        var access = new DataAccess(identity);
        access.Bind(report, "Orders", new SharedDataSetBinding("/Data/Orders", "Secure", Query, Security));
        return access;
    }

    private static Rdl.Model.Definitions.ReportDefinition Shared(string[] fields)
    {
        var report = Report("Orders", string.Empty, dataSourceName: "Secure");
        var dataSet = report.DataSets[0] with
        {
            SharedDataSetReference = "/Data/Orders",
            Fields = [.. fields.Select(f => new Rdl.Model.Definitions.Data.FieldDefinition(f, f, null, null, DataSourceLocation))],
        };
        return report with { DataSets = [dataSet] };
    }

    private int Count(string filter)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "sales.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM sales WHERE Year = 2024 AND {filter}";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
