using System.Text.Json.Nodes;
using DataBroker.Credentials;
using DataBroker.Samples;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests.Credentials;

/// <summary>The broker connects with the encrypted connection string, decrypted as the query starts.</summary>
public class EncryptedQueryTests
{
    private const string Query = "SELECT COUNT(*) AS Rows FROM sales";

    private CredentialTestFolder _folder = null!;
    private string _database = null!;

    [SetUp]
    public void Create()
    {
        _folder = new CredentialTestFolder();
        _folder.WriteKeys("k1");
        _database = SampleDatabase.EnsureCreated(Path.Combine(_folder.Folder, "sales.db"));
    }

    [TearDown]
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private TestBroker Broker(string? plaintextConnectionString) => new(new Dictionary<string, string?>
    {
        ["DataBroker:DataSources:Sales:Provider"] = "sqlite",
        ["DataBroker:DataSources:Sales:ConnectionString"] = plaintextConnectionString,
        ["DataBroker:CredentialFile"] = _folder.CredentialFile,
        ["DataBroker:KeyRing:File"] = _folder.KeyFile,
    });

    [Test]
    public async Task A_source_whose_connection_string_is_only_encrypted_is_queried()
    {
        _folder.Manager.Set("Sales", $"Data Source={_database}");
        using var broker = Broker(null);

        await using var result = await broker.Runner.ExecuteAsync(Report("Count", Query), "Count", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That((await result.ReadAllAsync())[0][0], Is.EqualTo(600L));
    }

    [Test]
    public async Task An_encrypted_entry_overrides_the_configured_connection_string()
    {
        _folder.Manager.Set("Sales", $"Data Source={_database}");
        using var broker = Broker($"Data Source={Path.Combine(_folder.Folder, "missing.db")}");

        await using var result = await broker.Runner.ExecuteAsync(Report("Count", Query), "Count", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That((await result.ReadAllAsync())[0][0], Is.EqualTo(600L));
    }

    [Test]
    public async Task A_tampered_entry_refuses_the_query_with_DAT6023_at_the_query_location()
    {
        _folder.Manager.Set("Sales", $"Data Source={_database};Password=CANARY-ENCRYPTED-5d1e");
        var json = JsonNode.Parse(File.ReadAllText(_folder.CredentialFile))!;
        var tag = Convert.FromBase64String((string)json["entries"]!["Sales"]!["tag"]!);
        tag[0] ^= 0x80;
        json["entries"]!["Sales"]!["tag"] = Convert.ToBase64String(tag);
        File.WriteAllText(_folder.CredentialFile, json.ToJsonString());
        using var broker = Broker($"Data Source={_database}");

        await using var result = await broker.Runner.ExecuteAsync(Report("Count", Query), "Count", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo("DAT6023"));
        Assert.That(diagnostic.Location.Line, Is.EqualTo(15), "reported at the dataset's query");
        Assert.That(broker.Logs, Has.Some.Contains("DAT6023"));
        Assert.That(broker.Logs, Has.None.Contains("CANARY"));
    }

    [Test]
    public void Validation_accepts_a_source_without_a_configured_connection_string_only_when_one_is_encrypted()
    {
        using (var missing = Broker(null))
        {
            var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => _ = missing.Get<Microsoft.Extensions.Options.IOptions<DataBrokerOptions>>().Value);
            Assert.That(error!.Failures, Has.Some.Contains("credentials set Sales"));
        }

        _folder.Manager.Set("Sales", $"Data Source={_database}");
        using var encrypted = Broker(null);
        Assert.That(encrypted.Get<Microsoft.Extensions.Options.IOptions<DataBrokerOptions>>().Value.DataSources, Does.ContainKey("Sales"));
    }

    [Test]
    public async Task Start_up_warns_about_a_plaintext_password_without_printing_it_and_about_unknown_key_ids()
    {
        _folder.Manager.Set("Orphan", "Data Source=x.db");
        _folder.WriteKeys("k2");
        using var broker = Broker($"Data Source={_database};Password=CANARY-PLAIN-0a1b");

        foreach (var service in broker.Get<IEnumerable<IHostedService>>()) await service.StartAsync(CancellationToken.None);

        Assert.That(broker.Get<ICredentialStore>(), Is.TypeOf<EncryptedCredentialStore>());
        Assert.That(broker.Logs, Has.Some.Contains("Warning").And.Contains("'Sales' has a password").And.Contains("credentials set Sales"));
        Assert.That(broker.Logs, Has.Some.Contains("DAT6022").And.Contains("'Orphan'"));
        Assert.That(broker.Logs, Has.Some.Contains("'Orphan' belongs to no data source"));
        Assert.That(broker.Logs, Has.None.Contains("CANARY"));
        Assert.That(broker.Logs, Has.None.Contains("x.db"));
    }
}
