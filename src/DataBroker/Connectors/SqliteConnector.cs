using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace DataBroker.Connectors;

/// <summary>
/// Runs queries on SQLite through Microsoft.Data.Sqlite.
/// <list type="bullet">
/// <item>Opens read-only (<c>Mode=ReadOnly</c>) and unpooled unless the registered connection string sets <c>Mode</c> / <c>Pooling</c>.</item>
/// <item>Forbids ATTACH (and VACUUM INTO, which attaches) so a report's SQL cannot reach any file but the registered one.</item>
/// <item>Binds parameters as <see cref="SqliteParameter"/>s; a name without a prefix binds <c>@Name</c>, <c>:Name</c> or <c>$Name</c>.
/// A date-only <see cref="DateTime"/> is bound as <c>yyyy-MM-dd</c> text (how SQLite DATE columns are usually stored),
/// a <see cref="decimal"/> as REAL (SQLite has no decimal storage; NUMERIC columns hold REAL).</item>
/// <item>Sets the credential as the connection's <c>Password</c> only when the native library supports encryption
/// (plain e_sqlite3 does not and refuses a password).</item>
/// </list>
/// </summary>
internal sealed class SqliteConnector(ILogger<SqliteConnector> logger) : IDataSourceConnector
{
    private const int SqliteLimitAttached = 7;

    public string Provider => "sqlite";

    /// <summary>Whether the loaded native SQLite can take a key (SQLCipher, SEE, ...); e_sqlite3/sqlite3/winsqlite3 cannot.</summary>
    internal static bool NativeLibrarySupportsEncryption
    {
        get
        {
            var name = raw.GetNativeLibraryName();
            return name is not ("e_sqlite3" or "sqlite3" or "winsqlite3");
        }
    }

    public Task<IRowSource> OpenAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        var connectionString = BuildConnectionString(request);
        var guard = new SqliteQueryGuard(request.Timeout);
        var connection = new SqliteConnection(connectionString);
        SqliteCommand? command = null;
        try
        {
            guard.Run(() => { connection.Open(); return true; }, cancellationToken);
            guard.Attach(connection);
            raw.sqlite3_limit(connection.Handle, SqliteLimitAttached, 0);

            command = connection.CreateCommand();
            command.CommandText = request.CommandText;
            command.CommandType = CommandType.Text;
            command.CommandTimeout = (int)Math.Ceiling(Math.Min(request.Timeout.TotalSeconds, int.MaxValue));
            foreach (var parameter in request.Parameters)
            {
                command.Parameters.Add(CreateParameter(parameter));
            }

            var cmd = command;
            var reader = guard.Run(() => cmd.ExecuteReader(CommandBehavior.SequentialAccess), cancellationToken);
            return Task.FromResult<IRowSource>(new SqliteRowSource(connection, command, reader, guard));
        }
        catch
        {
            guard.Dispose();
            command?.Dispose();
            connection.Dispose();
            throw;
        }
    }

    private string BuildConnectionString(ConnectorRequest request)
    {
        var configured = request.DataSource.ConnectionString;
        var present = new DbConnectionStringBuilder { ConnectionString = configured };
        var builder = new SqliteConnectionStringBuilder(configured);
        if (!present.ContainsKey("Mode")) builder.Mode = SqliteOpenMode.ReadOnly;
        if (!present.ContainsKey("Pooling")) builder.Pooling = false;

        if (request.Credential is { Password.Length: > 0 } credential)
        {
            if (NativeLibrarySupportsEncryption)
            {
                builder.Password = credential.Password;
            }
            else
            {
                logger.LogDebug(
                    "Credential '{Credential}' of data source '{DataSource}' not applied: the native SQLite library has no encryption support",
                    credential.Name,
                    request.DataSource.Name);
            }
        }

        return builder.ConnectionString;
    }

    private static SqliteParameter CreateParameter(QueryParameterValue parameter)
    {
        var name = parameter.Name;
        var result = new SqliteParameter { ParameterName = name };
        switch (parameter.Value)
        {
            case null:
                result.Value = DBNull.Value;
                break;
            case DateTime date when date.TimeOfDay == TimeSpan.Zero:
                result.SqliteType = SqliteType.Text;
                result.Value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case decimal number:
                result.SqliteType = SqliteType.Real;
                result.Value = (double)number;
                break;
            default:
                result.Value = parameter.Value;
                break;
        }

        return result;
    }
}
