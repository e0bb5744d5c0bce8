using Microsoft.Extensions.Options;
using Rdl.Model.Diagnostics;
using Renderer.Contracts.Formats;
using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Catalog.Logs;
using Renderer.Host.Infrastructure;
using Renderer.Host.Infrastructure.Telemetry;
using Renderer.Host.Rendering;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Subscriptions;

/// <summary>
/// One fire of a subscription: check that the owner may still view the report (else the run fails visibly), list the
/// recipients (one, or a data-driven query's rows), and for each one not yet delivered for this fire: store a pending
/// delivery, render as the owner (capped by <see cref="SubscriptionRenderGate"/>), deliver, retrying transient failures
/// with exponential backoff up to Subscriptions:MaxAttempts, then record it sent or failed (with an audit entry).
/// </summary>
public sealed class SubscriptionRunner(
    SubscriptionStore store,
    DeliveryLedger ledger,
    CatalogQueries queries,
    CatalogReports reports,
    PermissionChecker permissions,
    RenderService renderer,
    SubscriptionRenderGate gate,
    RecipientQuery recipientQuery,
    IEnumerable<IDeliveryChannel> channels,
    ExecutionLogWriter executionLog,
    CatalogDatabase database,
    IOptions<SubscriptionOptions> options,
    IOptions<PublicUrlOptions> publicUrl,
    RendererMetrics metrics,
    TimeProvider time,
    ILogger<SubscriptionRunner> logger)
{
    /// <summary>Runs the fire of <paramref name="subscriptionId"/> at <paramref name="fireTime"/>; returns the run's status (Success or a code).</summary>
    public async Task<string> RunAsync(Guid subscriptionId, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is not { } subscription)
        {
            logger.LogWarning("Subscription {Id} fired but no longer exists", subscriptionId);
            return DiagnosticCodes.Subscriptions.NotFound;
        }
        var status = await RunAsync(subscription, fireTime, cancellationToken).ConfigureAwait(false);
        await store.RecordRunAsync(subscription.Id, time.GetUtcNow(), status, CancellationToken.None).ConfigureAwait(false);
        return status;
    }

    private async Task<string> RunAsync(Subscription subscription, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        var item = await queries.GetByIdAsync(subscription.ReportItemId, cancellationToken).ConfigureAwait(false);
        if (item is not { DeletedAt: null, Kind: CatalogItemKind.Report })
            return await FailRunAsync(subscription, null, DiagnosticCodes.Subscriptions.ReportUnavailable, "The subscription's report no longer exists.").ConfigureAwait(false);
        var owner = new Caller(subscription.Owner, "en-US", subscription.OwnerPrincipals);
        if (!await permissions.CanAsync(owner, item.Path, ItemTask.View, cancellationToken).ConfigureAwait(false))
            return await FailRunAsync(subscription, item.Path.Value, DiagnosticCodes.Subscriptions.OwnerCannotView, $"The owner '{subscription.Owner}' may no longer view '{item.Path}'.").ConfigureAwait(false);
        var loaded = await reports.LoadAsync(item, cancellationToken).ConfigureAwait(false);
        if (loaded is not { Success: true, Entry: { } entry })
            return await FailRunAsync(subscription, item.Path.Value, DiagnosticCodes.Subscriptions.ReportUnavailable, $"The report '{item.Path}' no longer compiles.").ConfigureAwait(false);

        IReadOnlyList<Recipient> recipients;
        try
        {
            recipients = subscription.DataDriven is { } query
                ? await recipientQuery.RunAsync(subscription, query, entry, cancellationToken).ConfigureAwait(false)
                : [Recipient.Standard(subscription, entry.Name)];
        }
        catch (RecipientQueryException e)
        {
            return await FailRunAsync(subscription, item.Path.Value, DiagnosticCodes.Subscriptions.RecipientQueryFailed, e.Message).ConfigureAwait(false);
        }

        var failures = 0;
        foreach (var recipient in recipients)
        {
            if (!await DeliverAsync(subscription, item, entry, recipient, fireTime, cancellationToken).ConfigureAwait(false)) failures++;
        }
        return failures == 0 ? "Success" : DiagnosticCodes.Subscriptions.DeliveryFailed;
    }

    /// <summary>Delivers one recipient's copy of this fire, unless an earlier run already settled it; false when it failed.</summary>
    private async Task<bool> DeliverAsync(Subscription subscription, CatalogItem item, CatalogEntry entry, Recipient recipient, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        var record = await ledger.BeginAsync(subscription.Id, fireTime, recipient.Key, cancellationToken).ConfigureAwait(false);
        if (record.State == DeliveryStates.Sent) return true;
        if (record.State == DeliveryStates.Failed) return false;
        var channel = channels.FirstOrDefault(c => c.Kind == subscription.DeliveryKind);
        if (channel is null) return await FailAsync(subscription, item, record.Id, $"No delivery channel '{subscription.DeliveryKind}'.").ConfigureAwait(false);

        var format = OutputFormats.Find(recipient.Format) ?? OutputFormats.Pdf;
        var started = time.GetUtcNow();
        var result = await gate.RunAsync(() => renderer.RenderAsync(entry, format.Name, recipient.Parameters, subscription.Owner, publicUrl.Value.PublicBaseUrl, cancellationToken), cancellationToken).ConfigureAwait(false);
        await LogRenderAsync(subscription, item, format.Name, recipient, started, result).ConfigureAwait(false);
        if (!result.Success)
        {
            var error = result.Diagnostics.FirstOrDefault(d => d.IsError) is { } d ? $"{d.Code}: {d.Message}" : result.Failure.ToString();
            return await FailAsync(subscription, item, record.Id, "The render failed: " + error).ConfigureAwait(false);
        }

        var content = new DeliveryContent(entry.Name, item.Path.Value, result.Content, result.ContentType, format.Extension, started,
            ViewerUrl(item.Path.Value, recipient.Parameters)) { DeliveryKey = record.IdempotencyKey };
        var settings = recipient.Settings;
        var max = options.Value.MaxAttempts;
        for (var attempt = record.Attempts + 1; ; attempt++)
        {
            try
            {
                await channel.DeliverAsync(content, settings, recipient.Key, cancellationToken).ConfigureAwait(false);
                await ledger.SentAsync(record.Id, CancellationToken.None).ConfigureAwait(false);
                metrics.RecordDelivery(subscription.DeliveryKind, DeliveryStates.Sent);
                return true;
            }
            catch (TransientDeliveryException e) when (attempt < max)
            {
                await ledger.AttemptFailedAsync(record.Id, e.Message, CancellationToken.None).ConfigureAwait(false);
                metrics.RecordDelivery(subscription.DeliveryKind, "retried");
                var delay = TimeSpan.FromMilliseconds(options.Value.RetryBaseDelayMilliseconds * Math.Pow(2, attempt - 1));
                logger.LogWarning("Delivery {Delivery} of subscription {Subscription}: attempt {Attempt} failed ({Error}); next in {Delay}", record.Id, subscription.Id, attempt, e.Message, delay);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TransientDeliveryException or PermanentDeliveryException)
            {
                return await FailAsync(subscription, item, record.Id, e.Message).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not a failure the channel knows (e.g. the SMTP server offers no STARTTLS): permanent, and visible.
                return await FailAsync(subscription, item, record.Id, $"{e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            }
        }
    }

    /// <summary>The report in the viewer with the recipient's parameter values: <c>/viewer?path=/Folder/Report&amp;Name=value</c>.</summary>
    private string ViewerUrl(string path, IReadOnlyDictionary<string, string?[]> parameters)
    {
        var query = parameters.SelectMany(p => p.Value.Select(v => "&" + Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v ?? string.Empty)));
        return $"{publicUrl.Value.PublicBaseUrl}/viewer?path={Uri.EscapeDataString(path)}{string.Concat(query)}";
    }

    private async Task<bool> FailAsync(Subscription subscription, CatalogItem item, Guid deliveryId, string error)
    {
        await ledger.FailedAsync(deliveryId, error, CancellationToken.None).ConfigureAwait(false);
        metrics.RecordDelivery(subscription.DeliveryKind, DeliveryStates.Failed);
        await AuditAsync(subscription, item.Path.Value, DiagnosticCodes.Subscriptions.DeliveryFailed, error).ConfigureAwait(false);
        logger.LogError("Delivery {Delivery} of subscription {Subscription} failed: {Error}", deliveryId, subscription.Id, error);
        return false;
    }

    private async Task<string> FailRunAsync(Subscription subscription, string? path, string code, string message)
    {
        logger.LogError("Subscription {Subscription} did not run: {Code} {Message}", subscription.Id, code, message);
        await AuditAsync(subscription, path, code, message).ConfigureAwait(false);
        return code;
    }

    private async Task AuditAsync(Subscription subscription, string? path, string outcome, string details)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await CatalogAudit.AppendAsync(connection, null, new CatalogActor(subscription.Owner, null), "Subscription", path, outcome,
            $"subscription {subscription.Id:D}: {details}", CancellationToken.None).ConfigureAwait(false);
    }

    private async Task LogRenderAsync(Subscription subscription, CatalogItem item, string format, Recipient recipient, DateTimeOffset started, RenderResult result)
    {
        var status = result.Success ? "Success" : result.Diagnostics.FirstOrDefault(d => d.IsError)?.Code ?? result.Failure.ToString();
        var t = result.Timings;
        var parameters = string.Join('&', recipient.Parameters.SelectMany(p => p.Value.Select(v => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v ?? string.Empty))));
        await executionLog.AppendAsync(new ExecutionLogEntry(item.Path.Value, subscription.Owner, RequestTypes.Subscription, format, parameters.Length == 0 ? null : parameters,
            started, started.AddMilliseconds(t.Total), t.DataRetrieval, t.Processing, t.Rendering, "Live", status, result.Content.Length, t.RowCount, result.PageCount,
            result.PeakMemoryBytes / 1024, $"{{\"subscriptionId\":\"{subscription.Id:D}\"}}")).ConfigureAwait(false);
    }
}

/// <summary>One recipient of a fire: its key (the addresses, or the file name), the parameters and format of its copy, and its delivery settings.</summary>
public sealed record Recipient(string Key, IReadOnlyDictionary<string, string?[]> Parameters, string Format, DeliverySettings Settings)
{
    public static Recipient Standard(Subscription subscription, string reportName) => new(
        subscription.DeliveryKind == DeliveryKinds.Email ? string.Join(";", subscription.Delivery.To) : subscription.Delivery.FileName ?? reportName,
        subscription.Parameters, subscription.Format, subscription.Delivery);
}
