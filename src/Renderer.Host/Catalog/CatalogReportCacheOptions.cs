using Microsoft.Extensions.Options;

namespace Renderer.Host.Catalog;

/// <summary>
/// Bounds of <see cref="CatalogReports"/>' cache of read and compiled catalog reports (section <c>Catalog:ReportCache</c>),
/// checked at start. Entries are keyed by item id and version, so a new version is never served from an old entry.
/// </summary>
public sealed class CatalogReportCacheOptions
{
    public const string SectionName = "Catalog:ReportCache";

    /// <summary>Most report versions kept read and compiled; past it a loaded report is not kept (and older ones are compacted away).</summary>
    public int MaxEntries { get; set; } = 256;

    /// <summary>How long an entry may go unused before it is dropped.</summary>
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Stops start-up on a report-cache bound that would keep nothing, naming the setting.</summary>
public sealed class CatalogReportCacheOptionsValidator : IValidateOptions<CatalogReportCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogReportCacheOptions options)
    {
        var failures = new List<string>();
        if (options.MaxEntries is < 1 or > 1_000_000)
            failures.Add($"{CatalogReportCacheOptions.SectionName}:MaxEntries is {options.MaxEntries}; use 1 to 1000000.");
        if (options.MaxIdle < TimeSpan.FromSeconds(1))
            failures.Add($"{CatalogReportCacheOptions.SectionName}:MaxIdle is {options.MaxIdle}; use a time span of at least a second, such as 01:00:00.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
