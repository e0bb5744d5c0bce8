using System.Security.Cryptography;
using DataBroker.Credentials;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// The real host whose data source connection strings come only from the encrypted store: <c>SalesDb</c> (the sample
/// database, via <c>{DataFolder}</c>) and <c>CanaryDb</c> (a database whose path carries <see cref="Canary"/>) are registered
/// with a provider and no connection string; the key file and the credential file are written before the host starts.
/// Every log line is captured.
/// </summary>
internal sealed class EncryptedCredentialServer : WebApplicationFactory<Program>
{
    public const string Canary = "CANARY-SECRET-encrypted-3e7d";

    public EncryptedCredentialServer()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "renderer-encrypted-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(DataFolder, Canary));
        CanaryDatabase = Path.Combine(DataFolder, Canary, "canary.db");
        using (var connection = new SqliteConnection($"Data Source={CanaryDatabase}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t(Amount REAL); INSERT INTO t VALUES (1.5), (2.25);";
            command.ExecuteNonQuery();
        }

        File.WriteAllText(KeyFile, $"k1:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}\n");
        var manager = new CredentialManager(Options.Create(new CredentialStoreOptions
        {
            CredentialFile = CredentialFile,
            KeyRing = new KeyRingOptions { File = KeyFile },
        }));
        manager.Set("SalesDb", "Data Source={DataFolder}/sample.db;Mode=ReadOnly");
        manager.Set("CanaryDb", CanaryConnectionString);
    }

    public string DataFolder { get; }

    public string CanaryDatabase { get; }

    public string CanaryConnectionString => $"Data Source={CanaryDatabase};Mode=ReadOnly";

    public string KeyFile => Path.Combine(DataFolder, "keys.txt");

    public string CredentialFile => Path.Combine(DataFolder, "credentials.json");

    public LogCapture Logs { get; } = new();

    /// <summary>Clients are signed in as the sample administrator over https://localhost.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        Security.Identity.TestSignIn.Authorize(client, this, DataFolder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        Infrastructure.OfficeOutputCheck.Configure(builder);
        builder.UseSetting("DataFolder", DataFolder);
        Security.Identity.TestSignIn.Configure(builder, () => Server);
        builder.UseSetting("Sandbox:TimeoutSeconds", "60");
        builder.UseSetting("DataBroker:KeyRing:File", KeyFile);
        builder.UseSetting("DataBroker:DataSources:SalesDb:ConnectionString", string.Empty);
        builder.UseSetting("DataBroker:DataSources:CanaryDb:Provider", "sqlite");
        builder.UseSetting("Logging:LogLevel:Default", "Information");
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
