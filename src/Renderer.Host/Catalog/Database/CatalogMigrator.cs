using System.Data.Common;

namespace Renderer.Host.Catalog.Database;

/// <summary>
/// Brings the catalog schema up to date at start. The whole run is one transaction under a lock (SQLite's write lock,
/// a PostgreSQL advisory lock), so hosts starting together on one PostgreSQL apply each migration exactly once.
/// </summary>
public sealed class CatalogMigrator(CatalogDatabase database, ILogger<CatalogMigrator> logger)
{
    private const long AdvisoryLockKey = 0x52_44_4C_43_41_54; // "RDLCAT"

    public static int LatestVersion => CatalogMigrations.All[^1].Version;

    /// <summary>Applies the missing migrations and returns the schema version now in the database.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (database.Provider == CatalogProvider.Sqlite)
            await Execute(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        if (database.Provider == CatalogProvider.PostgreSql)
            await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey});", cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL);", cancellationToken).ConfigureAwait(false);
        var applied = new HashSet<int>();
        await using (var read = connection.Command("SELECT version FROM schema_version", transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) applied.Add(reader.GetInt32(0));
        if (applied.Count > 0 && applied.Max() > LatestVersion)
            throw new InvalidOperationException($"The catalog database has schema version {applied.Max()}, newer than this server's {LatestVersion}; upgrade the server.");
        foreach (var migration in CatalogMigrations.All.Where(m => !applied.Contains(m.Version)))
        {
            await Execute(connection, transaction, migration.For(database.Provider), cancellationToken).ConfigureAwait(false);
            await using var record = connection.Command("INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @at)", transaction)
                .With("v", migration.Version).With("d", migration.Description).With("at", DateTimeOffset.UtcNow.ToUnixMs());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Catalog schema migrated to version {Version}: {Description}", migration.Version, migration.Description);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return LatestVersion;
    }

    private static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
