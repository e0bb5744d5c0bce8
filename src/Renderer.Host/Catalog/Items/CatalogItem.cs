namespace Renderer.Host.Catalog.Items;

/// <summary>The kinds of catalog items, named as in SSRS's REST API.</summary>
public enum CatalogItemKind
{
    Folder,
    Report,
    DataSource,
    DataSet,
    Resource,
}

/// <summary>Who performs a catalog operation, and from where; every write records it.</summary>
public sealed record CatalogActor(string UserName, string? ClientAddress = null)
{
    public static CatalogActor System { get; } = new("system");
}

/// <summary>
/// One item of the catalog tree. <see cref="RowVersion"/> changes on every write and is the item's ETag;
/// <see cref="CurrentVersion"/> is the number of its latest content version (0 for folders).
/// </summary>
public sealed record CatalogItem(
    Guid Id,
    CatalogItemKind Kind,
    CatalogPath Path,
    string? Description,
    bool ReadOnly,
    string? ContentType,
    string? Properties,
    int CurrentVersion,
    long RowVersion,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string ModifiedBy,
    DateTimeOffset ModifiedAt,
    DateTimeOffset? DeletedAt)
{
    public string Name => Path.Name;

    /// <summary>A strong entity tag for HTTP: it changes whenever the item does.</summary>
    public string ETag => $"\"{Id:N}-{RowVersion}\"";
}

/// <summary>One stored version of an item's content.</summary>
public sealed record ItemVersion(int Version, string ContentHash, long Size, string CreatedBy, DateTimeOffset CreatedAt, string? Comment);
