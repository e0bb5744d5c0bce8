namespace Renderer.Sandbox.Processing;

/// <summary>
/// The external images the host passed with the render (<see cref="RenderInput.ExternalImages"/>), found by the value of an
/// External Image item resolved from <see cref="RenderInput.ImageFolder"/> as <see cref="ExternalImagePath"/> says.
/// Nothing is fetched: a value that names none of them finds nothing.
/// </summary>
internal sealed class ExternalImageLibrary
{
    private readonly Dictionary<string, byte[]> _images;
    private readonly string _folder;

    private ExternalImageLibrary(string folder, IEnumerable<ExternalImage> images)
    {
        _folder = folder;
        _images = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var image in images) _images.TryAdd(image.Path, image.Bytes);
    }

    public static ExternalImageLibrary Empty { get; } = new("/", []);

    public static ExternalImageLibrary From(RenderInput input) =>
        input.ExternalImages.Count == 0 && input.ImageFolder == "/" ? Empty : new(input.ImageFolder, input.ExternalImages);

    /// <summary>The bytes <paramref name="value"/> names; null with <paramref name="path"/> resolved (not passed), or with the <paramref name="refusal"/>.</summary>
    public byte[]? Find(string value, out string? path, out string? refusal)
    {
        path = ExternalImagePath.Resolve(_folder, value, out refusal);
        return path is not null && _images.TryGetValue(path, out var bytes) ? bytes : null;
    }
}
