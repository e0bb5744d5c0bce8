using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Renderer.Host.Catalog.Database;

/// <summary>
/// Opens connections to the catalog database and knows the few ways SQLite and PostgreSQL differ for it:
/// how a write transaction is taken, and how a unique-key violation is reported. Everything else is portable SQL.
/// </summary>
public sealed class CatalogDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqlite = string.Empty;

    public CatalogDatabase(CatalogProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == CatalogProvider.PostgreSql) _postgres = NpgsqlDataSource.Create(connectionString);
        else
        {
            var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
            if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder) Directory.CreateDirectory(folder);
            _sqlite = builder.ToString();
        }
    }

    public CatalogProvider Provider { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// Starts a transaction that writes: SQLite takes its write lock at once (BEGIN IMMEDIATE), so concurrent writers
    /// queue on the busy timeout instead of failing at commit; PostgreSQL runs at READ COMMITTED and relies on row locks.
    /// </summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default)
        => connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync().ConfigureAwait(false);
    }
}
