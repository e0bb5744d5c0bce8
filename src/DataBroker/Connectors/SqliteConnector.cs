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
/// <item>Compiles the report's SQL under <see cref="SqliteAuthorizer"/>, which allows SELECT, reading the database's own tables and
/// views, and a list of core functions, and nothing else: no PRAGMA or <c>pragma_*</c> function (which tell the file's path),
/// no schema table, no ATTACH. As a second layer, ATTACH is also limited to no database (<c>SQLITE_LIMIT_ATTACHED</c> 0).</item>
/// <item>Sets <c>SQLITE_LIMIT_LENGTH</c> to <see cref="DataLimits.MaxValueBytes"/>, so SQLite itself refuses to build a longer
/// string or blob (<c>printf('%.*c', 300000000, 'x')</c>); the row source bounds each row (<see cref="DataLimits.MaxRowBytes"/>).</item>
/// <item>Binds parameters as <see cref="SqliteParameter"/>s; a name without a prefix binds <c>@Name</c>, <c>:Name</c> or <c>$Name</c>.
/// A date-only <see cref="DateTime"/> is bound as <c>yyyy-MM-dd</c> text (how SQLite DATE columns are usually stored),
/// a <see cref="decimal"/> as REAL (SQLite has no decimal storage; NUMERIC columns hold REAL).</item>
/// <item>Sets the credential as the connection's <c>Password</c> only when the native library supports encryption
/// (plain e_sqlite3 does not and refuses a password).</item>
/// </list>
/// </summary>
internal sealed class SqliteConnector(ILogger<SqliteConnector> logger) : IDataSourceConnector
{
    private const int SqliteLimitLength = 0;
    private const int SqliteLimitAttached = 7;
    internal const int SqliteTooBig = 18;

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
            raw.sqlite3_limit(connection.Handle, SqliteLimitLength, request.Limits.MaxValueBytes);
            SqliteAuthorizer.Install(connection);

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
            return Task.FromResult<IRowSource>(new SqliteRowSource(connection, command, reader, guard, request.Limits));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteTooBig)
        {
            guard.Dispose();
            command?.Dispose();
            connection.Dispose();
            throw TooBig(request.Limits);
        }
        catch
        {
            guard.Dispose();
            command?.Dispose();
            connection.Dispose();
            throw;
        }
    }

    /// <summary>SQLite refused to build a value past <c>SQLITE_LIMIT_LENGTH</c>; it does not say in which field.</summary>
    internal static DataLimitException TooBig(DataLimits limits) =>
        new($"a value of the query is larger than {DataLimits.Format(limits.MaxValueBytes)} bytes, the limit per value (DataBroker:MaxValueBytes); SQLite stopped building it and does not say in which field");

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
