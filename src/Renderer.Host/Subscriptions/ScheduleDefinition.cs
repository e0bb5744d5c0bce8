using System.Globalization;
using System.Text.Json.Serialization;

namespace Renderer.Host.Subscriptions;

/// <summary>
/// When a subscription fires, as SSRS's schedules say it: <c>hourly</c> (every <see cref="Interval"/> hours at minute
/// <see cref="At"/>), <c>daily</c>, <c>weekly</c> (on <see cref="Days"/>), <c>monthly</c> (on <see cref="DayOfMonth"/>), all
/// at the local time <see cref="At"/> (HH:mm) of <see cref="TimeZone"/> (an IANA id; UTC when absent); <c>once</c> (at
/// <see cref="Start"/>); or <c>cron</c> (a Quartz cron expression in <see cref="TimeZone"/>). Fires happen between
/// <see cref="Start"/> and <see cref="End"/> when given.
/// </summary>
public sealed record ScheduleDefinition
{
    public string Kind { get; init; } = "daily";

    public string? TimeZone { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public int Interval { get; init; } = 1;

    public string? At { get; init; }

    public IReadOnlyList<DayOfWeek>? Days { get; init; }

    public int? DayOfMonth { get; init; }

    public string? Cron { get; init; }

    [JsonIgnore]
    public TimeZoneInfo Zone => string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Why the schedule cannot be used, or null when it can.</summary>
    public string? Problem()
    {
        if (!string.IsNullOrWhiteSpace(TimeZone))
        {
            try { _ = Zone; }
            catch (TimeZoneNotFoundException) { return $"The time zone '{TimeZone}' is not known."; }
            catch (InvalidTimeZoneException) { return $"The time zone '{TimeZone}' is not valid."; }
        }
        if (End is { } end && Start is { } start && end <= start) return "The schedule's end must come after its start.";
        if (Interval is < 1 or > 1000) return "The schedule's interval must be between 1 and 1000.";
        if (Kind is "hourly" or "daily" or "weekly" or "monthly" && At is not null && !TryTime(out _, out _)) return $"'{At}' is not a time of day (HH:mm).";
        return Kind switch
        {
            "hourly" or "daily" => null,
            "weekly" => Days is { Count: > 0 } ? null : "A weekly schedule names at least one day.",
            "monthly" => DayOfMonth is >= 1 and <= 31 ? null : "A monthly schedule names a day of the month (1 to 31).",
            "once" => Start is null ? "A schedule that runs once names its start." : null,
            "cron" => string.IsNullOrWhiteSpace(Cron) || !Quartz.CronExpression.TryParse(Cron, out _) ? $"'{Cron}' is not a valid cron expression." : null,
            _ => $"'{Kind}' is not a schedule kind (hourly, daily, weekly, monthly, once, cron).",
        };
    }

    /// <summary>The hour and minute of <see cref="At"/> (00:00 when absent).</summary>
    public bool TryTime(out int hour, out int minute)
    {
        (hour, minute) = (0, 0);
        if (At is null) return true;
        if (!TimeOnly.TryParseExact(At, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return false;
        (hour, minute) = (time.Hour, time.Minute);
        return true;
    }
}
