using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>The real host (real compiler, sandbox processes and broker) on a private data folder.</summary>
internal sealed class ServerFixture : WebApplicationFactory<Program>
{
    public const string Canary = "CANARY-SECRET-7f3a9";

    public ServerFixture()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "renderer-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        var canaryFolder = Path.Combine(DataFolder, Canary);
        Directory.CreateDirectory(canaryFolder);
        CanaryDatabase = Path.Combine(canaryFolder, "canary.db");
    }

    public string DataFolder { get; }

    /// <summary>A database whose path (and so its connection string) carries the canary secret.</summary>
    public string CanaryDatabase { get; }

    public string SampleDatabase => Path.Combine(DataFolder, "sample.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataFolder"] = DataFolder,
            ["Sandbox:TimeoutSeconds"] = "60",
            ["DataBroker:DataSources:CanaryDb:Provider"] = "sqlite",
            ["DataBroker:DataSources:CanaryDb:ConnectionString"] = $"Data Source={CanaryDatabase};Mode=ReadOnly",
            ["DataBroker:DataSources:CanaryDb:CredentialName"] = "CanaryCredential",
            ["DataBroker:Credentials:CanaryCredential:Password"] = Canary,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
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
