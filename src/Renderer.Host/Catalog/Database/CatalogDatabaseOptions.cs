using Microsoft.Extensions.Options;

namespace Renderer.Host.Catalog.Database;

/// <summary>Which database holds the catalog (section <c>Catalog</c>): an embedded SQLite file by default, PostgreSQL when several hosts share it.</summary>
public sealed class CatalogDatabaseOptions
{
    public const string SectionName = "Catalog";

    /// <summary><c>sqlite</c> (default) or <c>postgresql</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The connection string; for SQLite the default is <c>Data Source={DataFolder}/catalog.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a deleted item can be restored before it is purged.</summary>
    public int DeletedRetentionDays { get; set; } = 30;

    /// <summary>How long execution-log rows are kept (SSRS's default is 60 days).</summary>
    public int ExecutionLogRetentionDays { get; set; } = 60;

    /// <summary>The folder where reports uploaded through the flat <c>/api/reports</c> API are published.</summary>
    public string LegacyUploadFolder { get; set; } = "/Uploads";

    internal CatalogProvider ParsedProvider => Provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => CatalogProvider.Sqlite,
        "postgresql" or "postgres" or "npgsql" => CatalogProvider.PostgreSql,
        _ => throw new InvalidOperationException($"Catalog:Provider '{Provider}' is not supported."),
    };
}

public enum CatalogProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Stops start-up on a catalog setting that cannot work, naming it.</summary>
public sealed class CatalogDatabaseOptionsValidator : IValidateOptions<CatalogDatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogDatabaseOptions options)
    {
        var failures = new List<string>();
        if (options.Provider.Trim().ToLowerInvariant() is not ("sqlite" or "postgresql" or "postgres" or "npgsql"))
            failures.Add($"Catalog:Provider is '{options.Provider}'; use 'sqlite' or 'postgresql'.");
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add("Catalog:ConnectionString is empty.");
        if (options.ExecutionLogRetentionDays is < 1 or > 3650)
            failures.Add($"Catalog:ExecutionLogRetentionDays is {options.ExecutionLogRetentionDays}; use 1 to 3650.");
        if (options.DeletedRetentionDays is < 0 or > 3650)
            failures.Add($"Catalog:DeletedRetentionDays is {options.DeletedRetentionDays}; use 0 to 3650.");
        if (!Items.CatalogPath.TryParse(options.LegacyUploadFolder, out var uploads, out var pathError))
            failures.Add($"Catalog:LegacyUploadFolder is '{options.LegacyUploadFolder}': {pathError}");
        else if (uploads.Value.IsRoot || uploads.Value.Key == SampleSeeder.Folder.Key || uploads.Value.IsBelow(SampleSeeder.Folder))
            failures.Add($"Catalog:LegacyUploadFolder is '{options.LegacyUploadFolder}'; use a folder other than the root and {SampleSeeder.Folder}, such as /Uploads.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
