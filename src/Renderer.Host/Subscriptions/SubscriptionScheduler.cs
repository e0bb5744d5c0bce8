using Quartz;

namespace Renderer.Host.Subscriptions;

/// <summary>
/// Keeps Quartz in step with the stored subscriptions: each subscription is a durable, recoverable job with one trigger
/// built from its own schedule or its shared schedule (trigger group <c>schedule-&lt;id&gt;</c>, so pausing a shared
/// schedule pauses every trigger in it). A disabled subscription keeps its job and loses its trigger.
/// </summary>
public sealed class SubscriptionScheduler(ISchedulerFactory factory, SubscriptionStore store, TimeProvider time)
{
    public const string OwnTriggers = "own";

    public static TriggerKey TriggerOf(Subscription subscription) => new(subscription.Id.ToString("N"),
        subscription.SharedScheduleId is { } shared ? GroupOf(shared) : OwnTriggers);

    public static string GroupOf(Guid sharedScheduleId) => "schedule-" + sharedScheduleId.ToString("N");

    /// <summary>Adds or replaces the job and trigger of <paramref name="subscription"/>.</summary>
    public async Task ApplyAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<SubscriptionJob>().WithIdentity(SubscriptionJob.KeyOf(subscription.Id)).StoreDurably(true).RequestRecovery(true).Build();
        await scheduler.AddJob(job, new AddJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
        await UnscheduleAllAsync(scheduler, subscription.Id, cancellationToken).ConfigureAwait(false);
        if (!subscription.Enabled) return;
        ScheduleDefinition? schedule = subscription.Schedule;
        var paused = false;
        if (subscription.SharedScheduleId is { } sharedId && await store.ScheduleAsync(sharedId, cancellationToken).ConfigureAwait(false) is { } shared)
            (schedule, paused) = (shared.Schedule, shared.Paused);
        if (schedule is null) return;
        var trigger = ScheduleTriggers.Build(schedule, TriggerOf(subscription), job.Key, time.GetUtcNow());
        if (trigger.GetFireTimeAfter(time.GetUtcNow()) is null && schedule.Kind != "once") return;
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
        if (paused) await scheduler.PauseTrigger(trigger.Key, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(SubscriptionJob.KeyOf(subscriptionId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fires the subscription now, on whichever host's scheduler picks it up.</summary>
    public async Task RunNowAsync(Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.TriggerJob(SubscriptionJob.KeyOf(subscriptionId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pauses or resumes the triggers of every subscription on shared schedule <paramref name="scheduleId"/>.</summary>
    public async Task SetSharedPausedAsync(Guid scheduleId, bool paused, CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var keys = (await store.OnScheduleAsync(scheduleId, cancellationToken).ConfigureAwait(false)).Select(TriggerOf).ToList();
        if (keys.Count == 0) return;
        if (paused) await scheduler.PauseTriggers(keys, cancellationToken).ConfigureAwait(false);
        else await scheduler.ResumeTriggers(keys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next fire times of the subscription's trigger (none when it has no trigger or is paused).</summary>
    public async Task<DateTimeOffset?> NextFireAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var key = TriggerOf(subscription);
        if (await scheduler.GetTriggerState(key, cancellationToken).ConfigureAwait(false) == TriggerState.Paused) return null;
        return (await scheduler.GetTrigger(key, cancellationToken).ConfigureAwait(false))?.NextFireTimeUtc;
    }

    private static async Task UnscheduleAllAsync(IScheduler scheduler, Guid subscriptionId, CancellationToken cancellationToken)
    {
        foreach (var trigger in await scheduler.GetTriggersOfJob(SubscriptionJob.KeyOf(subscriptionId), cancellationToken).ConfigureAwait(false))
            await scheduler.UnscheduleJob(trigger.Key, cancellationToken).ConfigureAwait(false);
    }
}
