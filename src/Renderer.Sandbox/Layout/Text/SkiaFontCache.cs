using System.Collections.Concurrent;
using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Layout.Text;

/// <summary>
/// One configured <see cref="SKFont"/> per (typeface, size), shared by text measurement and the writers so both use
/// identical settings (unhinted, linear metrics, subpixel positioning: advances are exact font-unit widths).
/// Thread-safe. Fonts live as long as the cache.
/// </summary>
internal sealed class SkiaFontCache
{
    private readonly ConcurrentDictionary<(SKTypeface Typeface, float Size), SKFont> fonts = new();
    private const int MaxRememberedStyles = 4096;
    private readonly ConcurrentDictionary<TextStyle, StyleFont> byInstance = new(ReferenceEqualityComparer.Instance);
    private int _remembered; // entries added to byInstance since it was last cleared (ConcurrentDictionary.Count takes every lock)

    // Style -> font without allocating: layout measures hundreds of thousands of strings.
    private readonly ConcurrentDictionary<StyleKey, SKFont> byStyle = new();

    public SkiaFontCache(FontLibrary library)
    {
        Library = library;
    }

    public static SkiaFontCache Shared { get; } = new(FontLibrary.Shared);

    public FontLibrary Library { get; }

    /// <summary>
    /// The font of <paramref name="style"/> with its face and metrics, remembered per style instance: every cell of a
    /// column shares its TextStyle, and this skips the key hashing and SkiaSharp's handle-table lookup behind
    /// <see cref="SKFont.Typeface"/> on each measured string. At most <see cref="MaxRememberedStyles"/> instances are kept
    /// (per-row style expressions make one instance per cell).
    /// </summary>
    public StyleFont Resolve(TextStyle style)
    {
        if (byInstance.TryGetValue(style, out var known)) return known;
        var font = Get(style);
        known = new StyleFont(font, font.Typeface);
        if (Interlocked.Increment(ref _remembered) > MaxRememberedStyles)
        {
            byInstance.Clear();
            Interlocked.Exchange(ref _remembered, 1);
        }
        byInstance[style] = known;
        return known;
    }

    public SKFont Get(TextStyle style)
    {
        var key = new StyleKey(style.FontFamily ?? string.Empty, style.EffectiveWeight, style.Italic, (float)style.FontSize);
        return byStyle.TryGetValue(key, out var font)
            ? font
            : byStyle.GetOrAdd(key, k => Get(Library.Resolve(k.Family, k.Weight, k.Italic), k.Size));
    }

    public SKFont Get(SKTypeface typeface, float size) => fonts.GetOrAdd((typeface, size), static key => Create(key.Typeface, key.Size));

    private static SKFont Create(SKTypeface typeface, float size) => new(typeface, size > 0 ? size : 10f)
    {
        Hinting = SKFontHinting.None,
        Subpixel = true,
        LinearMetrics = true,
        Edging = SKFontEdging.Antialias,
    };

    private readonly record struct StyleKey(string Family, int Weight, bool Italic, float Size) : IEquatable<StyleKey>
    {
        public bool Equals(StyleKey other) =>
            Weight == other.Weight && Italic == other.Italic && Size.Equals(other.Size)
            && string.Equals(Family, other.Family, StringComparison.OrdinalIgnoreCase);

        public override int GetHashCode() =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Family), Weight, Italic, Size);
    }
}

/// <summary>A style's configured font and its typeface (read once; <see cref="SKFont.Typeface"/> is a handle lookup per call).</summary>
internal sealed class StyleFont(SKFont font, SKTypeface typeface)
{
    public SKFont Font { get; } = font;

    public SKTypeface Typeface { get; } = typeface;

    /// <summary>The font's metrics, read on first use (a reference, so concurrent readers never see a torn value).</summary>
    public System.Runtime.CompilerServices.StrongBox<FontMetrics>? Metrics { get; set; }
}
