namespace Renderer.Host.Security.Identity;

/// <summary>A sample user of the built-in provider: sign-in name, display name, language and groups.</summary>
public sealed record DevUser(string Name, string DisplayName, string Language, IReadOnlyList<string> Groups);

/// <summary>
/// The sample users of the built-in development provider, and the permissions a fresh catalog gives them: the
/// administrator is System Administrator and Content Manager of the root; the publisher may view and publish in
/// <c>/Sales</c>; the analyst may only view <c>/Sales</c>.
/// </summary>
public static class DevUsers
{
    public static DevUser Admin { get; } = new("admin", "Ada Admin", "en-US", ["Report Administrators"]);

    public static DevUser Publisher { get; } = new("publisher", "Paul Publisher", "en-GB", ["Sales Publishers"]);

    public static DevUser Analyst { get; } = new("analyst", "Ana Analyst", "de-DE", ["Sales Analysts"]);

    public static IReadOnlyList<DevUser> All { get; } = [Admin, Publisher, Analyst];

    public static DevUser? Find(string? name) => All.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
}
