using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Renderer.Host.Tests.Subscriptions;

/// <summary>Shared schedules edited and deleted (SSRS: a deleted schedule's subscriptions keep a copy of it), and the delivery metric.</summary>
public sealed partial class SubscriptionDeliveryTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private async Task<Guid> CreateScheduleAsync(string name, string at)
    {
        using var created = await _client.PostAsJsonAsync("/api/v2.0/Schedules", new { name, schedule = new { kind = "daily", at, timeZone = "Europe/Berlin" } });
        var text = await created.Content.ReadAsStringAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private Task<Guid> CreateOnScheduleAsync(Guid scheduleId, string to) => CreateAsync(new Dictionary<string, object>
    {
        ["reportPath"] = "/Samples/RegionOrders",
        ["deliveryKind"] = "email",
        ["delivery"] = new { to = new[] { to } },
        ["sharedScheduleId"] = scheduleId,
    });

    private async Task<JsonElement> SubscriptionAsync(Guid id) => JsonDocument.Parse(await _client.GetStringAsync($"/api/v2.0/Subscriptions({id})")).RootElement;

    private static TimeSpan LocalTimeOfDay(JsonElement nextFire) => TimeZoneInfo.ConvertTime(nextFire.GetDateTimeOffset(), Berlin).TimeOfDay;

    [Test]
    public async Task Editing_a_shared_schedule_moves_the_next_fire_of_every_subscription_on_it()
    {
        var scheduleId = await CreateScheduleAsync("Edited mornings", "07:00");
        var first = await CreateOnScheduleAsync(scheduleId, "erin@example.com");
        var second = await CreateOnScheduleAsync(scheduleId, "frank@example.com");
        Assert.That(LocalTimeOfDay((await SubscriptionAsync(first)).GetProperty("nextFire")), Is.EqualTo(TimeSpan.FromHours(7)));

        using var edited = await _client.PutAsJsonAsync($"/api/v2.0/Schedules({scheduleId})", new { name = "Edited evenings", schedule = new { kind = "daily", at = "18:30", timeZone = "Europe/Berlin" } });
        Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edited.Content.ReadAsStringAsync());

        foreach (var id in new[] { first, second })
            Assert.That(LocalTimeOfDay((await SubscriptionAsync(id)).GetProperty("nextFire")), Is.EqualTo(new TimeSpan(18, 30, 0)));
        var stored = JsonDocument.Parse(await _client.GetStringAsync($"/api/v2.0/Schedules({scheduleId})")).RootElement;
        Assert.That(stored.GetProperty("name").GetString(), Is.EqualTo("Edited evenings"));

        await CreateScheduleAsync("Taken name", "09:00");
        using var clash = await _client.PutAsJsonAsync($"/api/v2.0/Schedules({scheduleId})", new { name = "Taken name", schedule = new { kind = "daily", at = "09:00" } });
        Assert.That(clash.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        using var bad = await _client.PutAsJsonAsync($"/api/v2.0/Schedules({scheduleId})", new { name = "Edited evenings", schedule = new { kind = "weekly", at = "09:00" } });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("at least one day"));
    }

    [Test]
    public async Task Deleting_a_shared_schedule_leaves_its_subscriptions_a_copy_of_it_and_a_paused_one_leaves_them_disabled()
    {
        var running = await CreateScheduleAsync("Deleted mornings", "06:15");
        var onRunning = await CreateOnScheduleAsync(running, "gina@example.com");
        var paused = await CreateScheduleAsync("Deleted paused", "05:45");
        var onPaused = await CreateOnScheduleAsync(paused, "hank@example.com");
        using (var pause = await _client.PostAsync($"/api/v2.0/Schedules({paused})/Pause", null)) Assert.That(pause.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        foreach (var id in new[] { running, paused })
            using (var deleted = await _client.DeleteAsync($"/api/v2.0/Schedules({id})")) Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var kept = await SubscriptionAsync(onRunning);
        var own = kept.GetProperty("subscription");
        Assert.That(own.GetProperty("sharedScheduleId").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(own.GetProperty("schedule").GetProperty("at").GetString(), Is.EqualTo("06:15"));
        Assert.That(own.GetProperty("schedule").GetProperty("timeZone").GetString(), Is.EqualTo("Europe/Berlin"));
        Assert.That(own.GetProperty("enabled").GetBoolean(), Is.True);
        Assert.That(LocalTimeOfDay(kept.GetProperty("nextFire")), Is.EqualTo(new TimeSpan(6, 15, 0)), "it still fires at the shared schedule's time");

        var stopped = await SubscriptionAsync(onPaused);
        Assert.That(stopped.GetProperty("subscription").GetProperty("enabled").GetBoolean(), Is.False, "the schedule was paused: the subscription stays stopped");
        Assert.That(stopped.GetProperty("subscription").GetProperty("schedule").GetProperty("at").GetString(), Is.EqualTo("05:45"));
        Assert.That(stopped.GetProperty("nextFire").ValueKind, Is.EqualTo(JsonValueKind.Null));

        using var gone = await _client.GetAsync($"/api/v2.0/Schedules({running})");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var again = await _client.DeleteAsync($"/api/v2.0/Schedules({running})");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Only_a_schedule_manager_may_edit_or_delete_a_shared_schedule()
    {
        var scheduleId = await CreateScheduleAsync("Guarded", "08:00");
        _session.Server.User = "analyst";
        using var analyst = _session.Server.CreateClient();
        _session.Server.User = "admin";

        using (var edit = await analyst.PutAsJsonAsync($"/api/v2.0/Schedules({scheduleId})", new { name = "Mine now", schedule = new { kind = "daily", at = "08:00" } }))
            Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using (var delete = await analyst.DeleteAsync($"/api/v2.0/Schedules({scheduleId})"))
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(JsonDocument.Parse(await analyst.GetStringAsync($"/api/v2.0/Schedules({scheduleId})")).RootElement.GetProperty("name").GetString(), Is.EqualTo("Guarded"), "anyone may read it to choose it");
    }

    [Test]
    public async Task Deliveries_are_counted_by_kind_and_outcome_in_the_Renderer_meter()
    {
        var counted = new List<(string Kind, string Outcome)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == "Renderer" && instrument.Name == "renderer.subscription.deliveries") l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var t = tags.ToArray().ToDictionary(x => x.Key, x => x.Value?.ToString());
            lock (counted) for (var i = 0; i < value; i++) counted.Add((t["kind"]!, t["outcome"]!));
        });
        listener.Start();

        var refused = await CreateAsync(Email("ivy@example.com"));
        _smtp.RefuseNext = 1;
        Assert.That(await Runner.RunAsync(refused, DateTimeOffset.Parse("2026-05-01T08:00:00Z", CultureInfo.InvariantCulture), CancellationToken.None), Is.EqualTo("Success"));
        var bad = await CreateAsync(Email("still not an address"));
        Assert.That(await Runner.RunAsync(bad, DateTimeOffset.Parse("2026-05-01T08:00:00Z", CultureInfo.InvariantCulture), CancellationToken.None), Is.EqualTo("SUB7503"));

        lock (counted)
        {
            Assert.That(counted.Count(c => c == ("email", "retried")), Is.EqualTo(1), string.Join(", ", counted));
            Assert.That(counted.Count(c => c == ("email", "sent")), Is.EqualTo(1), string.Join(", ", counted));
            Assert.That(counted.Count(c => c == ("email", "failed")), Is.EqualTo(1), "the failed delivery is counted: " + string.Join(", ", counted));
        }
    }
}
