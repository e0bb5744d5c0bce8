using System.Collections.Immutable;
using System.Text;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>
/// The fonts of one PDF: for each shipped face the document uses, a copy holding only the glyphs its text needs
/// (<see cref="TrueTypeSubsetter"/>). Drawing with these keeps the embedded fonts small; glyph ids and advances are
/// those of the full face, so text lands exactly where layout measured it.
/// </summary>
internal sealed class PdfFontSubsets : IDisposable
{
    private readonly SkiaFontCache _fonts;
    private readonly Dictionary<SKTypeface, SKTypeface> _subsets = [];
    private readonly Dictionary<(SKTypeface, float), SKFont> _drawFonts = [];

    public PdfFontSubsets(SkiaFontCache fonts, ImmutableArray<Page> pages)
    {
        _fonts = fonts;
        var used = new Dictionary<SKTypeface, HashSet<int>>();
        foreach (var page in pages)
        {
            foreach (var item in page.Items)
            {
                if (item is ChartItem chart)
                {
                    foreach (var shape in chart.Shapes)
                        if (shape is ChartText label) Collect(fonts, used, label.Style, label.Text);
                    continue;
                }
                if (item is not TextItem text || text.Lines.IsDefaultOrEmpty) continue;
                foreach (var line in text.Lines) Collect(fonts, used, text.Style, line.Text);
            }
        }
        foreach (var (typeface, runes) in used) _subsets[typeface] = CreateSubset(typeface, runes) ?? typeface;
    }

    private static void Collect(SkiaFontCache fonts, Dictionary<SKTypeface, HashSet<int>> used, TextStyle style, string text)
    {
        var typeface = fonts.Get(style).Typeface;
        if (!used.TryGetValue(typeface, out var runes)) used[typeface] = runes = [];
        foreach (var rune in text.EnumerateRunes()) runes.Add(rune.Value);
    }

    /// <summary>The font to draw <paramref name="style"/> with: the subset face at the style's size.</summary>
    public SKFont Get(TextStyle style)
    {
        var full = _fonts.Get(style);
        if (!_subsets.TryGetValue(full.Typeface, out var subset) || ReferenceEquals(subset, full.Typeface)) return full;
        var key = (subset, full.Size);
        if (!_drawFonts.TryGetValue(key, out var font))
        {
            font = new SKFont(subset, full.Size) { Hinting = full.Hinting, Subpixel = full.Subpixel, LinearMetrics = full.LinearMetrics, Edging = full.Edging };
            _drawFonts[key] = font;
        }
        return font;
    }

    private static SKTypeface? CreateSubset(SKTypeface typeface, HashSet<int> runes)
    {
        var text = new StringBuilder();
        foreach (var r in runes) text.Append(char.ConvertFromUtf32(r));
        text.Append(' ');
        using var font = new SKFont(typeface);
        var glyphs = font.GetGlyphs(text.ToString());
        var bytes = ReadFontData(typeface);
        if (bytes is null) return null;
        var subset = TrueTypeSubsetter.Subset(bytes, glyphs);
        if (subset is null) return null;
        return SKTypeface.FromData(SKData.CreateCopy(subset));
    }

    private static byte[]? ReadFontData(SKTypeface typeface)
    {
        using var stream = typeface.OpenStream(out int ttcIndex);
        if (stream is null || ttcIndex != 0 || stream.Length <= 0) return null;
        var bytes = new byte[stream.Length];
        return stream.Read(bytes, bytes.Length) == bytes.Length ? bytes : null;
    }

    public void Dispose()
    {
        foreach (var font in _drawFonts.Values) font.Dispose();
        foreach (var (full, subset) in _subsets)
            if (!ReferenceEquals(full, subset)) subset.Dispose();
    }
}
