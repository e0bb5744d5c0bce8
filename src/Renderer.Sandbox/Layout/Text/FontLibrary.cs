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

    /// <summary>
    /// Report family (case-insensitive) to shipped family, and the weight the family's name implies ("Segoe UI Semibold"
    /// is Segoe UI at 600; 0 when the name implies none). Documented in Fonts/README.md; keep both in sync.
    /// </summary>
    /// <remarks>A plain dictionary: a frozen one cost about 4 ms to build in every fresh sandbox, for a few dozen keys.</remarks>
    private static readonly Dictionary<string, (ShippedFamily Family, int Weight)> FamilyMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Arial"] = (ShippedFamily.LiberationSans, 0),
        ["Arial Black"] = (ShippedFamily.LiberationSans, 900),
        ["Helvetica"] = (ShippedFamily.LiberationSans, 0),
        ["Arial Narrow"] = (ShippedFamily.LiberationSans, 0),
        ["Verdana"] = (ShippedFamily.LiberationSans, 0),
        ["Tahoma"] = (ShippedFamily.LiberationSans, 0),
        ["Microsoft Sans Serif"] = (ShippedFamily.LiberationSans, 0),
        ["Liberation Sans"] = (ShippedFamily.LiberationSans, 0),
        ["sans-serif"] = (ShippedFamily.LiberationSans, 0),
        ["Segoe UI"] = (ShippedFamily.NotoSans, 0),
        ["Segoe UI Light"] = (ShippedFamily.NotoSans, 300),
        ["Segoe UI Semilight"] = (ShippedFamily.NotoSans, 350),
        ["Segoe UI Semibold"] = (ShippedFamily.NotoSans, 600),
        ["Segoe UI Bold"] = (ShippedFamily.NotoSans, 700),
        ["Segoe UI Black"] = (ShippedFamily.NotoSans, 900),
        ["Noto Sans"] = (ShippedFamily.NotoSans, 0),
        ["Times New Roman"] = (ShippedFamily.LiberationSerif, 0),
        ["Times"] = (ShippedFamily.LiberationSerif, 0),
        ["Georgia"] = (ShippedFamily.LiberationSerif, 0),
        ["Liberation Serif"] = (ShippedFamily.LiberationSerif, 0),
        ["serif"] = (ShippedFamily.LiberationSerif, 0),
        ["Courier New"] = (ShippedFamily.LiberationMono, 0),
        ["Courier"] = (ShippedFamily.LiberationMono, 0),
        ["Consolas"] = (ShippedFamily.LiberationMono, 0),
        ["Lucida Console"] = (ShippedFamily.LiberationMono, 0),
        ["Liberation Mono"] = (ShippedFamily.LiberationMono, 0),
        ["monospace"] = (ShippedFamily.LiberationMono, 0),
        ["Calibri"] = (ShippedFamily.Carlito, 0),
        ["Calibri Light"] = (ShippedFamily.Carlito, 300),
        ["Carlito"] = (ShippedFamily.Carlito, 0),
        ["Cambria"] = (ShippedFamily.Caladea, 0),
        ["Caladea"] = (ShippedFamily.Caladea, 0),
    };

    private static readonly string[] FileStems = ["LiberationSans", "LiberationSerif", "LiberationMono", "Carlito", "Caladea", "NotoSans"];

    /// <summary>The weights each shipped family has a face for (upright and italic), indexed by <see cref="ShippedFamily"/>.</summary>
    private static readonly int[][] FamilyWeights = [[400, 700], [400, 700], [400, 700], [400, 700], [400, 700], [300, 400, 600, 700]];

    /// <summary>
    /// Faces tried, in this order after Liberation Sans, for characters the chosen face has no glyph for
    /// (Fonts/README.md): Hebrew, Arabic, then CJK. Regular and bold where the family has both.
    /// </summary>
    private static readonly string[] FallbackFiles =
        ["NotoSansHebrew-Regular", "NotoSansHebrew-Bold", "NotoSansArabic-Regular", "NotoSansArabic-Bold", "DroidSansFallbackFull", "DroidSansFallbackFull"];

    private readonly Lazy<SKTypeface>[][] faces;
    private readonly Lazy<SKTypeface>[] fallbackFaces;

    public FontLibrary()
    {
        faces = new Lazy<SKTypeface>[FileStems.Length][];
        for (var f = 0; f < FileStems.Length; f++)
        {
            var weights = FamilyWeights[f];
            faces[f] = new Lazy<SKTypeface>[weights.Length * 2];
            for (var i = 0; i < faces[f].Length; i++)
            {
                var resourceName = ResourcePrefix + FileStems[f] + "-" + FaceName(weights[i / 2], italic: i % 2 == 1) + ".ttf";
                faces[f][i] = new Lazy<SKTypeface>(() => Load(resourceName), LazyThreadSafetyMode.ExecutionAndPublication);
            }
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
    public SKTypeface Resolve(string family, bool bold, bool italic) => Resolve(family, bold ? 700 : 400, italic);

    /// <summary>
    /// The shipped typeface for a report font family at a CSS weight (100-900; FontWeight Light is 300, SemiBold 600):
    /// the family's face nearest that weight by CSS's font matching (a lighter weight falls back to lighter faces
    /// first, a heavier one to heavier faces first), so SemiBold is drawn Bold where the family has no SemiBold face
    /// and Light regular where it has no Light one, as Windows does. A family name that carries a weight ("Segoe UI
    /// Semibold") uses that weight, or the requested one when that is bold and heavier.
    /// </summary>
    public SKTypeface Resolve(string family, int weight, bool italic)
    {
        var (shipped, implied) = MapFamily(family);
        if (implied > 0) weight = weight > 500 ? Math.Max(implied, weight) : implied;
        var weights = FamilyWeights[(int)shipped];
        return faces[(int)shipped][NearestWeight(weights, weight) * 2 + (italic ? 1 : 0)].Value;
    }

    /// <summary>The CSS weight of the face <see cref="Resolve(string, int, bool)"/> picks (e.g. 700 for Arial SemiBold).</summary>
    public static int ResolveWeight(string family, int weight)
    {
        var (shipped, implied) = MapFamily(family);
        if (implied > 0) weight = weight > 500 ? Math.Max(implied, weight) : implied;
        var weights = FamilyWeights[(int)shipped];
        return weights[NearestWeight(weights, weight)];
    }

    /// <summary>The file name of the face <see cref="Resolve(string, int, bool)"/> picks (e.g. "LiberationSans-Bold.ttf" for Arial SemiBold).</summary>
    public static string FileNameOf(string family, int weight, bool italic) =>
        Renderer.Contracts.Formats.ShippedFonts.FileName(FileStems[(int)MapFamily(family).Family], ResolveWeight(family, weight), italic);

    /// <summary>Index in <paramref name="weights"/> (ascending) of the face CSS font matching picks for <paramref name="desired"/>.</summary>
    private static int NearestWeight(int[] weights, int desired)
    {
        int exact = Array.IndexOf(weights, desired);
        if (exact >= 0) return exact;
        if (desired is >= 400 and <= 500)
        {
            for (var i = 0; i < weights.Length; i++)
                if (weights[i] > desired && weights[i] <= 500) return i;
        }
        if (desired <= 500)
        {
            for (var i = weights.Length - 1; i >= 0; i--)
                if (weights[i] < desired) return i;
            for (var i = 0; i < weights.Length; i++)
                if (weights[i] > desired) return i;
        }
        for (var i = 0; i < weights.Length; i++)
            if (weights[i] > desired) return i;
        return weights.Length - 1;
    }

    private static string FaceName(int weight, bool italic) => (weight, italic) switch
    {
        (400, false) => "Regular",
        (400, true) => "Italic",
        _ => (weight switch { 300 => "Light", 600 => "SemiBold", _ => "Bold" }) + (italic ? "Italic" : string.Empty),
    };

    /// <summary>The shipped family name a report family resolves to, e.g. "Liberation Sans" for "Arial".</summary>
    public static string ResolveFamilyName(string family) => MapFamily(family).Family switch
    {
        ShippedFamily.NotoSans => "Noto Sans",
        ShippedFamily.LiberationSerif => "Liberation Serif",
        ShippedFamily.LiberationMono => "Liberation Mono",
        ShippedFamily.Carlito => "Carlito",
        ShippedFamily.Caladea => "Caladea",
        _ => "Liberation Sans",
    };

    private static (ShippedFamily Family, int Weight) MapFamily(string? family)
    {
        if (string.IsNullOrEmpty(family))
        {
            return (ShippedFamily.LiberationSans, 0);
        }

        if (FamilyMap.TryGetValue(family, out var direct))
        {
            return direct;
        }

        return MapSlow(family);
    }

    private static (ShippedFamily Family, int Weight) MapSlow(string family)
    {
        foreach (var range in family.AsSpan().Split(','))
        {
            var candidate = family.AsSpan()[range].Trim().Trim("'\"").Trim();
            if (FamilyMap.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(candidate, out var mapped))
            {
                return mapped;
            }
        }

        return (ShippedFamily.LiberationSans, 0);
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
        NotoSans = 5,
    }
}
