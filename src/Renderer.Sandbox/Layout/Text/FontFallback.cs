using System.Collections.Concurrent;
using System.Globalization;
using SkiaSharp;

namespace Renderer.Sandbox.Layout.Text;

/// <summary>
/// Picks, per character, the face that draws it: the style's face when it has a glyph, otherwise Liberation Sans, then
/// the shipped fallback faces (Hebrew, Arabic, CJK) in order. Also answers the fast-path question "can this text be
/// drawn with the style's face without shaping?" from a per-face coverage bitmap. Thread-safe.
/// </summary>
internal sealed class FontFallback(FontLibrary library)
{
    /// <summary>Characters below this (Latin, Greek, Cyrillic, Armenian) never need shaping when the face has them.</summary>
    private const int SimpleLimit = 0x0590;

    private readonly ConcurrentDictionary<SKTypeface, Coverage> coverage = new();

    public static FontFallback Shared { get; } = new(FontLibrary.Shared);

    public FontLibrary Library => library;

    /// <summary>
    /// True when every character of <paramref name="text"/> is a simple left-to-right character (no combining marks,
    /// no right-to-left or complex script) that <paramref name="typeface"/> has a glyph for: such text is measured
    /// and drawn from advance widths alone, without HarfBuzz (kerning is not applied, as in GDI-based SSRS output).
    /// </summary>
    public bool IsSimple(ReadOnlySpan<char> text, SKTypeface typeface)
    {
        var map = Get(typeface);
        foreach (var c in text)
        {
            if ((c >= SimpleLimit && !IsSimpleSymbol(c)) || (c >= 0x0300 && c < 0x0370) || !map.HasSimple(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Dashes, quotes, bullets, currency signs, letterlike symbols and arrows: no shaping or bidi controls.</summary>
    private static bool IsSimpleSymbol(char c) => c is (>= '\u2010' and <= '\u2027') or (>= '\u2030' and <= '\u205E') or (>= '\u20A0' and <= '\u20CF') or (>= '\u2100' and <= '\u21FF');

    /// <summary>True when <paramref name="typeface"/> maps <paramref name="codePoint"/> to a glyph.</summary>
    public bool Covers(SKTypeface typeface, int codePoint) => Get(typeface).Has(codePoint);

    /// <summary>
    /// The face for <paramref name="codePoint"/>: <paramref name="current"/> (the face of the run being built) when the
    /// character is not a letter or digit and that face has it, so spaces, punctuation and marks stay with their
    /// neighbours; else <paramref name="primary"/> if it has a glyph; else the first fallback that does; else
    /// <paramref name="primary"/> (which draws its missing-glyph box).
    /// </summary>
    public SKTypeface Choose(SKTypeface primary, SKTypeface? current, bool bold, bool italic, int codePoint)
    {
        if (current is not null && !IsLetterOrDigit(codePoint) && Covers(current, codePoint))
        {
            return current;
        }

        if (Covers(primary, codePoint))
        {
            return primary;
        }

        var sans = library.Resolve("Liberation Sans", bold, italic);
        if (!ReferenceEquals(sans, primary) && Covers(sans, codePoint))
        {
            return sans;
        }

        for (var i = 0; i < FontLibrary.FallbackCount; i++)
        {
            var fallback = library.GetFallback(i, bold);
            if (Covers(fallback, codePoint))
            {
                return fallback;
            }
        }

        return primary;
    }

    private static bool IsLetterOrDigit(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;

    private Coverage Get(SKTypeface typeface) =>
        coverage.TryGetValue(typeface, out var map) ? map : coverage.GetOrAdd(typeface, static t => new Coverage(t));

    /// <summary>Which code points a face maps: a bitmap up to U+21FF (the fast-path range), native look-ups beyond it.</summary>
    private sealed class Coverage
    {
        private const int BitmapLimit = 0x2200;

        private readonly SKFont font;
        private readonly ulong[] bmp = new ulong[BitmapLimit / 64];

        public Coverage(SKTypeface typeface)
        {
            font = new SKFont(typeface);
            var codePoints = new int[BitmapLimit];
            for (var i = 0; i < codePoints.Length; i++)
            {
                codePoints[i] = i;
            }

            var glyphs = font.GetGlyphs(codePoints);
            for (var i = 0; i < glyphs.Length; i++)
            {
                if (glyphs[i] != 0 && i != 0)
                {
                    bmp[i >> 6] |= 1UL << (i & 63);
                }
            }
        }

        public bool HasSimple(char c) => c < 0x20 || (bmp[c >> 6] & (1UL << (c & 63))) != 0;

        public bool Has(int codePoint) => codePoint < BitmapLimit
            ? (bmp[codePoint >> 6] & (1UL << (codePoint & 63))) != 0
            : font.GetGlyph(codePoint) != 0;
    }
}
