using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Permissions;
using Renderer.Host.Subscriptions;
using Codes = Rdl.Model.Diagnostics.DiagnosticCodes.Subscriptions;

namespace Renderer.Host.Api.V2;

/// <summary>
/// Subscriptions: create (the caller is the owner and needs View on the report; data-driven ones need Manage all
/// subscriptions), list (one's own; with Manage all subscriptions at the root, everyone's), get, edit, pause, resume,
/// delete, run now and the delivery history. Shared schedules: list, create, pause and resume (system role
/// ManageSharedSchedules).
/// </summary>
public static class SubscriptionsApi
{
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(CatalogItemsApi.Prefix).WithTags("Subscriptions");
        api.MapPost("/Subscriptions", Create).DisableAntiforgery();
        api.MapGet("/Subscriptions", List);
        api.MapGet("/Subscriptions({id:guid})", Get);
        api.MapPut("/Subscriptions({id:guid})", Edit).DisableAntiforgery();
        api.MapDelete("/Subscriptions({id:guid})", Delete).DisableAntiforgery();
        api.MapPost("/Subscriptions({id:guid})/Pause", (HttpContext h, Guid id, SubscriptionStore s, SubscriptionScheduler q, TimeProvider t, CancellationToken c) => SetEnabled(h, id, false, s, q, t, c)).DisableAntiforgery();
        api.MapPost("/Subscriptions({id:guid})/Resume", (HttpContext h, Guid id, SubscriptionStore s, SubscriptionScheduler q, TimeProvider t, CancellationToken c) => SetEnabled(h, id, true, s, q, t, c)).DisableAntiforgery();
        api.MapPost("/Subscriptions({id:guid})/Run", Run).DisableAntiforgery().WithSummary("Fires the subscription now (202); its deliveries appear in History.");
        api.MapGet("/Subscriptions({id:guid})/History", History);
        api.MapGet("/Schedules", Schedules);
        api.MapPost("/Schedules", CreateSchedule).DisableAntiforgery();
        api.MapPost("/Schedules({id:guid})/Pause", (HttpContext h, Guid id, SubscriptionStore s, SubscriptionScheduler q, CancellationToken c) => PauseSchedule(h, id, true, s, q, c)).DisableAntiforgery();
        api.MapPost("/Schedules({id:guid})/Resume", (HttpContext h, Guid id, SubscriptionStore s, SubscriptionScheduler q, CancellationToken c) => PauseSchedule(h, id, false, s, q, c)).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, SubscriptionRequest request, SubscriptionStore store, SubscriptionScheduler scheduler, CatalogQueries queries, IOptions<SubscriptionOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (item, refused) = await CheckAsync(http, request, queries, options.Value, cancellationToken);
        if (refused is not null) return refused;
        var caller = CatalogHttp.Caller(http);
        var now = time.GetUtcNow();
        var subscription = From(request, Guid.NewGuid(), caller.UserId, caller.Principals, item!.Id, now, now);
        await store.InsertAsync(subscription, cancellationToken);
        await scheduler.ApplyAsync(subscription, cancellationToken);
        return TypedResults.Created($"/{CatalogItemsApi.Prefix}/Subscriptions({subscription.Id:D})", await JsonOf(subscription, scheduler, cancellationToken));
    }

    private static async Task<IResult> Edit(HttpContext http, Guid id, SubscriptionRequest request, SubscriptionStore store, SubscriptionScheduler scheduler, CatalogQueries queries, IOptions<SubscriptionOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindAsync(http, id, store, cancellationToken) is not { } existing) return NotFound(id);
        var (item, refused) = await CheckAsync(http, request, queries, options.Value, cancellationToken);
        if (refused is not null) return refused;
        var edited = From(request, existing.Id, existing.Owner, existing.OwnerPrincipals, item!.Id, existing.CreatedAt, time.GetUtcNow());
        await store.UpdateAsync(edited, cancellationToken);
        await scheduler.ApplyAsync(edited, cancellationToken);
        return TypedResults.Ok(await JsonOf(edited, scheduler, cancellationToken));
    }

    private static async Task<IResult> List(HttpContext http, SubscriptionStore store, SubscriptionScheduler scheduler, PermissionChecker permissions, CancellationToken cancellationToken)
    {
        var caller = CatalogHttp.Caller(http);
        var all = await permissions.CanAsync(caller, CatalogPath.Root, ItemTask.ManageAllSubscriptions, cancellationToken);
        var list = await store.ListAsync(all ? null : caller.UserId, cancellationToken);
        var json = new List<SubscriptionJsonView>();
        foreach (var s in list) json.Add(await JsonOf(s, scheduler, cancellationToken));
        return TypedResults.Ok(new { value = json });
    }

    private static async Task<IResult> Get(HttpContext http, Guid id, SubscriptionStore store, SubscriptionScheduler scheduler, CancellationToken cancellationToken) =>
        await FindAsync(http, id, store, cancellationToken) is { } s ? TypedResults.Ok(await JsonOf(s, scheduler, cancellationToken)) : NotFound(id);

    private static async Task<IResult> Delete(HttpContext http, Guid id, SubscriptionStore store, SubscriptionScheduler scheduler, CancellationToken cancellationToken)
    {
        if (await FindAsync(http, id, store, cancellationToken) is null) return NotFound(id);
        await scheduler.RemoveAsync(id, cancellationToken);
        await store.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetEnabled(HttpContext http, Guid id, bool enabled, SubscriptionStore store, SubscriptionScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindAsync(http, id, store, cancellationToken) is not { } s) return NotFound(id);
        var changed = s with { Enabled = enabled, ModifiedAt = time.GetUtcNow() };
        await store.UpdateAsync(changed, cancellationToken);
        await scheduler.ApplyAsync(changed, cancellationToken);
        return TypedResults.Ok(await JsonOf(changed, scheduler, cancellationToken));
    }

    private static async Task<IResult> Run(HttpContext http, Guid id, SubscriptionStore store, SubscriptionScheduler scheduler, CancellationToken cancellationToken)
    {
        if (await FindAsync(http, id, store, cancellationToken) is null) return NotFound(id);
        await scheduler.RunNowAsync(id, cancellationToken);
        return TypedResults.Accepted($"/{CatalogItemsApi.Prefix}/Subscriptions({id:D})/History");
    }

    private static async Task<IResult> History(HttpContext http, Guid id, SubscriptionStore store, DeliveryLedger ledger, CancellationToken cancellationToken)
    {
        if (await FindAsync(http, id, store, cancellationToken) is null) return NotFound(id);
        return TypedResults.Ok(new { value = await ledger.HistoryAsync(id, cancellationToken: cancellationToken) });
    }

    private static async Task<IResult> Schedules(SubscriptionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new { value = await store.SchedulesAsync(cancellationToken) });

    private static async Task<IResult> CreateSchedule(HttpContext http, SharedScheduleRequest request, SubscriptionStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ManageSharedSchedules, cancellationToken) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(request.Name) || request.Schedule is null) return Invalid("A shared schedule has a name and a schedule.");
        if (request.Schedule.Problem() is { } problem) return Invalid(problem);
        var now = time.GetUtcNow();
        var schedule = new SharedSchedule(Guid.NewGuid(), request.Name.Trim(), request.Schedule, false, CatalogHttp.Caller(http).UserId, now, now);
        await store.InsertScheduleAsync(schedule, cancellationToken);
        return TypedResults.Created($"/{CatalogItemsApi.Prefix}/Schedules({schedule.Id:D})", schedule);
    }

    private static async Task<IResult> PauseSchedule(HttpContext http, Guid id, bool paused, SubscriptionStore store, SubscriptionScheduler scheduler, CancellationToken cancellationToken)
    {
        if (await CatalogHttp.Denied(http, SystemTask.ManageSharedSchedules, cancellationToken) is { } denied) return denied;
        if (await store.ScheduleAsync(id, cancellationToken) is not { } schedule) return NotFound(id);
        await store.SetSchedulePausedAsync(id, paused, cancellationToken);
        await scheduler.SetSharedPausedAsync(id, paused, cancellationToken);
        return TypedResults.Ok(schedule with { Paused = paused });
    }

    /// <summary>The subscription when the caller owns it or manages all subscriptions on its report; else null (404: they may not know it exists).</summary>
    private static async Task<Subscription?> FindAsync(HttpContext http, Guid id, SubscriptionStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } s) return null;
        var caller = CatalogHttp.Caller(http);
        if (string.Equals(s.Owner, caller.UserId, StringComparison.OrdinalIgnoreCase)) return s;
        var permissions = http.RequestServices.GetRequiredService<PermissionChecker>();
        var item = await http.RequestServices.GetRequiredService<CatalogQueries>().GetByIdAsync(s.ReportItemId, cancellationToken);
        return await permissions.CanAsync(caller, item?.Path ?? CatalogPath.Root, ItemTask.ManageAllSubscriptions, cancellationToken) ? s : null;
    }

    private static async Task<(CatalogItem? Item, IResult? Refused)> CheckAsync(HttpContext http, SubscriptionRequest request, CatalogQueries queries, SubscriptionOptions options, CancellationToken cancellationToken)
    {
        if (request.Problem(options) is { } problem) return (null, Invalid(problem));
        CatalogItem? item = null;
        if (request.ReportId is { } reportId) item = await queries.GetByIdAsync(reportId, cancellationToken);
        else if (CatalogPath.TryParse(request.ReportPath, out var path, out _)) item = await queries.GetAsync(path.Value, cancellationToken);
        if (item is not { DeletedAt: null, Kind: CatalogItemKind.Report }) return (null, CatalogHttp.Problem(CatalogError.NotFound(request.ReportId?.ToString("D") ?? request.ReportPath ?? "")));
        if (await CatalogHttp.Denied(http, item.Path, ItemTask.View, cancellationToken) is { } denied) return (null, denied);
        if (request.DataDriven is not null && await CatalogHttp.Denied(http, item.Path, ItemTask.ManageAllSubscriptions, cancellationToken) is { } noDataDriven) return (null, noDataDriven);
        if (request.SharedScheduleId is { } shared && await http.RequestServices.GetRequiredService<SubscriptionStore>().ScheduleAsync(shared, cancellationToken) is null)
            return (null, Invalid($"There is no shared schedule {shared:D}."));
        return (item, null);
    }

    private static Subscription From(SubscriptionRequest r, Guid id, string owner, IReadOnlyList<string> principals, Guid reportId, DateTimeOffset created, DateTimeOffset modified) =>
        new(id, owner, principals, reportId, r.Description, r.Parameters ?? [], r.Format.ToLowerInvariant(), r.DeliveryKind, r.Delivery ?? new DeliverySettings(),
            r.DataDriven, r.Schedule, r.SharedScheduleId, r.Enabled, created, modified);

    private static async Task<SubscriptionJsonView> JsonOf(Subscription s, SubscriptionScheduler scheduler, CancellationToken cancellationToken) =>
        new(s, await scheduler.NextFireAsync(s, cancellationToken));

    private static IResult Invalid(string detail) => Problem(StatusCodes.Status400BadRequest, "Invalid subscription", detail, Codes.InvalidSubscription);

    private static IResult NotFound(Guid id) => Problem(StatusCodes.Status404NotFound, "Not found", $"There is no subscription or schedule {id:D} you may see.", Codes.NotFound);

    private static IResult Problem(int status, string title, string detail, string code)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }
}

/// <summary>A subscription as the API shows it, with its next fire time (null when paused or unscheduled).</summary>
public sealed record SubscriptionJsonView(Subscription Subscription, DateTimeOffset? NextFire)
{
    public Guid Id => Subscription.Id;
}

/// <summary>The body of a shared schedule's creation.</summary>
public sealed record SharedScheduleRequest(string? Name, ScheduleDefinition? Schedule);
