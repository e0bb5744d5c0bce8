using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Api.V2;

/// <summary>A catalog item as the REST API returns it, with SSRS's property names.</summary>
public sealed record CatalogItemJson(
    Guid Id,
    string Name,
    string Path,
    string Type,
    string? Description,
    bool IsReadOnly,
    string? ContentType,
    int Version,
    string CreatedBy,
    DateTimeOffset CreationDate,
    string ModifiedBy,
    DateTimeOffset ModifiedDate,
    DateTimeOffset? DeletedDate,
    string ETag)
{
    public static CatalogItemJson From(CatalogItem item) => new(
        item.Id, item.Name, item.Path.Value, item.Kind.ToString(), item.Description, item.ReadOnly, item.ContentType, item.CurrentVersion,
        item.CreatedBy, item.CreatedAt, item.ModifiedBy, item.ModifiedAt, item.DeletedAt, item.ETag);
}

/// <summary>A page of items: <c>value</c> as in SSRS's OData answers, and the <c>$skip</c> of the next page when there may be one.</summary>
public sealed record CatalogPage<T>(IReadOnlyList<T> Value, int? NextSkip);

public sealed record ItemVersionJson(int Version, string ContentHash, long Size, string CreatedBy, DateTimeOffset CreationDate, string? Comment)
{
    public static ItemVersionJson From(ItemVersion v) => new(v.Version, v.ContentHash, v.Size, v.CreatedBy, v.CreatedAt, v.Comment);
}

/// <summary>Body of <c>POST Folders</c>.</summary>
public sealed record FolderRequest(string Path, string? Description);

/// <summary>Body of <c>PATCH CatalogItems({id})</c>: a new name, a new path (move), or both absent.</summary>
public sealed record CatalogItemPatch(string? Name, string? Path);
