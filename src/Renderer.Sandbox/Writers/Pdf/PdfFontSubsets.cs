using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>
/// The fonts of one PDF: for each shipped face the document uses (fallback faces included), a copy holding only the
/// glyphs its text needs (<see cref="TrueTypeSubsetter"/>). Drawing with these keeps the embedded fonts small; glyph ids
/// and advances are those of the full face, so text lands exactly where layout measured it. Lines that need shaping
/// (<see cref="FontFallback.IsSimple"/> is false) are shaped once here, their glyphs collected, and the result kept for
/// drawing (<see cref="Shape"/>).
/// </summary>
internal sealed class PdfFontSubsets : IDisposable
{
    /// <summary>Shaped lines kept between collecting glyphs and drawing; past this, lines are shaped again when drawn.</summary>
    private const int MaxShapedLines = 20_000;

    private readonly SkiaFontCache _fonts;
    private readonly TextShaper _shaper;
    private readonly Dictionary<SKTypeface, SKTypeface> _subsets = [];
    private readonly Dictionary<(SKTypeface, float), SKFont> _drawFonts = [];
    private readonly Dictionary<(string, TextStyle), ShapedLine> _shaped = [];

    public PdfFontSubsets(SkiaFontCache fonts, IEnumerable<Page> pages)
    {
        _fonts = fonts;
        _shaper = TextShaper.For(fonts.Library);
        var used = new Dictionary<SKTypeface, HashSet<ushort>>();
        var characters = new Dictionary<SKTypeface, HashSet<int>>();
        foreach (var page in pages)
        {
            foreach (var item in page.Items)
            {
                if (item is ChartItem chart)
                {
                    foreach (var shape in chart.Shapes)
                    {
                        if (shape is not ChartText { Text.Length: > 0 } label) continue;
                        var face = fonts.Get(label.Style).Typeface;
                        if (_shaper.Fallback.IsSimple(label.Text, face)) CollectCharacters(characters, face, label.Text);
                        else CollectGlyphs(used, Shape(label.Text, label.Style));
                    }
                    continue;
                }
                if (item is not TextItem text || text.Lines.IsDefaultOrEmpty) continue;
                var font = fonts.Get(text.Style);
                foreach (var line in text.Lines)
                {
                    if (!line.Segments.IsDefault)
                    {
                        foreach (var segment in line.Segments)
                        {
                            if (segment.Text.Length == 0) continue;
                            var face = fonts.Get(segment.Style).Typeface;
                            if (_shaper.Fallback.IsSimple(segment.Text, face)) CollectCharacters(characters, face, segment.Text);
                            else CollectGlyphs(used, Shape(segment.Text, segment.Style));
                        }
                        continue;
                    }
                    if (string.IsNullOrEmpty(line.Text)) continue;
                    if (_shaper.Fallback.IsSimple(line.Text, font.Typeface)) CollectCharacters(characters, font.Typeface, line.Text);
                    else CollectGlyphs(used, Shape(line.Text, text.Style));
                }
            }
        }
        foreach (var (typeface, runes) in characters) AddGlyphsOf(Used(used, typeface), typeface, runes);
        foreach (var (typeface, glyphs) in used) _subsets[typeface] = CreateSubset(typeface, glyphs) ?? typeface;
    }

    /// <summary>The shaper the document's lines are shaped with (its fallback answers which lines need shaping).</summary>
    public TextShaper Shaper => _shaper;

    private static void CollectCharacters(Dictionary<SKTypeface, HashSet<int>> characters, SKTypeface typeface, string text)
    {
        if (!characters.TryGetValue(typeface, out var runes)) characters[typeface] = runes = [];
        foreach (var rune in text.EnumerateRunes()) runes.Add(rune.Value);
    }

    private static void AddGlyphsOf(HashSet<ushort> glyphs, SKTypeface typeface, HashSet<int> runes)
    {
        using var font = new SKFont(typeface);
        foreach (var glyph in font.GetGlyphs(runes.ToArray())) glyphs.Add(glyph);
    }

    private static void CollectGlyphs(Dictionary<SKTypeface, HashSet<ushort>> used, ShapedLine line)
    {
        foreach (var run in line.Runs)
        {
            var glyphs = Used(used, run.Typeface);
            foreach (var glyph in run.Glyphs) glyphs.Add(glyph);
        }
    }

    private static HashSet<ushort> Used(Dictionary<SKTypeface, HashSet<ushort>> used, SKTypeface typeface)
    {
        if (!used.TryGetValue(typeface, out var glyphs)) used[typeface] = glyphs = [0];
        return glyphs;
    }

    /// <summary>The shaped form of a line (shaped once per document and style).</summary>
    public ShapedLine Shape(string text, TextStyle style)
    {
        if (!_shaped.TryGetValue((text, style), out var line))
        {
            line = _shaper.Shape(text, style);
            if (_shaped.Count < MaxShapedLines) _shaped[(text, style)] = line;
        }
        return line;
    }

    /// <summary>The font to draw <paramref name="style"/> with: the subset face at the style's size.</summary>
    public SKFont Get(TextStyle style) => Get(_fonts.Get(style));

    /// <summary>As <see cref="Get(TextStyle)"/>, also giving the full (not subset) face layout measured with.</summary>
    public SKFont Get(TextStyle style, out SKTypeface fullFace)
    {
        // The font cache remembers each style instance's font and face (every cell of a column shares its TextStyle).
        var full = _fonts.Resolve(style);
        fullFace = full.Typeface;
        return Get(full.Font, full.Typeface);
    }

    /// <summary>The font to draw a shaped run of <paramref name="typeface"/> with, at the style's size.</summary>
    public SKFont Get(SKTypeface typeface, TextStyle style) => Get(_fonts.Get(typeface, _fonts.Get(style).Size));

    private SKFont Get(SKFont full) => Get(full, full.Typeface);

    private SKFont Get(SKFont full, SKTypeface fullFace)
    {
        if (!_subsets.TryGetValue(fullFace, out var subset) || ReferenceEquals(subset, fullFace)) return full;
        var key = (subset, full.Size);
        if (!_drawFonts.TryGetValue(key, out var font))
        {
            font = new SKFont(subset, full.Size) { Hinting = full.Hinting, Subpixel = full.Subpixel, LinearMetrics = full.LinearMetrics, Edging = full.Edging };
            _drawFonts[key] = font;
        }
        return font;
    }

    private static SKTypeface? CreateSubset(SKTypeface typeface, HashSet<ushort> glyphs)
    {
        var bytes = ReadFontData(typeface);
        if (bytes is null) return null;
        using (var font = new SKFont(typeface)) glyphs.Add(font.GetGlyph(' '));
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
