using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox;

namespace Renderer.Host.Rendering;

/// <summary>The external images a render carries, and the warnings about those left out.</summary>
public sealed record PreparedExternalImages(IReadOnlyList<ExternalImage> Images, string Folder, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    public static PreparedExternalImages None { get; } = new([], "/", []);
}

/// <summary>
/// Finds, on the trusted side, the images the External Image items of a report (and of its subreports) name, so the
/// sandbox can draw them without fetching anything: a constant value is resolved (<see cref="ExternalImagePath"/>, from
/// the source's folder) and looked up; when any value is an expression, the images of the report's own folder are
/// passed too, as many as the bounds allow. All together at most <see cref="ExternalImageLimits.MaxCount"/> images and
/// <see cref="ExternalImageLimits.MaxTotalBytes"/> bytes; a constant image beyond them is left out with PRC4024.
/// Values that are URLs or leave the root are not looked up (the sandbox refuses them with PRC4020).
/// </summary>
public static class ExternalImageResolver
{
    public static PreparedExternalImages Prepare(IEnumerable<ReportDefinition> reports, IExternalImageSource source)
    {
        var items = reports.SelectMany(ImagesIn).Where(i => i.Source == ImageSource.External).ToList();
        if (items.Count == 0) return PreparedExternalImages.None with { Folder = source.Folder };
        var chosen = new Bounded();
        var diagnostics = ImmutableArray.CreateBuilder<RdlDiagnostic>();
        foreach (var item in items.Where(i => !i.Value.IsExpression))
        {
            if (ExternalImagePath.Resolve(source.Folder, item.Value.Raw, out _) is not { } path || chosen.Has(path)) continue;
            if (source.Find(path) is not { } image || chosen.TryAdd(image)) continue;
            diagnostics.Add(RdlDiagnostic.Warning(DiagnosticCodes.Processing.ExternalImageMissing,
                $"External image '{ExternalImagePath.Shown(item.Value.Raw)}' of {item.Describe()} is left out: a render carries at most {ExternalImageLimits.MaxCount} external images of {ExternalImageLimits.MaxTotalBytes / (1024 * 1024)} MiB in all.",
                item.Value.Location, item.Describe(), item.Value.Raw));
        }
        if (items.Any(i => i.Value.IsExpression))
        {
            foreach (var image in source.InFolder())
            {
                if (chosen.Full) break;
                if (!chosen.Has(image.Path)) chosen.TryAdd(image);
            }
        }
        return new PreparedExternalImages(chosen.Images, source.Folder, diagnostics.ToImmutable());
    }

    /// <summary>Every Image item of a report: body, page header/footer, rectangles and tablix cells, headers and corners.</summary>
    public static IEnumerable<ImageItem> ImagesIn(ReportDefinition report) => ReportScopes.ItemsOf<ImageItem>(report);

    /// <summary>The images chosen so far, within the bounds.</summary>
    private sealed class Bounded
    {
        private readonly HashSet<string> _paths = new(StringComparer.OrdinalIgnoreCase);
        private long _bytes;

        public List<ExternalImage> Images { get; } = [];

        public bool Full => Images.Count >= ExternalImageLimits.MaxCount || _bytes >= ExternalImageLimits.MaxTotalBytes;

        public bool Has(string path) => _paths.Contains(path);

        public bool TryAdd(ExternalImage image)
        {
            if (Images.Count >= ExternalImageLimits.MaxCount || _bytes + image.Bytes.Length > ExternalImageLimits.MaxTotalBytes) return false;
            _paths.Add(image.Path);
            _bytes += image.Bytes.Length;
            Images.Add(image);
            return true;
        }
    }
}
