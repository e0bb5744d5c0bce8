using Rdl.Model.Diagnostics;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Permissions;
using Renderer.Host.Viewer.Sessions;

namespace Renderer.Host.Security.Embedding;

/// <summary>
/// The viewer's checks for a caller with an embed grant: the report is one the token names and the application may
/// still view, the parameters the token locks are not given other values (and are forced), and an export is in a
/// format the token grants.
/// </summary>
public static class EmbedViewerGuard
{
    /// <summary>Null when the grant lets the caller open <paramref name="item"/>; else 403.</summary>
    public static async Task<IResult?> RefuseOpenAsync(EmbedGrant grant, CatalogItem item, PermissionChecker permissions, CancellationToken cancellationToken) =>
        !grant.Allows(item.Id) || !await permissions.CanAsync(grant.ApplicationCaller, item.Path, ItemTask.View, cancellationToken).ConfigureAwait(false)
            ? EmbedScope.Forbidden(DiagnosticCodes.Server.EmbedOutOfScope, "The embed token does not grant this report.")
            : null;

    /// <summary>
    /// The request's parameters with the locked ones set to the token's values; null (with the refusal) when the request
    /// gives a locked parameter another value.
    /// </summary>
    public static (List<KeyValuePair<string, string?[]>>? Parameters, IResult? Refusal) Lock(EmbedGrant grant, IReadOnlyList<KeyValuePair<string, string?[]>> requested)
    {
        foreach (var (name, values) in requested)
            if (grant.Parameters.TryGetValue(name, out var locked) && !locked.SequenceEqual(values, StringComparer.Ordinal))
                return (null, EmbedScope.Forbidden(DiagnosticCodes.Server.EmbedParameterLocked, $"The embed token locks the parameter '{name}'."));
        var result = requested.Where(p => !grant.Parameters.ContainsKey(p.Key)).ToList();
        result.AddRange(grant.Parameters.Select(p => KeyValuePair.Create(p.Key, p.Value)));
        return (result, null);
    }

    /// <summary>Whether the session was opened under what this grant allows (its report, and the token's locked values).</summary>
    public static bool Covers(EmbedGrant grant, ViewerSession session) =>
        grant.Allows(session.Item.Id) && grant.Parameters.All(l => session.Parameters.Any(p => string.Equals(p.Key, l.Key, StringComparison.OrdinalIgnoreCase) && p.Value.SequenceEqual(l.Value, StringComparer.Ordinal)));

    public static IResult? RefuseExport(Caller caller, string format) =>
        caller.Embed is { } grant && !grant.AllowsExport(format)
            ? EmbedScope.Forbidden(DiagnosticCodes.Server.EmbedOutOfScope, $"The embed token does not grant export to {format}.")
            : null;

    /// <summary>Whose sessions these are: an embed caller's are kept apart from a signed-in user of the same name.</summary>
    public static string SessionOwner(Caller caller) => caller.Embed is { } grant ? $"\u0001embed\u0001{grant.Application}\u0001{caller.UserId}" : caller.UserId;
}
