using System.Text.Json;
using Microsoft.Extensions.Options;
using Renderer.Contracts.Formats;
using Renderer.Host.Api.V2;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Security.Embedding;

/// <summary>
/// <c>POST /api/v2.0/EmbedTokens</c>: an application registered under <c>Embedding:Applications</c>, calling with its
/// own bearer token that holds the <c>Embed.Token</c> app role, asks for a token that lets a page of one of its origins
/// show the named reports as the given effective identity. The application itself must be allowed to view each report.
/// Each token issued is in the audit log (application, identity, scope, lifetime), never the token.
/// </summary>
public static class EmbedTokensApi
{
    public const string EmbedRole = "Embed.Token";

    public sealed record IdentityRequest(string? UserName, string[]? Roles, string? CustomData);

    public sealed record TokenRequest(Guid[]? Reports, string[]? ExportFormats, Dictionary<string, string?[]>? Parameters, IdentityRequest? Identity, int? LifetimeMinutes);

    public sealed record TokenResponse(string Token, DateTimeOffset Expiration);

    public static IEndpointRouteBuilder MapEmbedTokensApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(CatalogItemsApi.Prefix).WithTags("Embedding")
            .MapPost("/EmbedTokens", Issue)
            .WithSummary("An embed token for reports, export formats, locked parameter values and an effective identity (needs the Embed.Token app role).");
        return app;
    }

    private static async Task<IResult> Issue(HttpContext http, TokenRequest request, IOptions<EmbeddingOptions> options, EmbedTokens tokens, CatalogQueries queries,
        PermissionChecker permissions, SignInAudit audit, CancellationToken cancellationToken)
    {
        var user = http.User;
        if (user.Identity is EmbedIdentity || !user.Claims.Any(c => c.Type is "roles" or "role" && c.Value == EmbedRole))
            return CatalogHttp.Forbidden($"Embed tokens are issued only to applications holding the {EmbedRole} app role.");
        var clientId = new[] { "azp", "appid", "client_id" }.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (options.Value.Find(clientId) is not { } application)
            return CatalogHttp.Forbidden($"The application '{clientId}' is not registered under Embedding:Applications.");
        if (Invalid(request) is { } problem) return TypedResults.Problem(statusCode: 400, title: "Bad embed token request", detail: problem);
        var formats = new List<string>();
        foreach (var name in request.ExportFormats ?? [])
        {
            if (OutputFormats.Find(name) is not { } format)
                return TypedResults.Problem(statusCode: 400, title: "Bad embed token request", detail: $"exportFormats: '{name}' is not one of {string.Join(", ", OutputFormats.Names)}.");
            formats.Add(format.Name);
        }
        var applicationCaller = new Caller(clientId!, "en-US", [Principal.User(clientId!)]);
        foreach (var id in request.Reports!.Distinct())
        {
            if (await queries.GetByIdAsync(id, cancellationToken) is not { DeletedAt: null, Kind: CatalogItemKind.Report } item
                || !await permissions.CanAsync(applicationCaller, item.Path, ItemTask.View, cancellationToken))
                return CatalogHttp.Forbidden($"The application '{clientId}' may not view the report {id:D} (grant it Browser on the report or its folder).");
        }
        var now = (http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var lifetime = TimeSpan.FromMinutes(request.LifetimeMinutes ?? (int)EmbeddingOptions.MaxTokenLifetime.TotalMinutes);
        var identity = request.Identity!;
        var grant = new EmbedGrant(clientId!, request.Reports!.Distinct().ToList(), formats.Distinct().ToList(),
            request.Parameters ?? [], identity.UserName!.Trim(), identity.Roles ?? [], identity.CustomData,
            application.Origins.Select(o => EmbedOrigins.Normalize(o)!).ToList(), now + lifetime);
        var token = await tokens.IssueAsync(grant, now, cancellationToken);
        var details = JsonSerializer.Serialize(new
        {
            application = clientId, identity = new { userName = grant.UserName, roles = grant.Roles, customData = grant.CustomData is not null },
            reports = grant.Reports, exportFormats = grant.Formats, lockedParameters = grant.Parameters.Keys, lifetimeMinutes = lifetime.TotalMinutes,
        });
        await audit.AppendAsync(http, clientId!, "EmbedTokenIssued", "success", details, cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, grant.Expires));
    }

    private static string? Invalid(TokenRequest request)
    {
        if (request.Reports is not { Length: > 0 and <= 50 }) return "reports: give 1 to 50 report ids.";
        if (request.Identity is not { UserName: { } name } identity || string.IsNullOrWhiteSpace(name) || name.Length > 256 || name.Any(char.IsControl))
            return "identity.userName: give the effective user's name (1 to 256 characters).";
        if ((identity.Roles ?? []).Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 256) || (identity.Roles?.Length ?? 0) > 100) return "identity.roles: at most 100 non-empty names.";
        if (identity.CustomData is { Length: > 4096 }) return "identity.customData: at most 4096 characters.";
        if (request.LifetimeMinutes is { } minutes && (minutes < 1 || minutes > EmbeddingOptions.MaxTokenLifetime.TotalMinutes))
            return $"lifetimeMinutes: between 1 and {EmbeddingOptions.MaxTokenLifetime.TotalMinutes} (the default).";
        if ((request.Parameters ?? []).Any(p => string.IsNullOrWhiteSpace(p.Key) || p.Value is null)) return "parameters: each name needs a list of values.";
        return null;
    }
}
