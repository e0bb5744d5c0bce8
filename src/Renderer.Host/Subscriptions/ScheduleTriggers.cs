using System.Globalization;
using Quartz;

namespace Renderer.Host.Subscriptions;

/// <summary>
/// Turns a <see cref="ScheduleDefinition"/> into a Quartz trigger. Every recurring kind is a cron trigger in the
/// schedule's time zone, so a fire at 09:00 stays at 09:00 local time across daylight-saving changes; a fire missed
/// while no host ran happens once at start (fire-and-proceed / fire-once-now), not once per missed fire.
/// </summary>
public static class ScheduleTriggers
{
    public static ITrigger Build(ScheduleDefinition schedule, TriggerKey key, JobKey job, DateTimeOffset now)
    {
        if (schedule.Problem() is { } problem) throw new ArgumentException(problem, nameof(schedule));
        var builder = TriggerBuilder.Create().WithIdentity(key).ForJob(job).StartAt(schedule.Start ?? now);
        if (schedule.End is { } end) builder = builder.EndAt(end);
        if (schedule.Kind == "once")
            return builder.WithSimpleSchedule(s => s.WithRepeatCount(0).WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        var cron = CronOf(schedule);
        return builder.WithCronSchedule(cron, c => c.InTimeZone(schedule.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
    }

    /// <summary>The Quartz cron expression of a recurring schedule.</summary>
    public static string CronOf(ScheduleDefinition schedule)
    {
        schedule.TryTime(out var hour, out var minute);
        var n = schedule.Interval;
        return schedule.Kind switch
        {
            "hourly" => $"0 {minute} {hour % n}/{n} * * ?",
            "daily" => n == 1 ? $"0 {minute} {hour} * * ?" : $"0 {minute} {hour} 1/{n} * ?",
            "weekly" => $"0 {minute} {hour} ? * {string.Join(',', schedule.Days!.Distinct().Select(Day))}",
            "monthly" => $"0 {minute} {hour} {schedule.DayOfMonth!.Value} 1/{n} ?",
            "cron" => schedule.Cron!.Trim(),
            _ => throw new ArgumentException($"'{schedule.Kind}' is not a recurring schedule.", nameof(schedule)),
        };
    }

    /// <summary>The next <paramref name="count"/> fire times (UTC) of <paramref name="trigger"/> after <paramref name="after"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> NextFires(ITrigger trigger, DateTimeOffset after, int count)
    {
        var fires = new List<DateTimeOffset>();
        var at = after;
        while (fires.Count < count && trigger.GetFireTimeAfter(at) is { } next)
        {
            fires.Add(next);
            at = next;
        }
        return fires;
    }

    private static string Day(DayOfWeek day) => day.ToString()[..3].ToUpper(CultureInfo.InvariantCulture);
}
