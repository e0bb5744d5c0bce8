using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Rdl.Model.Diagnostics;
using Renderer.Host.Infrastructure;

namespace Renderer.Host.Security.Embedding;

/// <summary>
/// What a request authenticated by an embed token may reach: only the viewer's session API (the report, action and
/// format checks are in <see cref="EmbedViewerGuard"/>), and only from this server's own pages or a page of an origin
/// the token's application registered. Everything else is 403.
/// </summary>
public sealed class EmbedScope(RequestDelegate next, IOptions<PublicUrlOptions> publicUrl)
{
    public const string ViewerSessions = "/viewer/api/sessions";
    private readonly string? _ownOrigin = EmbedOrigins.Normalize(new Uri(publicUrl.Value.PublicBaseUrl!).GetLeftPart(UriPartial.Authority));

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity is not EmbedIdentity { Grant: var grant }) return next(context);
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            var normalized = EmbedOrigins.Normalize(origin);
            if (normalized is null || (normalized != _ownOrigin && !grant.Origins.Contains(normalized, StringComparer.Ordinal)))
                return Refuse(context, DiagnosticCodes.Server.EmbedOriginRefused, "The embed token was replayed from another origin than its application registered.");
        }
        if (!context.Request.Path.StartsWithSegments(ViewerSessions))
            return Refuse(context, DiagnosticCodes.Server.EmbedOutOfScope, "An embed token only opens the reports it names in the viewer.");
        return next(context);
    }

    public static Task Refuse(HttpContext context, string code, string detail) =>
        Forbidden(code, detail).ExecuteAsync(context);

    public static IResult Forbidden(string code, string detail)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = detail };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }
}
