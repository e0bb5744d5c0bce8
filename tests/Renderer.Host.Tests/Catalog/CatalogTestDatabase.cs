using Microsoft.Extensions.Logging.Abstractions;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Tests.Catalog;

/// <summary>A migrated catalog database of either provider, with the store's services over it.</summary>
internal sealed class CatalogTestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;

    private CatalogTestDatabase(CatalogProvider provider, string connectionString, string? sqliteFolder)
    {
        (Provider, ConnectionString, _sqliteFolder) = (provider, connectionString, sqliteFolder);
        Database = new CatalogDatabase(provider, connectionString);
    }

    public CatalogProvider Provider { get; }

    public string ConnectionString { get; }

    public CatalogDatabase Database { get; private set; }

    public CatalogQueries Queries => new(Database);

    public CatalogPublisher Publisher => new(Database);

    public CatalogTree Tree(TimeProvider? time = null) => new(Database, time ?? TimeProvider.System);

    public ParameterSettings Parameters => new(Database);

    public static async Task<CatalogTestDatabase> CreateAsync(string provider)
    {
        CatalogTestDatabase db;
        if (provider == "postgresql") db = new CatalogTestDatabase(CatalogProvider.PostgreSql, PostgresCluster.Require().CreateDatabase(), null);
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "rdl-catalog-" + Guid.NewGuid().ToString("N")[..12]);
            db = new CatalogTestDatabase(CatalogProvider.Sqlite, $"Data Source={Path.Combine(folder, "catalog.db")}", folder);
        }
        await new CatalogMigrator(db.Database, NullLogger<CatalogMigrator>.Instance).MigrateAsync();
        return db;
    }

    /// <summary>Closes every connection and opens the database again, as a restarted server would.</summary>
    public async Task ReopenAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Database = new CatalogDatabase(Provider, ConnectionString);
        await new CatalogMigrator(Database, NullLogger<CatalogMigrator>.Instance).MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_sqliteFolder is null) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_sqliteFolder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>The clock moved forward, to see what retention does later.</summary>
internal sealed class ShiftedTime(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
}
