using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Permissions;
using Renderer.Host.Subscriptions;
using Codes = Rdl.Model.Diagnostics.DiagnosticCodes.Subscriptions;

namespace Renderer.Host.Api.V2;

/// <summary>
/// Shared schedules: anyone signed in lists them and reads one (to choose one for a subscription); a system role with
/// ManageSharedSchedules creates, edits, pauses, resumes and deletes them. An edit reschedules every subscription on the
/// schedule. A delete, as in SSRS, gives each subscription on it its own copy of the schedule (a subscription on a
/// paused schedule is disabled instead, so it stays stopped), so deleting a schedule never stops or loses a subscription.
/// </summary>
public static class SharedSchedulesApi
{
    public static IEndpointRouteBuilder MapSharedSchedulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(CatalogItemsApi.Prefix).WithTags("Subscriptions");
        api.MapGet("/Schedules", List);
        api.MapGet("/Schedules({id:guid})", Get);
        api.MapPost("/Schedules", Create).DisableAntiforgery();
        api.MapPut("/Schedules({id:guid})", Edit).DisableAntiforgery();
        api.MapDelete("/Schedules({id:guid})", Delete).DisableAntiforgery()
            .WithSummary("Deletes a shared schedule; the subscriptions on it keep a copy of it as their own schedule (disabled when it was paused).");
        api.MapPost("/Schedules({id:guid})/Pause", (HttpContext h, Guid id, SubscriptionStore s, SubscriptionScheduler q, CancellationToken c) => Pause(h, id, true, s, q, c)).DisableAntiforgery();
        api.MapPost("/Schedules({id:guid})/Resume", (HttpContext h, Guid id, SubscriptionStore s, SubscriptionScheduler q, CancellationToken c) => Pause(h, id, false, s, q, c)).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> List(SubscriptionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new { value = await store.SchedulesAsync(cancellationToken) });

    private static async Task<IResult> Get(Guid id, SubscriptionStore store, CancellationToken cancellationToken) =>
        await store.ScheduleAsync(id, cancellationToken) is { } schedule ? TypedResults.Ok(schedule) : SubscriptionsApi.NotFound(id);

    private static async Task<IResult> Create(HttpContext http, SharedScheduleRequest request, SubscriptionStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ManageSharedSchedules, cancellationToken) is { } denied) return denied;
        if (Problem(request) is { } invalid) return invalid;
        var now = time.GetUtcNow();
        var schedule = new SharedSchedule(Guid.NewGuid(), request.Name!.Trim(), request.Schedule!, false, CatalogHttp.Caller(http).UserId, now, now);
        try { await store.InsertScheduleAsync(schedule, cancellationToken); }
        catch (System.Data.Common.DbException e) when (CatalogDatabase.IsUniqueViolation(e)) { return NameTaken(schedule.Name); }
        return TypedResults.Created($"/{CatalogItemsApi.Prefix}/Schedules({schedule.Id:D})", schedule);
    }

    private static async Task<IResult> Edit(HttpContext http, Guid id, SharedScheduleRequest request, SubscriptionStore store, SubscriptionScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ManageSharedSchedules, cancellationToken) is { } denied) return denied;
        if (await store.ScheduleAsync(id, cancellationToken) is not { } existing) return SubscriptionsApi.NotFound(id);
        if (Problem(request) is { } invalid) return invalid;
        var edited = existing with { Name = request.Name!.Trim(), Schedule = request.Schedule!, ModifiedAt = time.GetUtcNow() };
        try
        {
            if (!await store.UpdateScheduleAsync(edited, cancellationToken)) return SubscriptionsApi.NotFound(id);
        }
        catch (System.Data.Common.DbException e) when (CatalogDatabase.IsUniqueViolation(e)) { return NameTaken(edited.Name); }
        foreach (var subscription in await store.OnScheduleAsync(id, cancellationToken))
            await scheduler.ApplyAsync(subscription, cancellationToken);
        return TypedResults.Ok(edited);
    }

    private static async Task<IResult> Delete(HttpContext http, Guid id, SubscriptionStore store, SubscriptionScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ManageSharedSchedules, cancellationToken) is { } denied) return denied;
        if (await store.ScheduleAsync(id, cancellationToken) is not { } schedule) return SubscriptionsApi.NotFound(id);
        if (await store.DeleteScheduleAsync(schedule, time.GetUtcNow(), cancellationToken) is not { } changed) return SubscriptionsApi.NotFound(id);
        foreach (var subscriptionId in changed)
        {
            if (await store.GetAsync(subscriptionId, cancellationToken) is { } subscription) await scheduler.ApplyAsync(subscription, cancellationToken);
        }
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Pause(HttpContext http, Guid id, bool paused, SubscriptionStore store, SubscriptionScheduler scheduler, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ManageSharedSchedules, cancellationToken) is { } denied) return denied;
        if (await store.ScheduleAsync(id, cancellationToken) is not { } schedule) return SubscriptionsApi.NotFound(id);
        await store.SetSchedulePausedAsync(id, paused, cancellationToken);
        await scheduler.SetSharedPausedAsync(id, paused, cancellationToken);
        return TypedResults.Ok(schedule with { Paused = paused });
    }

    private static IResult? Problem(SharedScheduleRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Schedule is null) return SubscriptionsApi.Invalid("A shared schedule has a name and a schedule.");
        return request.Schedule.Problem() is { } problem ? SubscriptionsApi.Invalid(problem) : null;
    }

    private static IResult NameTaken(string name) =>
        SubscriptionsApi.Problem(StatusCodes.Status409Conflict, "Name taken", $"There is already a shared schedule named '{name}'.", Codes.InvalidSubscription);
}

/// <summary>The body of a shared schedule's creation or edit.</summary>
public sealed record SharedScheduleRequest(string? Name, ScheduleDefinition? Schedule);
