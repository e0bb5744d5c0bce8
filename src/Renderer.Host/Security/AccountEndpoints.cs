using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Renderer.Host.Api.V2;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Security;

/// <summary>
/// The browser's side of sign-in: the catalog browser page (signing in through OpenID Connect when there is no
/// session), sign-out (ends the session here and at the provider), and the page a failed sign-in lands on.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/viewer")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/browse", Browse).ExcludeFromDescription();
        app.MapPost("/account/signout", SignOut).ExcludeFromDescription();
        app.MapGet("/account/signin-failed", () => Results.Content(Page("Sign-in failed", "<p role=\"alert\">Sign-in did not complete. <a href=\"/browse\">Try again</a>.</p>"), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status401Unauthorized))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/account/signed-out", () => Results.Content(Page("Signed out", "<p>You are signed out. <a href=\"/browse\">Sign in again</a>.</p>"), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignOut(HttpContext http, SignInAudit audit)
    {
        await audit.AppendAsync(http, CatalogHttp.Caller(http).UserId, "SignOut", "success", "browser", http.RequestAborted);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signed-out" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }

    /// <summary>A folder's items the caller may see, with links into sub-folders and to each report's PDF.</summary>
    private static async Task<IResult> Browse(HttpContext http, string? path, CatalogQueries queries, CancellationToken cancellationToken)
    {
        if (!CatalogPath.TryParse(path ?? "/", out var folder, out var error)) return Results.BadRequest(error);
        if (!folder.Value.IsRoot && await CatalogHttp.Denied(http, folder.Value, ItemTask.View, cancellationToken) is not null) return Results.NotFound();
        var items = await CatalogHttp.Visible(http, await queries.ChildrenAsync(folder.Value, 0, 500, cancellationToken), cancellationToken);
        var caller = CatalogHttp.Caller(http);
        var list = new StringBuilder();
        foreach (var item in items)
        {
            var name = WebUtility.HtmlEncode(item.Name);
            var link = item.Kind switch
            {
                CatalogItemKind.Folder => $"<a class=\"folder\" href=\"/browse?path={Uri.EscapeDataString(item.Path.Value)}\">{name}</a>",
                CatalogItemKind.Report => $"<a class=\"report\" href=\"/{CatalogItemsApi.Prefix}/Reports({item.Id:D})/Render?format=pdf\" download=\"{name}.pdf\">{name}</a>",
                _ => name,
            };
            list.Append(ListItem(item.Kind)).Append(link).Append("</li>");
        }
        var up = folder.Value.IsRoot ? string.Empty : $"<p><a href=\"/browse?path={Uri.EscapeDataString(folder.Value.Parent.Value)}\">Up</a></p>";
        var body = $"""
            <header><p>Signed in as <strong id="user">{WebUtility.HtmlEncode(caller.UserId)}</strong></p>
            <form method="post" action="/account/signout"><button type="submit">Sign out</button></form></header>
            <main><h1>{WebUtility.HtmlEncode(folder.Value.Value)}</h1>{up}<ul id="items">{list}</ul></main>
            """;
        return Results.Content(Page("Catalog " + folder.Value.Value, body), "text/html; charset=utf-8");
    }

    private static string ListItem(CatalogItemKind kind) => $"<li data-kind=\"{kind}\">";

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} - Report Server</title></head>
        <body>{body}</body></html>
        """;
}
