using System.Text.Json;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Catalog;

/// <summary>One item in an export's <c>catalog.json</c>: its path, type, metadata and (for content items) the file holding its current version.</summary>
public sealed record ExportedItem(string Path, string Type, string? Description, string? ContentType, string? Properties, string? File);

/// <summary>
/// Copies a catalog folder tree to a directory (<c>catalog.json</c> plus one file per report, resource, data source and
/// dataset, under their paths) and back, for backups and for moving reports between servers. Secrets are not exported:
/// data sources name the broker-registered source they use.
/// </summary>
public sealed class CatalogTransfer(CatalogQueries queries, CatalogPublisher publisher)
{
    public const string ManifestName = "catalog.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<int> ExportAsync(CatalogPath from, string directory, CancellationToken cancellationToken = default)
    {
        if (!from.IsRoot && await queries.GetAsync(from, cancellationToken).ConfigureAwait(false) is not { Kind: CatalogItemKind.Folder })
            throw new InvalidOperationException($"There is no folder '{from}' in the catalog.");
        var items = new List<ExportedItem>();
        await ExportTree(from, directory, items, from, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, ManifestName), JsonSerializer.Serialize(items, Json), cancellationToken).ConfigureAwait(false);
        return items.Count;
    }

    /// <summary>Publishes every item of an export under <paramref name="to"/>; existing items get a new version only with <paramref name="overwrite"/>.</summary>
    public async Task<(int Imported, IReadOnlyList<string> Refused)> ImportAsync(string directory, CatalogPath to, bool overwrite, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        var manifest = JsonSerializer.Deserialize<List<ExportedItem>>(await File.ReadAllTextAsync(Path.Combine(directory, ManifestName), cancellationToken).ConfigureAwait(false))
            ?? throw new InvalidOperationException($"{ManifestName} is empty.");
        var root = Path.GetFullPath(directory);
        var refused = new List<string>();
        var imported = 0;
        if (!to.IsRoot && await publisher.EnsureFolderAsync(to, actor, cancellationToken).ConfigureAwait(false) is { Success: false } folderError) return (0, [folderError.Error!.Message]);
        foreach (var item in manifest.OrderBy(i => i.Path.Count(c => c == '/')))
        {
            if (!CatalogPath.TryParse(item.Path, out var relative, out var error) || !Enum.TryParse<CatalogItemKind>(item.Type, out var kind)) { refused.Add($"{item.Path}: {error}"); continue; }
            var target = CatalogPath.Parse(to.IsRoot ? relative.Value.Value : to.Value + relative.Value.Value);
            if (kind == CatalogItemKind.Folder)
            {
                var folder = await publisher.EnsureFolderAsync(target, actor, cancellationToken).ConfigureAwait(false);
                if (folder.Success) imported++;
                else refused.Add($"{target}: {folder.Error!.Message}");
                continue;
            }
            var file = Path.GetFullPath(Path.Combine(root, item.File ?? string.Empty));
            if (item.File is null || !file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file)) { refused.Add($"{target}: its file is missing or outside the export."); continue; }
            var options = new PublishOptions { Overwrite = overwrite, Description = item.Description, ContentType = item.ContentType, Properties = item.Properties, Comment = "Imported" };
            var result = await publisher.PublishAsync(target, kind, await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), options, actor, cancellationToken).ConfigureAwait(false);
            if (result.Success) imported++;
            else refused.Add($"{target}: {result.Error!.Message}");
        }
        return (imported, refused);
    }

    private async Task ExportTree(CatalogPath folder, string directory, List<ExportedItem> items, CatalogPath exportRoot, CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += CatalogQueries.MaxPageSize)
        {
            var children = await queries.ChildrenAsync(folder, skip, CatalogQueries.MaxPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var child in children)
            {
                var relative = exportRoot.IsRoot ? child.Path.Value : child.Path.Value[exportRoot.Value.Length..];
                if (child.Kind == CatalogItemKind.Folder)
                {
                    items.Add(new ExportedItem(relative, "Folder", child.Description, null, null, null));
                    await ExportTree(child.Path, directory, items, exportRoot, cancellationToken).ConfigureAwait(false);
                }
                else await ExportContent(child, directory, relative, items, cancellationToken).ConfigureAwait(false);
            }
            if (children.Count < CatalogQueries.MaxPageSize) return;
        }
    }

    private async Task ExportContent(CatalogItem item, string directory, string relative, List<ExportedItem> items, CancellationToken cancellationToken)
    {
        var content = await queries.ContentAsync(item, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (content is null) return;
        var extension = item.Kind switch { CatalogItemKind.Report => ".rdl", CatalogItemKind.DataSource => ".rsds.json", CatalogItemKind.DataSet => ".rsd.json", _ => string.Empty };
        var file = "items" + relative + extension;
        var full = Path.Combine(directory, file.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, cancellationToken).ConfigureAwait(false);
        items.Add(new ExportedItem(relative, item.Kind.ToString(), item.Description, item.ContentType, item.Properties, file));
    }
}
