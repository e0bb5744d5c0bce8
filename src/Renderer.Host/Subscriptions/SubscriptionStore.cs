using System.Data.Common;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Subscriptions;

/// <summary>Subscriptions and shared schedules in the catalog database (tables of migration 4).</summary>
public sealed class SubscriptionStore(CatalogDatabase database)
{
    private const string Columns = "id, owner, owner_principals, report_item_id, description, parameters, format, delivery_kind, delivery_settings, data_driven, schedule, shared_schedule_id, enabled, created_at, modified_at, last_run_at, last_status";

    public async Task InsertAsync(Subscription s, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command($"INSERT INTO subscriptions ({Columns}) VALUES (@id, @owner, @principals, @report, @description, @parameters, @format, @kind, @settings, @driven, @schedule, @shared, @enabled, @created, @modified, NULL, NULL)"), s);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> UpdateAsync(Subscription s, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command("""
            UPDATE subscriptions SET owner = @owner, owner_principals = @principals, report_item_id = @report, description = @description, parameters = @parameters,
                format = @format, delivery_kind = @kind, delivery_settings = @settings, data_driven = @driven, schedule = @schedule, shared_schedule_id = @shared,
                enabled = @enabled, modified_at = @modified
            WHERE id = @id
            """), s with { CreatedAt = s.CreatedAt });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("DELETE FROM subscriptions WHERE id = @id").With("id", id.ToString("N"));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task RecordRunAsync(Guid id, DateTimeOffset at, string status, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("UPDATE subscriptions SET last_run_at = @at, last_status = @status WHERE id = @id")
            .With("id", id.ToString("N")).With("at", at.ToUnixMs()).With("status", status);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Subscription?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM subscriptions WHERE id = @id", c => c.With("id", id.ToString("N")), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Every subscription (<paramref name="owner"/> null) or those of one owner, oldest first.</summary>
    public Task<List<Subscription>> ListAsync(string? owner, CancellationToken cancellationToken = default) => owner is null
        ? QueryAsync($"SELECT {Columns} FROM subscriptions ORDER BY created_at, id", _ => { }, cancellationToken)
        : QueryAsync($"SELECT {Columns} FROM subscriptions WHERE owner = @owner ORDER BY created_at, id", c => c.With("owner", owner), cancellationToken);

    public Task<List<Subscription>> OnScheduleAsync(Guid scheduleId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM subscriptions WHERE shared_schedule_id = @schedule", c => c.With("schedule", scheduleId.ToString("N")), cancellationToken);

    public async Task InsertScheduleAsync(SharedSchedule s, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("INSERT INTO shared_schedules (id, name, schedule, paused, created_by, created_at, modified_at) VALUES (@id, @name, @schedule, @paused, @by, @created, @modified)")
            .With("id", s.Id.ToString("N")).With("name", s.Name).With("schedule", SubscriptionJson.Write(s.Schedule)).With("paused", s.Paused ? 1 : 0)
            .With("by", s.CreatedBy).With("created", s.CreatedAt.ToUnixMs()).With("modified", s.ModifiedAt.ToUnixMs());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetSchedulePausedAsync(Guid id, bool paused, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("UPDATE shared_schedules SET paused = @paused WHERE id = @id").With("id", id.ToString("N")).With("paused", paused ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renames or reschedules a shared schedule (its pause state stays); false when it does not exist.</summary>
    public async Task<bool> UpdateScheduleAsync(SharedSchedule s, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("UPDATE shared_schedules SET name = @name, schedule = @schedule, modified_at = @modified WHERE id = @id")
            .With("id", s.Id.ToString("N")).With("name", s.Name).With("schedule", SubscriptionJson.Write(s.Schedule)).With("modified", s.ModifiedAt.ToUnixMs());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Deletes a shared schedule as SSRS does: every subscription on it gets its own copy of the schedule (and is
    /// disabled when the shared schedule was paused, so it stays stopped), in one transaction. Returns the ids of the
    /// subscriptions that changed, or null when there is no such schedule.
    /// </summary>
    public async Task<List<Guid>?> DeleteScheduleAsync(SharedSchedule s, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var id = s.Id.ToString("N");
        var changed = new List<Guid>();
        await using (var select = connection.Command("SELECT id FROM subscriptions WHERE shared_schedule_id = @id", transaction).With("id", id))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) changed.Add(Guid.ParseExact(reader.GetString(0), "N"));
        }
        await using (var copy = connection.Command("""
            UPDATE subscriptions SET schedule = @schedule, shared_schedule_id = NULL, modified_at = @now,
                enabled = CASE WHEN @paused = 1 THEN 0 ELSE enabled END
            WHERE shared_schedule_id = @id
            """, transaction).With("id", id).With("schedule", SubscriptionJson.Write(s.Schedule)).With("now", now.ToUnixMs()).With("paused", s.Paused ? 1 : 0))
        {
            await copy.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var delete = connection.Command("DELETE FROM shared_schedules WHERE id = @id", transaction).With("id", id))
        {
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1) return null;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    public async Task<List<SharedSchedule>> SchedulesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT id, name, schedule, paused, created_by, created_at, modified_at FROM shared_schedules ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<SharedSchedule>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new SharedSchedule(Guid.ParseExact(reader.GetString(0), "N"), reader.GetString(1), SubscriptionJson.Read<ScheduleDefinition>(reader.GetString(2)),
                reader.GetInt64(3) != 0, reader.GetString(4), DbCommandExtensions.FromUnixMs(reader.GetInt64(5)), DbCommandExtensions.FromUnixMs(reader.GetInt64(6))));
        }
        return list;
    }

    public async Task<SharedSchedule?> ScheduleAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await SchedulesAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Id == id);

    private static DbCommand Bind(DbCommand command, Subscription s) => command
        .With("id", s.Id.ToString("N")).With("owner", s.Owner).With("principals", SubscriptionJson.Write(s.OwnerPrincipals))
        .With("report", s.ReportItemId.ToString("N")).With("description", s.Description).With("parameters", SubscriptionJson.Write(s.Parameters))
        .With("format", s.Format).With("kind", s.DeliveryKind).With("settings", SubscriptionJson.Write(s.Delivery))
        .With("driven", s.DataDriven is null ? null : SubscriptionJson.Write(s.DataDriven)).With("schedule", s.Schedule is null ? null : SubscriptionJson.Write(s.Schedule))
        .With("shared", s.SharedScheduleId?.ToString("N")).With("enabled", s.Enabled ? 1 : 0).With("created", s.CreatedAt.ToUnixMs()).With("modified", s.ModifiedAt.ToUnixMs());

    private async Task<List<Subscription>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql);
        bind(command);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Subscription>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Subscription(
                Guid.ParseExact(r.GetString(0), "N"), r.GetString(1), SubscriptionJson.Read<List<string>>(r.GetString(2)), Guid.ParseExact(r.GetString(3), "N"),
                r.NullableString(4), SubscriptionJson.Read<Dictionary<string, string?[]>>(r.GetString(5)), r.GetString(6), r.GetString(7),
                SubscriptionJson.Read<DeliverySettings>(r.GetString(8)), r.NullableString(9) is { } driven ? SubscriptionJson.Read<DataDrivenQuery>(driven) : null,
                r.NullableString(10) is { } schedule ? SubscriptionJson.Read<ScheduleDefinition>(schedule) : null,
                r.NullableString(11) is { } shared ? Guid.ParseExact(shared, "N") : null, r.GetInt64(12) != 0,
                DbCommandExtensions.FromUnixMs(r.GetInt64(13)), DbCommandExtensions.FromUnixMs(r.GetInt64(14)),
                r.NullableInt64(15) is { } last ? DbCommandExtensions.FromUnixMs(last) : null, r.NullableString(16)));
        }
        return list;
    }
}
