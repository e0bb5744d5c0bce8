using System.Security.Claims;
using System.Text.Json;
using Renderer.Host.Security.Identity;

namespace Renderer.Host.Security.Embedding;

/// <summary>
/// What one embed token grants, and nothing more: the application it was issued to, the reports (catalog ids), the
/// export formats (none: view only), the parameter values it locks, the effective identity whose rows the reports
/// show (user name, row-level security roles, custom data), the origins whose pages may use it, and its expiry.
/// </summary>
public sealed record EmbedGrant(
    string Application,
    IReadOnlyList<Guid> Reports,
    IReadOnlyList<string> Formats,
    IReadOnlyDictionary<string, string?[]> Parameters,
    string UserName,
    IReadOnlyList<string> Roles,
    string? CustomData,
    IReadOnlyList<string> Origins,
    DateTimeOffset Expires)
{
    /// <summary>Claim names inside the token (short, as JWT claims are).</summary>
    public static class Claims
    {
        public const string Application = "azp";
        public const string Reports = "rpt";
        public const string Formats = "fmt";
        public const string Parameters = "prm";
        public const string UserName = "sub";
        public const string Roles = "rls";
        public const string CustomData = "cdt";
        public const string Origins = "org";
    }

    /// <summary>The application as a catalog caller (<c>user:&lt;clientId&gt;</c>): whose permissions the grant rests on.</summary>
    public Caller ApplicationCaller => new(Application, "en-US", [Principal.User(Application)]);

    public bool Allows(Guid report) => Reports.Contains(report);

    public bool AllowsExport(string format) => Formats.Contains(format, StringComparer.OrdinalIgnoreCase);

    /// <summary>The claims the token carries for this grant (expiry and the rest are the token's own fields).</summary>
    public Dictionary<string, object> ToClaims()
    {
        var claims = new Dictionary<string, object>
        {
            [Claims.Application] = Application,
            [Claims.Reports] = Reports.Select(r => r.ToString("D")).ToList(),
            [Claims.Formats] = Formats.ToList(),
            [Claims.Parameters] = JsonSerializer.Serialize(Parameters),
            [Claims.UserName] = UserName,
            [Claims.Roles] = Roles.ToList(),
            [Claims.Origins] = Origins.ToList(),
        };
        if (CustomData is not null) claims[Claims.CustomData] = CustomData;
        return claims;
    }

    /// <summary>The grant in a validated token's claims; null when one is missing or malformed.</summary>
    public static EmbedGrant? FromClaims(ClaimsIdentity identity, DateTimeOffset expires)
    {
        string? One(string type) => identity.FindFirst(type)?.Value;
        List<string> All(string type) => identity.FindAll(type).Select(c => c.Value).ToList();
        var application = One(Claims.Application);
        var user = One(Claims.UserName);
        if (string.IsNullOrEmpty(application) || string.IsNullOrEmpty(user)) return null;
        var reports = new List<Guid>();
        foreach (var value in All(Claims.Reports))
        {
            if (!Guid.TryParse(value, out var id)) return null;
            reports.Add(id);
        }
        Dictionary<string, string?[]>? parameters;
        try { parameters = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(One(Claims.Parameters) ?? "{}"); }
        catch (JsonException) { return null; }
        if (parameters is null || reports.Count == 0) return null;
        return new EmbedGrant(application, reports, All(Claims.Formats), new Dictionary<string, string?[]>(parameters, StringComparer.OrdinalIgnoreCase),
            user, All(Claims.Roles), One(Claims.CustomData), All(Claims.Origins), expires);
    }
}
