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
        builder.UseSetting("DataFolder", dataFolder);
        builder.UseSetting("Sandbox:TimeoutSeconds", "60");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Renderer:PublicBaseUrl", "http://localhost");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (provider == "postgresql")
        {
            builder.UseSetting("Catalog:Provider", "postgresql");
            builder.UseSetting("Catalog:ConnectionString", connectionString);
        }
    }
}
