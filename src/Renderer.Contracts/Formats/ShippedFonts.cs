namespace Renderer.Contracts.Formats;

/// <summary>One font file the sandbox ships (Renderer.Sandbox/Fonts): its file name, CSS family, weight and style.</summary>
public sealed record ShippedFont(string FileName, string Family, int Weight, bool Italic);

/// <summary>
/// The font files the renderer ships and draws with, as the HTML format names them in <c>@font-face</c>
/// (<c>url(/viewer/fonts/&lt;file name&gt;)</c>): the host serves exactly these names from the sandbox's Fonts folder and
/// refuses any other. The sandbox's font library holds the same files (a test compares them).
/// </summary>
public static class ShippedFonts
{
    /// <summary>The URL path the HTML format loads font files from (the file name follows).</summary>
    public const string UrlPath = "/viewer/fonts/";

    /// <summary>Every shipped face: the report families' faces, then the fallback faces for Hebrew, Arabic and CJK text.</summary>
    public static IReadOnlyList<ShippedFont> All { get; } =
    [
        .. Family("LiberationSans", "Liberation Sans", 400, 700),
        .. Family("LiberationSerif", "Liberation Serif", 400, 700),
        .. Family("LiberationMono", "Liberation Mono", 400, 700),
        .. Family("Carlito", "Carlito", 400, 700),
        .. Family("Caladea", "Caladea", 400, 700),
        .. Family("NotoSans", "Noto Sans", 300, 400, 600, 700),
        new("NotoSansHebrew-Regular.ttf", "Noto Sans Hebrew", 400, false),
        new("NotoSansHebrew-Bold.ttf", "Noto Sans Hebrew", 700, false),
        new("NotoSansArabic-Regular.ttf", "Noto Sans Arabic", 400, false),
        new("NotoSansArabic-Bold.ttf", "Noto Sans Arabic", 700, false),
        new("DroidSansFallbackFull.ttf", "Droid Sans Fallback", 400, false),
    ];

    /// <summary>The families tried, in order, for characters a report family's face has no glyph for (as the PDF does).</summary>
    public static IReadOnlyList<string> FallbackFamilies { get; } = ["Noto Sans Hebrew", "Noto Sans Arabic", "Droid Sans Fallback"];

    /// <summary>True when <paramref name="fileName"/> (exact letter case) is a shipped font file.</summary>
    public static bool IsShipped(string? fileName) => fileName is not null && All.Any(f => string.Equals(f.FileName, fileName, StringComparison.Ordinal));

    /// <summary>The file name of the face <paramref name="stem"/> at <paramref name="weight"/> (one of the family's) and style.</summary>
    public static string FileName(string stem, int weight, bool italic) => stem + "-" + (weight, italic) switch
    {
        (400, false) => "Regular",
        (400, true) => "Italic",
        _ => (weight switch { 300 => "Light", 600 => "SemiBold", _ => "Bold" }) + (italic ? "Italic" : string.Empty),
    } + ".ttf";

    private static IEnumerable<ShippedFont> Family(string stem, string family, params int[] weights) =>
        weights.SelectMany(w => new[] { false, true }.Select(italic => new ShippedFont(FileName(stem, w, italic), family, w, italic)));
}
