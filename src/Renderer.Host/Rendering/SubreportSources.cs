using Rdl.Model.Reading;
using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Rendering;

/// <summary>
/// Where a render finds the reports its Subreport items name (each name as <see cref="SubreportNames.Normalize"/> gives it)
/// and, beside them, the images its External Image items name (<see cref="ExternalImages"/>: none unless a source says so).
/// </summary>
public interface ISubreportSource
{
    ResolvedSubreport? Find(string name);

    /// <summary>Where the External Image items of the report and its subreports find their images.</summary>
    IExternalImageSource ExternalImages => NoExternalImages.Instance;
}

/// <summary>No subreports: every Subreport item shows "Error: Subreport could not be shown.".</summary>
public sealed class NoSubreports : ISubreportSource
{
    public static NoSubreports Instance { get; } = new();

    public ResolvedSubreport? Find(string name) => null;
}

/// <summary>Subreports as files beside the report (<c>name.rdl</c> or <c>name.rdlc</c>): what the command line renders with.</summary>
public sealed class FolderSubreports(string folder) : ISubreportSource
{
    /// <summary>Images as files in the report's folder, which is their root (<see cref="FileFolderImages"/>).</summary>
    public IExternalImageSource ExternalImages { get; } = new FileFolderImages(folder);

    public ResolvedSubreport? Find(string name)
    {
        if (name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..") return null;
        foreach (var extension in new[] { ".rdl", ".rdlc" })
        {
            var file = Path.Combine(folder, name + extension);
            if (!File.Exists(file)) continue;
            var bytes = File.ReadAllBytes(file);
            var read = RdlReader.Read(bytes, Path.GetFileName(file));
            return read.Success && read.Report is { } report ? new ResolvedSubreport(name, Path.GetFileName(file), bytes, report with { Name = name }) : null;
        }
        return null;
    }
}

/// <summary>
/// Subreports from the catalog database, in the folder of the report being rendered (SSRS resolves a subreport's name
/// relative to its parent report). Lookups run while the render is prepared; they wait for the database synchronously.
/// </summary>
public sealed class CatalogFolderSubreports(CatalogReports reports, CatalogPath parent, Func<CatalogPath, bool>? mayView = null) : ISubreportSource
{
    /// <summary>The catalog's image resources, relative to the report's folder, that the caller may view.</summary>
    public IExternalImageSource ExternalImages { get; } = new CatalogFolderImages(reports.Images, parent.Parent, mayView);

    /// <summary>The subreports beside <paramref name="parent"/> that <paramref name="caller"/> may view (the others are absent).</summary>
    public static CatalogFolderSubreports ViewableBy(CatalogReports reports, CatalogPath parent, Security.Permissions.PermissionChecker permissions, Security.Identity.Caller caller) =>
        new(reports, parent, path => permissions.CanAsync(caller, path, Security.Permissions.ItemTask.View).GetAwaiter().GetResult());

    public ResolvedSubreport? Find(string name)
    {
        var entry = reports.ResolveSubreportAsync(parent, name).GetAwaiter().GetResult();
        // A subreport the caller may not view is as absent as one that does not exist (as in SSRS, which checks it too).
        if (entry?.CatalogPath is { } path && mayView is not null && CatalogPath.TryParse(path, out var parsed, out _) && !mayView(parsed.Value)) return null;
        // The broker checks the subreport's data sources against its catalog path, as for any catalog report.
        return entry is null ? null : new ResolvedSubreport(entry.Name, entry.FileName, entry.Bytes, entry.Definition with { Name = entry.CatalogPath ?? entry.Name });
    }
}

/// <summary>
/// Subreports of a report rendered through <c>/api/reports</c>: in the report's folder first, as for any catalog report,
/// and a plain name not found there as the flat API names reports (the sample, else the upload), so an upload can still
/// use a sample as its subreport.
/// </summary>
public sealed class LegacySubreports(CatalogReports reports, LegacyReports legacy, CatalogPath parent) : ISubreportSource
{
    private readonly CatalogFolderSubreports _folder = new(reports, parent);

    public IExternalImageSource ExternalImages => _folder.ExternalImages;

    public ResolvedSubreport? Find(string name)
    {
        if (_folder.Find(name) is { } found) return found;
        if (name.Contains('/', StringComparison.Ordinal) || legacy.FindAsync(name).GetAwaiter().GetResult() is not { } item) return null;
        var loaded = reports.LoadAsync(item).GetAwaiter().GetResult();
        return loaded is { Success: true, Entry: { } entry }
            ? new ResolvedSubreport(entry.Name, entry.FileName, entry.Bytes, entry.Definition with { Name = entry.CatalogPath ?? entry.Name })
            : null;
    }
}
