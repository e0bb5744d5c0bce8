using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Catalog;

/// <summary>
/// Image resources of the catalog as a render needs them: items of kind Resource whose content type is <c>image/*</c>,
/// their current version's bytes. Without <see cref="CatalogQueries"/> (the command line) there are none.
/// </summary>
public sealed class CatalogResourceImages(CatalogQueries? queries)
{
    /// <summary>Most items of a folder looked at for its images.</summary>
    public const int MaxFolderItems = CatalogQueries.MaxPageSize;

    /// <summary>The image resource at <paramref name="path"/>, or null when there is none (or it is not an image).</summary>
    public async Task<CatalogItem?> FindAsync(CatalogPath path, CancellationToken cancellationToken = default) =>
        queries is not null && await queries.GetAsync(path, cancellationToken).ConfigureAwait(false) is { } item && IsImage(item) ? item : null;

    /// <summary>The image resources directly in <paramref name="folder"/>, by name.</summary>
    public async Task<IReadOnlyList<CatalogItem>> InFolderAsync(CatalogPath folder, CancellationToken cancellationToken = default) =>
        queries is null ? [] : (await queries.ChildrenAsync(folder, 0, MaxFolderItems, cancellationToken).ConfigureAwait(false)).Where(IsImage).ToList();

    public async Task<byte[]?> ContentAsync(CatalogItem item, CancellationToken cancellationToken = default) =>
        queries is null ? null : await queries.ContentAsync(item, cancellationToken: cancellationToken).ConfigureAwait(false);

    private static bool IsImage(CatalogItem item) =>
        item.Kind == CatalogItemKind.Resource && item.ContentType is { } type && type.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
}
