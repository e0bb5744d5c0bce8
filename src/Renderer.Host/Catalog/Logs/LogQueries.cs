using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Catalog.Logs;

/// <summary>One audit-log row.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string UserName, string Action, string? ItemPath, string? ClientAddress, string Outcome, string? Details);

/// <summary>Reads the execution and audit logs (newest first, filtered, paged) and drops execution rows past their retention.</summary>
public sealed class LogQueries(CatalogDatabase database, ExecutionLogWriter writer, TimeProvider time)
{
    public async Task<IReadOnlyList<ExecutionLogEntry>> ExecutionsAsync(string? itemPath, string? user, DateTimeOffset? since, int skip, int take, CancellationToken cancellationToken = default)
    {
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("");
        var sql = "SELECT item_path, user_name, request_type, format, parameters, time_start, time_end, time_data_retrieval, time_processing, time_rendering, source, status, byte_count, row_count, page_count, peak_memory_kb, additional_info FROM execution_log WHERE 1 = 1";
        if (itemPath is not null) { sql += " AND LOWER(item_path) = @path"; command.With("path", itemPath.ToLowerInvariant()); }
        if (user is not null) { sql += " AND user_name = @user"; command.With("user", user); }
        if (since is { } from) { sql += " AND time_start >= @since"; command.With("since", from.ToUnixMs()); }
        command.CommandText = sql + " ORDER BY id DESC LIMIT @take OFFSET @skip";
        command.With("take", Math.Clamp(take, 1, CatalogQueries.MaxPageSize)).With("skip", Math.Max(0, skip));
        var rows = new List<ExecutionLogEntry>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add(new ExecutionLogEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.NullableString(4),
                DbCommandExtensions.FromUnixMs(r.GetInt64(5)), DbCommandExtensions.FromUnixMs(r.GetInt64(6)), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9),
                r.GetString(10), r.GetString(11), r.GetInt64(12), r.GetInt64(13), (int)r.GetInt64(14), r.GetInt64(15), r.NullableString(16)));
        return rows;
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string? itemPath, string? user, DateTimeOffset? since, int skip, int take, CancellationToken cancellationToken = default)
    {
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("");
        var sql = "SELECT id, at, user_name, action, item_path, client_address, outcome, details FROM audit_log WHERE 1 = 1";
        if (itemPath is not null) { sql += " AND LOWER(item_path) = @path"; command.With("path", itemPath.ToLowerInvariant()); }
        if (user is not null) { sql += " AND user_name = @user"; command.With("user", user); }
        if (since is { } from) { sql += " AND at >= @since"; command.With("since", from.ToUnixMs()); }
        command.CommandText = sql + " ORDER BY id DESC LIMIT @take OFFSET @skip";
        command.With("take", Math.Clamp(take, 1, 100_000)).With("skip", Math.Max(0, skip));
        var rows = new List<AuditEntry>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add(new AuditEntry(r.GetInt64(0), DbCommandExtensions.FromUnixMs(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.NullableString(4), r.NullableString(5), r.GetString(6), r.NullableString(7)));
        return rows;
    }

    /// <summary>Deletes execution-log rows older than <paramref name="retention"/>; the audit log is never trimmed here.</summary>
    public async Task<int> PurgeExecutionsAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("DELETE FROM execution_log WHERE time_start < @cutoff").With("cutoff", (time.GetUtcNow() - retention).ToUnixMs());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
