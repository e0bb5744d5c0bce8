using System.Text.Json;
using Microsoft.Extensions.Options;
using Rdl.Model.Diagnostics;
using Renderer.Contracts.Formats;
using Renderer.Host.Api;
using Renderer.Host.Api.V2;
using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Rendering;
using Renderer.Host.Security.Embedding;
using Renderer.Host.Security.Permissions;
using Renderer.Host.Viewer.Sessions;

namespace Renderer.Host.Viewer;

/// <summary>
/// The browser viewer's own requests, as the signed-in user: open a session on a report with parameter values (its
/// first render starts at once and streams pages), read its state and pages, toggle, sort, refresh, find, export what
/// the user sees, close. Another user's session id is 404. Requests that change state must come from the viewer's own
/// page (<see cref="SameSiteOnly"/>).
/// </summary>
public static class ViewerApi
{
    public const string Prefix = "/viewer/api";

    public static IEndpointRouteBuilder MapViewerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Viewer").ExcludeFromDescription();
        api.MapPost("/sessions", Open).AddEndpointFilter(SameSiteOnly);
        api.MapGet("/sessions/{id}", State);
        api.MapGet("/sessions/{id}/pages/{number:int}", PageContent);
        api.MapPost("/sessions/{id}/toggle", Toggle).AddEndpointFilter(SameSiteOnly);
        api.MapPost("/sessions/{id}/sort", Sort).AddEndpointFilter(SameSiteOnly);
        api.MapPost("/sessions/{id}/refresh", Refresh).AddEndpointFilter(SameSiteOnly);
        api.MapGet("/sessions/{id}/find", FindText);
        api.MapGet("/sessions/{id}/export", Export);
        api.MapDelete("/sessions/{id}", Close).AddEndpointFilter(SameSiteOnly);
        return app;
    }

    /// <summary>The report by catalog path or (as an embedded report opens it) by id, and its parameter values.</summary>
    public sealed record OpenRequest(string? Path, Dictionary<string, string?[]>? Parameters, Guid? ReportId = null);

    public sealed record ToggleRequest(string? Id);

    public sealed record SortRequest(string? Id, string? Direction);

    private static async Task<IResult> Open(HttpContext http, OpenRequest request, CatalogQueries queries, CatalogReports reports, ViewerSessions sessions, SessionRenderer renderer, PermissionChecker permissions, CancellationToken cancellationToken)
    {
        var caller = CatalogHttp.Caller(http);
        CatalogItem? found;
        if (request.ReportId is { } reportId) found = await queries.GetByIdAsync(reportId, cancellationToken);
        else if (!CatalogPath.TryParse(request.Path, out var path, out var error)) return CatalogHttp.BadPath(error);
        else found = await queries.GetAsync(path.Value, cancellationToken);
        if (found is not { DeletedAt: null, Kind: CatalogItemKind.Report } item)
            return caller.Embed is null ? CatalogHttp.Problem(CatalogError.NotFound(request.Path ?? request.ReportId.ToString()!)) : EmbedScope.Forbidden(DiagnosticCodes.Server.EmbedOutOfScope, "The embed token does not grant this report.");
        var refused = caller.Embed is { } grant
            ? await EmbedViewerGuard.RefuseOpenAsync(grant, item, permissions, cancellationToken)
            : await CatalogHttp.Denied(http, item.Path, ItemTask.View, cancellationToken);
        if (refused is not null) return refused;
        var parameters = (request.Parameters ?? []).Select(p => new KeyValuePair<string, string?[]>(p.Key, p.Value ?? [])).ToList();
        if (caller.Embed is { } locking)
        {
            var (locked, refusal) = EmbedViewerGuard.Lock(locking, parameters);
            if (refusal is not null) return refusal;
            parameters = locked!;
        }
        var loaded = await reports.LoadAsync(item, cancellationToken);
        if (loaded is not { Success: true, Entry: { } entry }) return ProblemResults.From(422, $"The report '{item.Path}' does not compile", loaded?.Diagnostics ?? []);
        var bag = new DiagnosticBag();
        ParameterParser.Parse(entry.Definition, parameters, bag);
        if (bag.HasErrors) return ProblemResults.From(400, $"Invalid parameter values for '{item.Path}'", bag.ToImmutable());
        var session = sessions.Open(EmbedViewerGuard.SessionOwner(caller), item, entry, parameters);
        await renderer.StartAsync(session, caller, requery: false, fresh: null, cancellationToken);
        return TypedResults.Created($"{Prefix}/sessions/{session.Id}", Describe(session));
    }

    private static IResult State(HttpContext http, string id, ViewerSessions sessions) =>
        Find(http, id, sessions) is { } session ? TypedResults.Ok(Describe(session)) : NotFound();

    /// <summary>
    /// Page <paramref name="number"/> of the session's current render (or of <c>?generation=</c>, which must be the
    /// current one: 409 otherwise), waiting for it while the render runs; 202 when it is still not there after the wait.
    /// </summary>
    private static async Task<IResult> PageContent(HttpContext http, string id, int number, int? generation, ViewerSessions sessions, IOptions<ViewerOptions> options, CancellationToken cancellationToken)
    {
        if (Find(http, id, sessions) is not { Current: { } render } session) return NotFound();
        if (generation is { } wanted && wanted != render.Generation)
            return TypedResults.Problem(statusCode: 409, title: "Stale page", detail: $"The session is at render {render.Generation}; page {number} of render {wanted} is gone.");
        var page = await render.WaitForPageAsync(number, options.Value.PageWait, cancellationToken);
        if (page is not null)
        {
            http.Response.Headers["X-Render-Generation"] = render.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Text(page, "text/html; charset=utf-8");
        }
        if (render.State == SessionRenderState.Running) return TypedResults.Accepted((string?)null, Describe(session));
        if (render.State == SessionRenderState.Failed) return ProblemResults.From(422, $"The report '{session.Item.Path}' could not be rendered", render.Diagnostics);
        return TypedResults.Problem(statusCode: 404, title: "No such page", detail: $"The report has {render.PageCount} pages.");
    }

    private static async Task<IResult> Toggle(HttpContext http, string id, ToggleRequest request, ViewerSessions sessions, SessionRenderer renderer, CancellationToken cancellationToken)
    {
        if (Find(http, id, sessions) is not { } session) return NotFound();
        if (!ValidControlId(request.Id)) return TypedResults.Problem(statusCode: 400, title: "Bad toggle", detail: "The toggle id is missing or not valid.");
        session.Toggle(request.Id!);
        await renderer.StartAsync(session, CatalogHttp.Caller(http), requery: false, fresh: null, cancellationToken);
        return TypedResults.Ok(Describe(session));
    }

    private static async Task<IResult> Sort(HttpContext http, string id, SortRequest request, ViewerSessions sessions, SessionRenderer renderer, CancellationToken cancellationToken)
    {
        if (Find(http, id, sessions) is not { } session) return NotFound();
        if (!ValidControlId(request.Id) || request.Direction is not ("asc" or "desc"))
            return TypedResults.Problem(statusCode: 400, title: "Bad sort", detail: "Give the sort control's id and a direction of \"asc\" or \"desc\".");
        session.Sort(request.Id!, request.Direction == "desc");
        await renderer.StartAsync(session, CatalogHttp.Caller(http), requery: false, fresh: null, cancellationToken);
        return TypedResults.Ok(Describe(session));
    }

    private static async Task<IResult> Refresh(HttpContext http, string id, ViewerSessions sessions, SessionRenderer renderer, CancellationToken cancellationToken)
    {
        if (Find(http, id, sessions) is not { } session) return NotFound();
        await renderer.StartAsync(session, CatalogHttp.Caller(http), requery: true, sessions.NewSnapshot(), cancellationToken);
        return TypedResults.Ok(Describe(session));
    }

    /// <summary>The pages of the current render that contain <c>?text=</c> (case-insensitive), with the number of matches on each.</summary>
    private static async Task<IResult> FindText(HttpContext http, string id, string? text, ViewerSessions sessions, CancellationToken cancellationToken)
    {
        if (Find(http, id, sessions) is not { Current: { } render }) return NotFound();
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200) return TypedResults.Problem(statusCode: 400, title: "Bad search", detail: "Give ?text= of 1 to 200 characters.");
        await render.WaitForEndAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var matches = PageText.Find(render.Pages(), text);
        return TypedResults.Ok(new { generation = render.Generation, text, matches = matches.Select(m => new { page = m.Page, count = m.Count }) });
    }

    private static async Task<IResult> Export(HttpContext http, string id, string? format, bool? inline, ViewerSessions sessions, SessionRenderer renderer, CancellationToken cancellationToken)
    {
        if (Find(http, id, sessions) is not { } session) return NotFound();
        if (OutputFormats.Find(format) is not { } chosen)
            return TypedResults.Problem(statusCode: 400, title: "Bad format", detail: $"Give ?format= one of: {string.Join(", ", OutputFormats.Names)}.");
        if (EmbedViewerGuard.RefuseExport(CatalogHttp.Caller(http), chosen.Name) is { } notGranted) return notGranted;
        var result = await renderer.ExportAsync(session, CatalogHttp.Caller(http), chosen, cancellationToken);
        if (!result.Success) return ProblemResults.From(result.Failure == RenderFailure.BadRequest ? 400 : 422, $"The report '{session.Item.Path}' could not be exported", result.Diagnostics);
        http.Response.Headers["X-Page-Count"] = result.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Print opens the PDF in the browser (inline) rather than downloading it.
        return inline == true ? TypedResults.File(result.Content, result.ContentType) : TypedResults.File(result.Content, result.ContentType, chosen.FileName(session.Item.Name));
    }

    private static IResult Close(HttpContext http, string id, ViewerSessions sessions)
    {
        if (Find(http, id, sessions) is not { } session) return NotFound();
        sessions.Close(session);
        return TypedResults.NoContent();
    }

    /// <summary>The caller's session <paramref name="id"/>; for an embed token, only one opened under what the token grants.</summary>
    private static ViewerSession? Find(HttpContext http, string id, ViewerSessions sessions)
    {
        var caller = CatalogHttp.Caller(http);
        var session = sessions.Find(id, EmbedViewerGuard.SessionOwner(caller));
        return session is not null && caller.Embed is { } grant && !EmbedViewerGuard.Covers(grant, session) ? null : session;
    }

    private static IResult NotFound()
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "No such session", Detail = "The viewer session does not exist or has expired; open the report again." };
        problem.Extensions["code"] = DiagnosticCodes.Server.ViewerSessionNotFound;
        return TypedResults.Problem(problem);
    }

    /// <summary>Toggle and sort ids come from the writer: letters, digits and a few separators, at most 400 characters.</summary>
    private static bool ValidControlId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 400 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '|' or ':' or '=' or '~');

    private static object Describe(ViewerSession session)
    {
        var render = session.Current!;
        return new
        {
            id = session.Id,
            reportId = session.Item.Id,
            path = session.Item.Path.Value,
            name = session.Item.Name,
            generation = render.Generation,
            state = render.State.ToString().ToLowerInvariant(),
            pagesReady = render.PagesReady,
            pageCount = render.PageCount > 0 ? render.PageCount : (int?)null,
            pageCountFinal = render.State != SessionRenderState.Running,
            toggled = session.ToggledItems,
            sorts = session.UserSorts.Select(s => new { id = s.Id, direction = s.Descending ? "desc" : "asc" }),
            outline = render.Outline is { } outline ? JsonDocument.Parse(outline).RootElement : (JsonElement?)null,
            diagnostics = render.Diagnostics.Select(ProblemResults.ToJson),
        };
    }

    /// <summary>
    /// Refuses a state-changing request unless it carries the viewer's <c>X-Viewer-Request</c> header (which a form on
    /// another site cannot send without a CORS preflight this server never grants) and, when the browser says where it
    /// came from (<c>Sec-Fetch-Site</c>), it came from this origin.
    /// </summary>
    private static async ValueTask<object?> SameSiteOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Request.Headers;
        var site = headers["Sec-Fetch-Site"].ToString();
        if (headers["X-Viewer-Request"].ToString() != "1" || (site.Length > 0 && site != "same-origin"))
        {
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 403, Title = "Forbidden", Detail = "This request must come from the report viewer's own page." };
            problem.Extensions["code"] = DiagnosticCodes.Server.ViewerCrossSiteRequest;
            return TypedResults.Problem(problem);
        }
        return await next(context);
    }
}
