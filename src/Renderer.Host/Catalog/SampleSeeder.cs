using Renderer.Host.Catalog.Items;
using Renderer.Host.Infrastructure;

namespace Renderer.Host.Catalog;

/// <summary>
/// Puts the sample reports into <c>/Samples</c>, read-only. A sample whose file changed (a new server version) gets a
/// new version; an unchanged one adds nothing, so a restart leaves the catalog as it was.
/// </summary>
public sealed class SampleSeeder(RendererPaths paths, CatalogPublisher publisher, ILogger<SampleSeeder> logger)
{
    public static CatalogPath Folder { get; } = CatalogPath.Parse("/Samples");

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(paths.SamplesFolder)) return 0;
        var folder = await publisher.EnsureFolderAsync(Folder, CatalogActor.System, cancellationToken).ConfigureAwait(false);
        if (!folder.Success) throw new InvalidOperationException($"The samples folder could not be created: {folder.Error!.Message}");
        var published = 0;
        foreach (var file in Directory.EnumerateFiles(paths.SamplesFolder).Where(IsReport).Order(StringComparer.Ordinal))
        {
            var path = Folder.Child(Path.GetFileNameWithoutExtension(file));
            var options = new PublishOptions { ReadOnly = true, BypassReadOnly = true, Overwrite = true, Comment = "Sample report shipped with the server", ContentType = "application/xml" };
            var result = await publisher.PublishAsync(path, CatalogItemKind.Report, await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), options, CatalogActor.System, cancellationToken).ConfigureAwait(false);
            if (!result.Success) logger.LogWarning("Sample {File} was not seeded: {Error}", file, result.Error!.Message);
            else if (!result.Value!.Unchanged) published++;
        }
        if (published > 0) logger.LogInformation("Seeded {Count} sample report version(s) into {Folder}", published, Folder);
        return published;
    }

    private static bool IsReport(string file) =>
        file.EndsWith(".rdl", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".rdlc", StringComparison.OrdinalIgnoreCase);
}
