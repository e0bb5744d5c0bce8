using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Api.V2;

/// <summary>What every catalog endpoint needs from the request: the acting user, paging, If-Match, and errors as ProblemDetails.</summary>
internal static class CatalogHttp
{
    public static CatalogActor Actor(HttpContext http) =>
        new(Caller(http).UserId, http.Connection.RemoteIpAddress?.ToString());

    /// <summary>The signed-in caller (read once per request).</summary>
    public static Caller Caller(HttpContext http)
    {
        if (http.Items[typeof(Caller)] is Caller known) return known;
        var caller = Security.Identity.Caller.From(http.User, http.Request.Headers.AcceptLanguage.ToString());
        http.Items[typeof(Caller)] = caller;
        return caller;
    }

    /// <summary>
    /// Null when the caller may do <paramref name="task"/> on <paramref name="path"/> (an item there or one to be
    /// created there); else the answer: 404 when the caller holds no role on it (it may not know the item exists),
    /// 403 when they hold one that does not allow the task.
    /// </summary>
    public static async Task<IResult?> Denied(HttpContext http, CatalogPath path, ItemTask task, CancellationToken cancellationToken)
    {
        var policy = await http.RequestServices.GetRequiredService<PermissionStore>().EffectiveAsync(path, cancellationToken);
        var caller = Caller(http);
        if (policy.Allows(caller.Principals, task)) return null;
        var seen = policy.Assignments.Any(a => caller.Principals.Contains(a.Principal, StringComparer.Ordinal));
        return seen ? Forbidden($"You may not {Describe(task)} at '{path}'.") : Problem(CatalogError.NotFound(path.Value));
    }

    /// <summary>Null when the caller holds a system role allowing <paramref name="task"/>; else 403.</summary>
    public static async Task<IResult?> Denied(HttpContext http, SystemTask task, CancellationToken cancellationToken) =>
        await http.RequestServices.GetRequiredService<PermissionChecker>().CanAsync(Caller(http), task, cancellationToken)
            ? null
            : Forbidden($"This needs a system role that allows {task}.");

    /// <summary>The items of <paramref name="items"/> the caller may see.</summary>
    public static Task<IReadOnlyList<CatalogItem>> Visible(HttpContext http, IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken) =>
        http.RequestServices.GetRequiredService<PermissionChecker>().VisibleAsync(Caller(http), items, cancellationToken);

    public static IResult Forbidden(string detail)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = detail };
        problem.Extensions["code"] = Rdl.Model.Diagnostics.DiagnosticCodes.Server.Forbidden;
        return TypedResults.Problem(problem);
    }

    private static string Describe(ItemTask task) => task switch
    {
        ItemTask.View => "view items",
        ItemTask.ManageReports => "manage reports",
        ItemTask.ManageFolders => "manage folders",
        ItemTask.ManageResources => "manage resources",
        ItemTask.ManageDataSources => "manage data sources",
        ItemTask.SetSecurity => "change permissions",
        _ => task.ToString(),
    };

    /// <summary>
    /// The row version an <c>If-Match</c> header names for <paramref name="item"/>: null when absent or <c>*</c>;
    /// -1 (which never matches) when it names another item or cannot be read.
    /// </summary>
    public static long? IfMatch(HttpContext http, CatalogItem item)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        var tag = header.Trim('"');
        var dash = tag.LastIndexOf('-');
        if (dash <= 0 || !Guid.TryParseExact(tag[..dash], "N", out var id) || id != item.Id) return -1;
        return long.TryParse(tag[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }

    public static (int Skip, int Top) Paging(HttpRequest request)
    {
        var skip = int.TryParse(request.Query["$skip"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var top = int.TryParse(request.Query["$top"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? Math.Clamp(t, 1, CatalogQueries.MaxPageSize) : 100;
        return (skip, top);
    }

    /// <param name="read">How many rows the page read before filtering (a full page means there may be more).</param>
    public static CatalogPage<CatalogItemJson> Page(IReadOnlyList<CatalogItem> items, int skip, int top, int? read = null) =>
        new(items.Select(CatalogItemJson.From).ToList(), (read ?? items.Count) == top ? skip + top : null);

    public static IResult Problem(CatalogError error)
    {
        var status = error.Kind switch
        {
            CatalogErrorKind.NotFound => StatusCodes.Status404NotFound,
            CatalogErrorKind.Conflict => StatusCodes.Status409Conflict,
            CatalogErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            CatalogErrorKind.ReadOnly => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = new ProblemDetails { Status = status, Title = error.Kind.ToString(), Detail = error.Message };
        problem.Extensions["code"] = error.Code;
        return TypedResults.Problem(problem);
    }

    public static IResult BadPath(string message) => Problem(CatalogError.InvalidPath(message));

    public static IResult Item(HttpContext http, CatalogItem item, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.ETag = item.ETag;
        return status == StatusCodes.Status201Created
            ? TypedResults.Created($"/api/v2.0/CatalogItems({item.Id:D})", CatalogItemJson.From(item))
            : TypedResults.Ok(CatalogItemJson.From(item));
    }
}
