using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Renderer.Host.Tests.Catalog;

/// <summary>The real host on a private data folder, its catalog in SQLite (the default) or in a PostgreSQL database.</summary>
internal sealed class CatalogServer(string dataFolder, string provider, string? connectionString, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public string DataFolder => dataFolder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        Infrastructure.OfficeOutputCheck.Configure(builder);
        builder.UseSetting("DataFolder", dataFolder);
        builder.UseSetting("Sandbox:TimeoutSeconds", "60");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        Security.Identity.TestSignIn.Configure(builder, () => Server);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (provider == "postgresql")
        {
            builder.UseSetting("Catalog:Provider", "postgresql");
            builder.UseSetting("Catalog:ConnectionString", connectionString);
        }
    }

    /// <summary>Clients are signed in as <see cref="User"/> (the sample administrator unless changed) over https://localhost.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        Security.Identity.TestSignIn.Authorize(client, this, dataFolder, User);
    }

    public string User { get; set; } = "admin";
}

/// <summary>A <see cref="CatalogServer"/> on a fresh temporary data folder with a client; disposing stops it and deletes the folder.</summary>
internal sealed class CatalogServerSession : IDisposable
{
    public CatalogServerSession(string prefix, IReadOnlyDictionary<string, string>? settings = null)
    {
        DataFolder = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataFolder);
        Server = new CatalogServer(DataFolder, "sqlite", null, settings);
        Client = Server.CreateClient();
    }

    public string DataFolder { get; }

    public CatalogServer Server { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); }
        catch (IOException) { }
    }
}
