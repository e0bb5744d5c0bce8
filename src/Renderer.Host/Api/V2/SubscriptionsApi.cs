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
/// delete, run now and the delivery history. Shared schedules are in <see cref="SharedSchedulesApi"/>.
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
        return TypedResults.Created($"/{CatalogItemsApi.Prefix}/Subscriptions({subscription.Id:D})", await JsonOf(http, subscription, scheduler, cancellationToken));
    }

    private static async Task<IResult> Edit(HttpContext http, Guid id, SubscriptionRequest request, SubscriptionStore store, SubscriptionScheduler scheduler, CatalogQueries queries, IOptions<SubscriptionOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindAsync(http, id, store, cancellationToken) is not { } existing) return NotFound(id);
        var (item, refused) = await CheckAsync(http, request, queries, options.Value, cancellationToken);
        if (refused is not null) return refused;
        var edited = From(request, existing.Id, existing.Owner, existing.OwnerPrincipals, item!.Id, existing.CreatedAt, time.GetUtcNow());
        await store.UpdateAsync(edited, cancellationToken);
        await scheduler.ApplyAsync(edited, cancellationToken);
        return TypedResults.Ok(await JsonOf(http, edited, scheduler, cancellationToken));
    }

    private static async Task<IResult> List(HttpContext http, SubscriptionStore store, SubscriptionScheduler scheduler, PermissionChecker permissions, CancellationToken cancellationToken)
    {
        var caller = CatalogHttp.Caller(http);
        var all = await permissions.CanAsync(caller, CatalogPath.Root, ItemTask.ManageAllSubscriptions, cancellationToken);
        var list = await store.ListAsync(all ? null : caller.UserId, cancellationToken);
        var json = new List<SubscriptionJsonView>();
        foreach (var s in list) json.Add(await JsonOf(http, s, scheduler, cancellationToken));
        return TypedResults.Ok(new { value = json });
    }

    private static async Task<IResult> Get(HttpContext http, Guid id, SubscriptionStore store, SubscriptionScheduler scheduler, CancellationToken cancellationToken) =>
        await FindAsync(http, id, store, cancellationToken) is { } s ? TypedResults.Ok(await JsonOf(http, s, scheduler, cancellationToken)) : NotFound(id);

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
        return TypedResults.Ok(await JsonOf(http, changed, scheduler, cancellationToken));
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

    private static async Task<SubscriptionJsonView> JsonOf(HttpContext http, Subscription s, SubscriptionScheduler scheduler, CancellationToken cancellationToken) =>
        new(s, await scheduler.NextFireAsync(s, cancellationToken),
            await http.RequestServices.GetRequiredService<CatalogQueries>().GetByIdAsync(s.ReportItemId, cancellationToken) is { DeletedAt: null } item ? item.Path.Value : null);

    internal static IResult Invalid(string detail) => Problem(StatusCodes.Status400BadRequest, "Invalid subscription", detail, Codes.InvalidSubscription);

    internal static IResult NotFound(Guid id) => Problem(StatusCodes.Status404NotFound, "Not found", $"There is no subscription or schedule {id:D} you may see.", Codes.NotFound);

    internal static IResult Problem(int status, string title, string detail, string code)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }
}

/// <summary>A subscription as the API shows it, with its next fire time (null when paused or unscheduled) and its report's path (null when the report is gone).</summary>
public sealed record SubscriptionJsonView(Subscription Subscription, DateTimeOffset? NextFire, string? ReportPath = null)
{
    public Guid Id => Subscription.Id;
}
