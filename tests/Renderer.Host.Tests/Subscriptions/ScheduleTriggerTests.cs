using Quartz;
using Renderer.Host.Subscriptions;

namespace Renderer.Host.Tests.Subscriptions;

/// <summary>Schedules keep their local time across daylight-saving changes, in two time zones, through Quartz's own triggers.</summary>
public sealed class ScheduleTriggerTests
{
    private static readonly JobKey Job = new("job", "test");

    private static IReadOnlyList<DateTimeOffset> Fires(ScheduleDefinition schedule, DateTimeOffset from, int count) =>
        ScheduleTriggers.NextFires(ScheduleTriggers.Build(schedule, new TriggerKey("t", "test"), Job, from), from.AddSeconds(-1), count);

    private static IEnumerable<string> Local(IEnumerable<DateTimeOffset> fires, string zone) =>
        fires.Select(f => TimeZoneInfo.ConvertTime(f, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture));

    [TestCase("Europe/Berlin", "2026-03-27", "2026-03-27 09:00 +01:00", "2026-03-28 09:00 +01:00", "2026-03-29 09:00 +02:00", "2026-03-30 09:00 +02:00")]
    [TestCase("America/New_York", "2026-03-06", "2026-03-06 09:00 -05:00", "2026-03-07 09:00 -05:00", "2026-03-08 09:00 -04:00", "2026-03-09 09:00 -04:00")]
    public void A_daily_fire_stays_at_its_local_time_when_the_clocks_spring_forward(string zone, string start, params string[] expected)
    {
        var schedule = new ScheduleDefinition { Kind = "daily", At = "09:00", TimeZone = zone, Start = DateTimeOffset.Parse(start + "T00:00:00Z") };
        var fires = Fires(schedule, schedule.Start!.Value, 4);
        Assert.That(Local(fires, zone), Is.EqualTo(expected));
        Assert.That(fires[3] - fires[0], Is.EqualTo(TimeSpan.FromHours(71)), "one day of the three is 23 hours long");
    }

    [TestCase("Europe/Berlin", "2026-10-23", "2026-10-23 09:00 +02:00", "2026-10-24 09:00 +02:00", "2026-10-25 09:00 +01:00", "2026-10-26 09:00 +01:00")]
    [TestCase("America/New_York", "2026-10-30", "2026-10-30 09:00 -04:00", "2026-10-31 09:00 -04:00", "2026-11-01 09:00 -05:00", "2026-11-02 09:00 -05:00")]
    public void A_daily_fire_stays_at_its_local_time_when_the_clocks_fall_back(string zone, string start, params string[] expected)
    {
        var schedule = new ScheduleDefinition { Kind = "daily", At = "09:00", TimeZone = zone, Start = DateTimeOffset.Parse(start + "T00:00:00Z") };
        var fires = Fires(schedule, schedule.Start!.Value, 4);
        Assert.That(Local(fires, zone), Is.EqualTo(expected));
        Assert.That(fires[3] - fires[0], Is.EqualTo(TimeSpan.FromHours(73)), "one day of the three is 25 hours long");
    }

    [TestCase("Europe/Berlin", "2026-10-24T12:00:00Z")]
    [TestCase("America/New_York", "2026-10-31T12:00:00Z")]
    public void A_fire_in_the_repeated_hour_of_fall_back_happens_once(string zone, string start)
    {
        // 02:30 in Berlin and 01:30 in New York happen twice on the night the clocks go back.
        var at = zone == "Europe/Berlin" ? "02:30" : "01:30";
        var schedule = new ScheduleDefinition { Kind = "daily", At = at, TimeZone = zone, Start = DateTimeOffset.Parse(start) };
        var fires = Fires(schedule, schedule.Start!.Value, 3);
        Assert.That(fires.Select(f => f.UtcDateTime.Date).Distinct().Count(), Is.EqualTo(3), "three fires on three different days: " + string.Join(", ", fires));
    }

    [Test]
    public void A_fire_in_the_skipped_hour_of_spring_forward_does_not_happen_twice_or_vanish_for_later_days()
    {
        var schedule = new ScheduleDefinition { Kind = "daily", At = "02:30", TimeZone = "Europe/Berlin", Start = DateTimeOffset.Parse("2026-03-28T12:00:00Z") };
        var fires = Fires(schedule, schedule.Start!.Value, 3);
        Assert.That(fires, Has.Count.EqualTo(3));
        Assert.That(fires.Select(f => f.UtcDateTime.Date).Distinct().Count(), Is.EqualTo(3));
        Assert.That(Local(fires, "Europe/Berlin").Last(), Does.EndWith("02:30 +02:00"));
    }

    [Test]
    public void Weekly_monthly_hourly_once_and_cron_schedules_fire_when_they_say()
    {
        var from = DateTimeOffset.Parse("2026-01-01T00:00:00Z"); // a Thursday
        Assert.That(Local(Fires(new() { Kind = "weekly", Days = [DayOfWeek.Monday, DayOfWeek.Friday], At = "07:15", Start = from }, from, 3), "UTC"),
            Is.EqualTo(new[] { "2026-01-02 07:15 +00:00", "2026-01-05 07:15 +00:00", "2026-01-09 07:15 +00:00" }));
        Assert.That(Local(Fires(new() { Kind = "monthly", DayOfMonth = 15, At = "06:00", Start = from }, from, 2), "UTC"),
            Is.EqualTo(new[] { "2026-01-15 06:00 +00:00", "2026-02-15 06:00 +00:00" }));
        Assert.That(Local(Fires(new() { Kind = "hourly", Interval = 6, At = "00:30", Start = from }, from, 3), "UTC"),
            Is.EqualTo(new[] { "2026-01-01 00:30 +00:00", "2026-01-01 06:30 +00:00", "2026-01-01 12:30 +00:00" }));
        Assert.That(Fires(new() { Kind = "once", Start = from.AddHours(5) }, from, 3), Is.EqualTo(new[] { from.AddHours(5) }));
        Assert.That(Local(Fires(new() { Kind = "cron", Cron = "0 0 12 ? * SUN", Start = from, End = from.AddDays(11) }, from, 5), "UTC"),
            Is.EqualTo(new[] { "2026-01-04 12:00 +00:00", "2026-01-11 12:00 +00:00" }), "the end date stops the schedule");
    }

    [TestCase("weekly", "A weekly schedule names at least one day.")]
    [TestCase("fortnightly", "'fortnightly' is not a schedule kind (hourly, daily, weekly, monthly, once, cron).")]
    public void An_incomplete_schedule_is_refused_with_a_reason(string kind, string reason) =>
        Assert.That(new ScheduleDefinition { Kind = kind }.Problem(), Is.EqualTo(reason));
}
