using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
        // UseSetting applies before Program's own code reads configuration (ConfigureAppConfiguration would apply later).
        builder.UseSetting("DataFolder", DataFolder);
        builder.UseSetting("Sandbox:TimeoutSeconds", "60");
        builder.UseSetting("DataBroker:DataSources:CanaryDb:Provider", "sqlite");
        builder.UseSetting("DataBroker:DataSources:CanaryDb:ConnectionString", $"Data Source={CanaryDatabase};Mode=ReadOnly");
        builder.UseSetting("DataBroker:DataSources:CanaryDb:CredentialName", "CanaryCredential");
        builder.UseSetting("DataBroker:Credentials:CanaryCredential:Password", Canary);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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
