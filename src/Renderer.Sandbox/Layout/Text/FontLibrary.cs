using System.Reflection;
using SkiaSharp;

namespace Renderer.Sandbox.Layout.Text;

/// <summary>
/// The fonts shipped inside the assembly (Fonts/*.ttf, SIL OFL 1.1) and the mapping from report font families to them.
/// Output never depends on the fonts installed on the machine: every family, known or not, resolves to a shipped face.
/// Thread-safe; each face is loaded from its embedded resource once, on first use.
/// </summary>
internal sealed class FontLibrary
{
    private const string ResourcePrefix = "Renderer.Sandbox.Fonts.";

    /// <summary>Report family (case-insensitive) to shipped family. Documented in Fonts/README.md; keep both in sync.</summary>
    /// <remarks>A plain dictionary: a frozen one cost about 4 ms to build in every fresh sandbox, for 24 keys.</remarks>
    private static readonly Dictionary<string, ShippedFamily> FamilyMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Arial"] = ShippedFamily.LiberationSans,
        ["Helvetica"] = ShippedFamily.LiberationSans,
        ["Arial Narrow"] = ShippedFamily.LiberationSans,
        ["Verdana"] = ShippedFamily.LiberationSans,
        ["Tahoma"] = ShippedFamily.LiberationSans,
        ["Segoe UI"] = ShippedFamily.LiberationSans,
        ["Microsoft Sans Serif"] = ShippedFamily.LiberationSans,
        ["Liberation Sans"] = ShippedFamily.LiberationSans,
        ["sans-serif"] = ShippedFamily.LiberationSans,
        ["Times New Roman"] = ShippedFamily.LiberationSerif,
        ["Times"] = ShippedFamily.LiberationSerif,
        ["Georgia"] = ShippedFamily.LiberationSerif,
        ["Liberation Serif"] = ShippedFamily.LiberationSerif,
        ["serif"] = ShippedFamily.LiberationSerif,
        ["Courier New"] = ShippedFamily.LiberationMono,
        ["Courier"] = ShippedFamily.LiberationMono,
        ["Consolas"] = ShippedFamily.LiberationMono,
        ["Lucida Console"] = ShippedFamily.LiberationMono,
        ["Liberation Mono"] = ShippedFamily.LiberationMono,
        ["monospace"] = ShippedFamily.LiberationMono,
        ["Calibri"] = ShippedFamily.Carlito,
        ["Carlito"] = ShippedFamily.Carlito,
        ["Cambria"] = ShippedFamily.Caladea,
        ["Caladea"] = ShippedFamily.Caladea,
    };

    private static readonly string[] FileStems = ["LiberationSans", "LiberationSerif", "LiberationMono", "Carlito", "Caladea"];

    private static readonly string[] FaceSuffixes = ["Regular", "Bold", "Italic", "BoldItalic"];

    /// <summary>
    /// Faces tried, in this order after Liberation Sans, for characters the chosen face has no glyph for
    /// (Fonts/README.md): Hebrew, Arabic, then CJK. Regular and bold where the family has both.
    /// </summary>
    private static readonly string[] FallbackFiles =
        ["NotoSansHebrew-Regular", "NotoSansHebrew-Bold", "NotoSansArabic-Regular", "NotoSansArabic-Bold", "DroidSansFallbackFull", "DroidSansFallbackFull"];

    private readonly Lazy<SKTypeface>[] faces;
    private readonly Lazy<SKTypeface>[] fallbackFaces;

    public FontLibrary()
    {
        faces = new Lazy<SKTypeface>[FileStems.Length * FaceSuffixes.Length];
        for (var i = 0; i < faces.Length; i++)
        {
            var resourceName = ResourcePrefix + FileStems[i / FaceSuffixes.Length] + "-" + FaceSuffixes[i % FaceSuffixes.Length] + ".ttf";
            faces[i] = new Lazy<SKTypeface>(() => Load(resourceName), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        fallbackFaces = new Lazy<SKTypeface>[FallbackFiles.Length];
        for (var i = 0; i < fallbackFaces.Length; i++)
        {
            var resourceName = ResourcePrefix + FallbackFiles[i] + ".ttf";
            var same = Array.IndexOf(FallbackFiles, FallbackFiles[i]);
            fallbackFaces[i] = same < i ? fallbackFaces[same] : new Lazy<SKTypeface>(() => Load(resourceName), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>Number of fallback faces per weight (see <see cref="GetFallback"/>).</summary>
    public static int FallbackCount => FallbackFiles.Length / 2;

    /// <summary>
    /// The <paramref name="index"/>-th fallback face (0 = Noto Sans Hebrew, 1 = Noto Sans Arabic, 2 = Droid Sans
    /// Fallback), bold when the family has a bold face. Loaded on first use.
    /// </summary>
    public SKTypeface GetFallback(int index, bool bold) => fallbackFaces[index * 2 + (bold ? 1 : 0)].Value;

    /// <summary>The process-wide library; typefaces are immutable and shared by all renders.</summary>
    public static FontLibrary Shared { get; } = new();

    /// <summary>Report font families understood by <see cref="Resolve"/>; any other family falls back to Liberation Sans.</summary>
    public static IReadOnlyCollection<string> KnownFamilies => FamilyMap.Keys;

    /// <summary>
    /// The shipped typeface for a report font family. Case-insensitive; a CSS-style list ("Segoe UI, Arial") uses its
    /// first known entry; unknown families get Liberation Sans.
    /// </summary>
    public SKTypeface Resolve(string family, bool bold, bool italic)
    {
        var index = (int)MapFamily(family) * FaceSuffixes.Length + (bold ? 1 : 0) + (italic ? 2 : 0);
        return faces[index].Value;
    }

    /// <summary>The shipped family name a report family resolves to, e.g. "Liberation Sans" for "Arial".</summary>
    public static string ResolveFamilyName(string family) => MapFamily(family) switch
    {
        ShippedFamily.LiberationSerif => "Liberation Serif",
        ShippedFamily.LiberationMono => "Liberation Mono",
        ShippedFamily.Carlito => "Carlito",
        ShippedFamily.Caladea => "Caladea",
        _ => "Liberation Sans",
    };

    private static ShippedFamily MapFamily(string? family)
    {
        if (string.IsNullOrEmpty(family))
        {
            return ShippedFamily.LiberationSans;
        }

        if (FamilyMap.TryGetValue(family, out var direct))
        {
            return direct;
        }

        return MapSlow(family);
    }

    private static ShippedFamily MapSlow(string family)
    {
        foreach (var range in family.AsSpan().Split(','))
        {
            var candidate = family.AsSpan()[range].Trim().Trim("'\"").Trim();
            if (FamilyMap.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(candidate, out var mapped))
            {
                return mapped;
            }
        }

        return ShippedFamily.LiberationSans;
    }

    private static SKTypeface Load(string resourceName)
    {
        using var stream = typeof(FontLibrary).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded font '{resourceName}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        // Resources are mapped with the assembly: copy them straight into native memory. Reading through a managed
        // stream rents a large byte array per font, and that allocation in the middle of a render holding a big heap
        // can start a full collection (about a third of a second for a 100k-row report).
        using var data = CopyToNative(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Embedded font '{resourceName}' could not be loaded.");
    }

    private static SKData CopyToNative(Stream stream)
    {
        var length = stream.Length - stream.Position;
        var data = SKData.Create(length);
        var chunk = new byte[64 * 1024]; // below the large object heap threshold
        long offset = 0;
        while (offset < length)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, length - offset));
            if (read <= 0) break;
            System.Runtime.InteropServices.Marshal.Copy(chunk, 0, data.Data + (nint)offset, read);
            offset += read;
        }
        return data;
    }

    private enum ShippedFamily
    {
        LiberationSans = 0,
        LiberationSerif = 1,
        LiberationMono = 2,
        Carlito = 3,
        Caladea = 4,
    }
}
