using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Subscriptions;

/// <summary>
/// The durable record of deliveries: a row is inserted (pending) before a delivery is attempted, keyed by subscription,
/// fire time and recipient (unique), so running a fire again skips what was sent and finishes what was not.
/// </summary>
public sealed class DeliveryLedger(CatalogDatabase database, TimeProvider time)
{
    private const string Columns = "id, subscription_id, fire_time, recipient, idempotency_key, state, attempts, last_error, created_at, updated_at, sent_at";

    public static string KeyOf(Guid subscriptionId, DateTimeOffset fireTime, string recipient) =>
        $"{subscriptionId:N}|{fireTime.ToUnixMs()}|{recipient.Trim().ToLowerInvariant()}";

    /// <summary>The delivery of (<paramref name="subscriptionId"/>, <paramref name="fireTime"/>, <paramref name="recipient"/>): the stored one, or a new pending one.</summary>
    public async Task<DeliveryRecord> BeginAsync(Guid subscriptionId, DateTimeOffset fireTime, string recipient, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(subscriptionId, fireTime, recipient);
        if (await FindAsync(key, cancellationToken).ConfigureAwait(false) is { } existing) return existing;
        var now = time.GetUtcNow();
        var record = new DeliveryRecord(Guid.NewGuid(), subscriptionId, fireTime, recipient, key, DeliveryStates.Pending, 0, null, now, now, null);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.Command($"INSERT INTO deliveries ({Columns}) VALUES (@id, @subscription, @fire, @recipient, @key, @state, 0, NULL, @now, @now, NULL)")
                .With("id", record.Id.ToString("N")).With("subscription", subscriptionId.ToString("N")).With("fire", fireTime.ToUnixMs())
                .With("recipient", recipient).With("key", key).With("state", DeliveryStates.Pending).With("now", now.ToUnixMs());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return record;
        }
        catch (System.Data.Common.DbException e) when (CatalogDatabase.IsUniqueViolation(e))
        {
            // Another host (or run) inserted it first: use its row.
            return await FindAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Delivery '{key}' vanished.", e);
        }
    }

    public Task AttemptFailedAsync(Guid id, string error, CancellationToken cancellationToken = default) => UpdateAsync(id, DeliveryStates.Pending, error, cancellationToken);

    public Task SentAsync(Guid id, CancellationToken cancellationToken = default) => UpdateAsync(id, DeliveryStates.Sent, null, cancellationToken);

    public Task FailedAsync(Guid id, string error, CancellationToken cancellationToken = default) => UpdateAsync(id, DeliveryStates.Failed, error, cancellationToken);

    /// <summary>The deliveries of a subscription, newest fire first.</summary>
    public async Task<List<DeliveryRecord>> HistoryAsync(Guid subscriptionId, int top = 200, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM deliveries WHERE subscription_id = @subscription ORDER BY fire_time DESC, created_at DESC LIMIT @top")
            .With("subscription", subscriptionId.ToString("N")).With("top", top);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeliveryRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM deliveries WHERE idempotency_key = @key").With("key", key);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>Counts the attempt (a send or a failure) and stores the state it leaves.</summary>
    private async Task UpdateAsync(Guid id, string state, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixMs();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("""
            UPDATE deliveries SET state = @state, attempts = attempts + 1, last_error = COALESCE(@error, last_error), updated_at = @now,
                sent_at = CASE WHEN @state = 'sent' THEN @now ELSE sent_at END
            WHERE id = @id
            """).With("id", id.ToString("N")).With("state", state).With("error", error).With("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<DeliveryRecord>> ReadAsync(System.Data.Common.DbCommand command, CancellationToken cancellationToken)
    {
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<DeliveryRecord>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DeliveryRecord(Guid.ParseExact(r.GetString(0), "N"), Guid.ParseExact(r.GetString(1), "N"), DbCommandExtensions.FromUnixMs(r.GetInt64(2)),
                r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6), r.NullableString(7), DbCommandExtensions.FromUnixMs(r.GetInt64(8)),
                DbCommandExtensions.FromUnixMs(r.GetInt64(9)), r.NullableInt64(10) is { } sent ? DbCommandExtensions.FromUnixMs(sent) : null));
        }
        return list;
    }
}
