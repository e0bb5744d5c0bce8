using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Items;
using Renderer.Sandbox;

namespace Renderer.Host.Rendering;

/// <summary>
/// Where a render finds the images its External Image items name (<see cref="ExternalImagePath"/>: catalog paths,
/// absolute or relative to <see cref="Folder"/>). Nothing here fetches a URL.
/// </summary>
public interface IExternalImageSource
{
    /// <summary>The folder relative values resolve from (absolute, <c>/</c> for the root).</summary>
    string Folder { get; }

    /// <summary>The image at the resolved absolute <paramref name="path"/>, or null (absent, not an image, not viewable).</summary>
    ExternalImage? Find(string path);

    /// <summary>The images directly in <see cref="Folder"/> (for values that are expressions), by name, read as enumerated.</summary>
    IEnumerable<ExternalImage> InFolder();
}

/// <summary>No external images: every External Image item draws nothing, with a warning.</summary>
public sealed class NoExternalImages : IExternalImageSource
{
    public static NoExternalImages Instance { get; } = new();

    public string Folder => "/";

    public ExternalImage? Find(string path) => null;

    public IEnumerable<ExternalImage> InFolder() => [];
}

/// <summary>
/// Image resources of the catalog (kind Resource, content type image/*) for a report in <paramref name="folder"/>: only
/// those <paramref name="mayView"/> allows (an image the caller may not view is as absent as one that does not exist, as
/// for subreports). Lookups run while the render is prepared; they wait for the database synchronously.
/// </summary>
public sealed class CatalogFolderImages(CatalogResourceImages images, CatalogPath folder, Func<CatalogPath, bool>? mayView = null) : IExternalImageSource
{
    public string Folder => folder.Value;

    public ExternalImage? Find(string path)
    {
        if (!CatalogPath.TryParse(path, out var parsed, out _) || !Viewable(parsed.Value)) return null;
        return images.FindAsync(parsed.Value).GetAwaiter().GetResult() is { } item ? Read(item) : null;
    }

    public IEnumerable<ExternalImage> InFolder()
    {
        foreach (var item in images.InFolderAsync(folder).GetAwaiter().GetResult())
            if (Viewable(item.Path) && Read(item) is { } image) yield return image;
    }

    private bool Viewable(CatalogPath path) => mayView is null || mayView(path);

    private ExternalImage? Read(CatalogItem item) =>
        images.ContentAsync(item).GetAwaiter().GetResult() is { Length: > 0 } bytes ? new ExternalImage(item.Path.Value, bytes) : null;
}

/// <summary>
/// Images as files in the folder of an RDL file rendered on the command line, which acts as the root: <c>logo.png</c>
/// and <c>/logo.png</c> are the file beside the report, <c>img/logo.png</c> one below it, and nothing outside that folder
/// is ever read (a <c>..</c> that leaves it is refused before this is asked, a link that points out of it is not
/// followed). Only files named as pictures (.png, .jpg, .jpeg, .gif, .bmp, .webp) are read.
/// </summary>
public sealed class FileFolderImages(string directory) : IExternalImageSource
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"];
    private readonly string _root = Path.GetFullPath(directory);

    public string Folder => "/";

    public ExternalImage? Find(string path)
    {
        if (!ExternalImagePath.IsResolved(path)) return null;
        var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        return Read(path, file);
    }

    public IEnumerable<ExternalImage> InFolder()
    {
        var files = Directory.Exists(_root) ? Directory.GetFiles(_root).Order(StringComparer.Ordinal).ToList() : [];
        foreach (var file in files)
            if (Read("/" + Path.GetFileName(file), file) is { } image) yield return image;
    }

    private ExternalImage? Read(string path, string file)
    {
        if (!Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase) || !Inside(file)) return null;
        var info = new FileInfo(file);
        if (!info.Exists || info.LinkTarget is not null || info.Length is 0 or > ExternalImageLimits.MaxTotalBytes) return null;
        return new ExternalImage(path, File.ReadAllBytes(file));
    }

    /// <summary>The file lies below the root, and no folder on the way is a link.</summary>
    private bool Inside(string file)
    {
        if (!file.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return false;
        for (var dir = Path.GetDirectoryName(file); dir is not null && dir.Length > _root.Length; dir = Path.GetDirectoryName(dir))
            if (new DirectoryInfo(dir).LinkTarget is not null) return false;
        return true;
    }
}
