namespace Renderer.Host.Catalog.Items;

/// <summary>
/// How a publish treats an existing item: a plain publish never replaces one (<see cref="Overwrite"/> or a matching
/// <see cref="IfMatchRowVersion"/> is required), so two editors never silently overwrite each other.
/// </summary>
public sealed record PublishOptions
{
    public bool Overwrite { get; init; }

    /// <summary>The row version (ETag) the caller last read; a different current one refuses the publish (412).</summary>
    public long? IfMatchRowVersion { get; init; }

    public string? Comment { get; init; }

    public string? Description { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Kind-specific metadata as JSON (a data source's provider and credential entry, a dataset's query).</summary>
    public string? Properties { get; init; }

    /// <summary>Marks the item read-only (the seeded samples).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// The new version's report parameters (name, data type). Server-side parameter settings are kept for those whose
    /// name and type still match and dropped for the others, as SSRS does when a report is republished.
    /// </summary>
    public IReadOnlyCollection<(string Name, string DataType)>? Parameters { get; init; }

    /// <summary>Lets the server itself update read-only items (seeding new sample versions).</summary>
    internal bool BypassReadOnly { get; init; }
}

/// <summary>The item after a publish, the version number written, and whether the item was created by it.</summary>
public sealed record PublishedVersion(CatalogItem Item, int Version, bool Created, bool Unchanged = false);
