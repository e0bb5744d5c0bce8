using Quartz;

namespace Renderer.Host.Subscriptions;

/// <summary>
/// The Quartz job of one subscription (job key: the subscription's id, group <see cref="Group"/>). The fire time that
/// identifies its deliveries is the scheduled one, so a fire recovered after a crash, or run late after a misfire,
/// finds the deliveries it already made.
/// </summary>
public sealed class SubscriptionJob(SubscriptionRunner runner, ILogger<SubscriptionJob> logger) : IJob
{
    public const string Group = "subscriptions";

    public static JobKey KeyOf(Guid subscriptionId) => new(subscriptionId.ToString("N"), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParseExact(context.JobDetail.Key.Name, "N", out var id)) return;
        var fireTime = OriginalFireTime(context) ?? context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        // Whole seconds: a fire run again (recovered) must produce the same delivery keys.
        fireTime = new DateTimeOffset(fireTime.UtcTicks - fireTime.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var status = await runner.RunAsync(id, fireTime, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Subscription {Subscription} fire {FireTime:o}: {Status}", id, fireTime, status);
    }

    /// <summary>When Quartz recovers a fire its host died in, the scheduled time of the fire it interrupted.</summary>
    private static DateTimeOffset? OriginalFireTime(IJobExecutionContext context)
    {
        if (!context.Recovering || context.MergedJobDataMap.TryGetValue("QRTZ_FAILED_JOB_ORIG_TRIGGER_SCHEDULED_FIRETIME_AS_STRING", out var value) is false) return null;
        var text = value?.ToString();
        if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ms)) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
