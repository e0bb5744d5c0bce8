using System.Collections.Immutable;
using Microsoft.Extensions.Caching.Memory;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Expressions;

namespace Renderer.Host.Catalog;

/// <summary>
/// Reports as the renderer needs them: read and compiled from a catalog item's current version. Entries are kept in a
/// bounded cache keyed by item id and version (<see cref="CatalogReportCacheOptions"/>: at most MaxEntries, dropped after
/// MaxIdle unused), so a new version is never served from an old entry. Without <see cref="CatalogQueries"/> (the
/// command line) it only validates.
/// </summary>
public sealed class CatalogReports(
    CatalogQueries? queries,
    CompilationCache compiler,
    DataBroker.Connectors.DataSourceResolver? dataSources = null,
    Microsoft.Extensions.Options.IOptions<CatalogReportCacheOptions>? cacheOptions = null) : IDisposable
{
    private readonly CatalogReportCacheOptions _options = cacheOptions?.Value ?? new CatalogReportCacheOptions();
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = (cacheOptions?.Value ?? new CatalogReportCacheOptions()).MaxEntries });

    /// <summary>The catalog's image resources (External Image items of catalog reports show them).</summary>
    public CatalogResourceImages Images { get; } = new(queries);

    /// <summary>Report versions held now.</summary>
    public int Count => _cache.Count;

    /// <summary>
    /// Reads and compiles RDL bytes; the diagnostics say why a report is refused. With a <paramref name="catalogPath"/>,
    /// a data source the server restricts to other reports (AllowedReports) refuses it too (DAT6040).
    /// </summary>
    public async Task<CatalogResult> ValidateAsync(byte[] bytes, string fileName, string? catalogPath = null)
    {
        var read = RdlReader.Read(bytes, fileName);
        if (!read.Success || read.Report is null) return new CatalogResult(false, null, read.Diagnostics);
        if (catalogPath is not null && dataSources is not null)
        {
            var denied = dataSources.Restricted(read.Report with { Name = catalogPath });
            if (!denied.IsEmpty) return new CatalogResult(false, null, read.Diagnostics.AddRange(denied));
        }
        var compiled = await compiler.GetOrCompileAsync(bytes, read.Report, fileName).ConfigureAwait(false);
        var diagnostics = read.Diagnostics.AddRange(compiled.Diagnostics);
        if (!compiled.Success) return new CatalogResult(false, null, diagnostics);
        var name = Path.GetFileNameWithoutExtension(fileName);
        return new CatalogResult(true, new CatalogEntry(name, fileName, bytes, read.Report with { Name = name }, diagnostics, DateTimeOffset.UtcNow) { CatalogPath = catalogPath }, diagnostics);
    }

    /// <summary>The current version of report <paramref name="item"/>, read and compiled; null when it is not a report or has no content.</summary>
    public async Task<CatalogResult?> LoadAsync(CatalogItem item, CancellationToken cancellationToken = default)
    {
        if (item.Kind != CatalogItemKind.Report || queries is null) return null;
        var key = (item.Id, item.CurrentVersion);
        if (_cache.TryGetValue(key, out CatalogResult? cached)) return cached;
        if (await queries.ContentAsync(item, cancellationToken: cancellationToken).ConfigureAwait(false) is not { } content) return null;
        var result = await ValidateAsync(content, item.Name + ".rdl", item.Path.Value).ConfigureAwait(false);
        _cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _options.MaxIdle });
        return result;
    }

    /// <summary>The current version of report <paramref name="item"/>, read but not compiled (for lists); null when it has no content.</summary>
    public async Task<RdlReadResult?> ReadAsync(CatalogItem item, CancellationToken cancellationToken = default)
    {
        if (item.Kind != CatalogItemKind.Report || queries is null) return null;
        if (_cache.TryGetValue((item.Id, item.CurrentVersion), out CatalogResult? cached) && cached is { Entry: { } entry })
            return new RdlReadResult(entry.Definition, entry.Diagnostics);
        return await queries.ContentAsync(item, cancellationToken: cancellationToken).ConfigureAwait(false) is { } content ? RdlReader.Read(content, item.Name + ".rdl") : null;
    }

    /// <summary>
    /// A subreport named as SSRS does: a path relative to the parent report's folder (<c>Detail</c>, <c>../Shared/Detail</c>)
    /// or absolute (<c>/Sales/Detail</c>).
    /// </summary>
    public async Task<CatalogEntry?> ResolveSubreportAsync(CatalogPath parent, string reportName, CancellationToken cancellationToken = default)
    {
        var path = Relative(parent.Parent, reportName);
        if (path is null || queries is null || await queries.GetAsync(path.Value, cancellationToken).ConfigureAwait(false) is not { Kind: CatalogItemKind.Report } item) return null;
        var loaded = await LoadAsync(item, cancellationToken).ConfigureAwait(false);
        return loaded is { Success: true } ? loaded.Entry : null;
    }

    public void Dispose() => _cache.Dispose();

    private static CatalogPath? Relative(CatalogPath folder, string name)
    {
        var segments = name.StartsWith('/') ? new List<string>() : folder.IsRoot ? [] : folder.Value[1..].Split('/').ToList();
        foreach (var part in name.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..") { if (segments.Count == 0) return null; segments.RemoveAt(segments.Count - 1); }
            else if (part != ".") segments.Add(part);
        }
        return CatalogPath.TryParse("/" + string.Join('/', segments), out var path, out _) ? path : null;
    }
}
