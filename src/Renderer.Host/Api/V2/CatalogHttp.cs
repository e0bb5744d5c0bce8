using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Api.V2;

/// <summary>What every catalog endpoint needs from the request: the acting user, paging, If-Match, and errors as ProblemDetails.</summary>
internal static class CatalogHttp
{
    public static CatalogActor Actor(HttpContext http) =>
        new(http.User.Identity?.Name ?? "anonymous", http.Connection.RemoteIpAddress?.ToString());

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

    public static CatalogPage<CatalogItemJson> Page(IReadOnlyList<CatalogItem> items, int skip, int top) =>
        new(items.Select(CatalogItemJson.From).ToList(), items.Count == top ? skip + top : null);

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
