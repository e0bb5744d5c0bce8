using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using HarfBuzzSharp;
using Renderer.Sandbox.Pages;
using SkiaSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace Renderer.Sandbox.Layout.Text;

/// <summary>
/// Shapes text with HarfBuzz over the shipped fonts: splits a line into runs by bidi level (<see cref="BidiResolver"/>)
/// and by face (<see cref="FontFallback"/>), shapes each run (kerning, ligatures, Arabic joining, mark placement,
/// mirroring in right-to-left runs) and orders the runs visually. Layout measures and the PDF writer draws with the
/// same shaping, so wrap widths and drawn widths agree. Thread-safe; HarfBuzz fonts are created once per face.
/// </summary>
internal sealed class TextShaper
{
    private readonly ConcurrentDictionary<SKTypeface, Lazy<ShapingFont>> hbFonts = new();

    public TextShaper(FontLibrary library)
    {
        Fallback = ReferenceEquals(library, FontLibrary.Shared) ? FontFallback.Shared : new FontFallback(library);
    }

    public static TextShaper Shared { get; } = new(FontLibrary.Shared);

    public FontFallback Fallback { get; }

    /// <summary>The shared shaper for the shared library, else a new one for <paramref name="library"/>.</summary>
    public static TextShaper For(FontLibrary library) => ReferenceEquals(library, FontLibrary.Shared) ? Shared : new TextShaper(library);

    /// <summary>Shapes one line (no line breaks) in the style's font and size, base direction from the style.</summary>
    public ShapedLine Shape(string text, TextStyle style)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ShapedLine.Empty;
        }

        var prepared = Prepare(text);
        var size = FontSize(style);
        var levels = BidiResolver.ResolveLevels(prepared, style.RightToLeft);
        var items = Itemize(prepared, levels, style);
        var order = BidiResolver.VisualOrder(items.Select(i => i.Level).ToArray());
        var runs = new List<ShapedRun>(items.Count);
        var x = 0f;
        using var buffer = new Buffer();
        foreach (var index in order)
        {
            var item = items[index];
            var font = GetShapingFont(item.Typeface);
            ShapeItem(buffer, font, prepared, item);
            var infos = buffer.GetGlyphInfoSpan();
            var positions = buffer.GetGlyphPositionSpan();
            var scale = size / font.UnitsPerEm;
            var runText = prepared.Substring(item.Start, item.Length);
            var utf8Offsets = Utf8Offsets(runText);
            var glyphs = new ushort[infos.Length];
            var points = new SKPoint[infos.Length];
            var clusters = new uint[infos.Length];
            for (var g = 0; g < infos.Length; g++)
            {
                glyphs[g] = (ushort)infos[g].Codepoint;
                points[g] = new SKPoint(x + positions[g].XOffset * scale, -positions[g].YOffset * scale);
                clusters[g] = (uint)utf8Offsets[Math.Clamp((int)infos[g].Cluster - item.Start, 0, item.Length)];
                x += positions[g].XAdvance * scale;
            }

            runs.Add(new ShapedRun(item.Typeface, glyphs, points, runText, clusters, (item.Level & 1) == 1));
        }

        return new ShapedLine(runs, x);
    }

    /// <summary>
    /// Advance of each UTF-16 unit of <paramref name="text"/> in logical order, in points: a cluster's advance is
    /// counted on its first unit, the others get 0. Summing a prefix gives the width of that prefix as shaped.
    /// </summary>
    public float[] LogicalAdvances(string text, TextStyle style)
    {
        var advances = new float[text.Length];
        if (text.Length == 0)
        {
            return advances;
        }

        var prepared = Prepare(text);
        var size = FontSize(style);
        var levels = BidiResolver.ResolveLevels(prepared, style.RightToLeft);
        using var buffer = new Buffer();
        foreach (var item in Itemize(prepared, levels, style))
        {
            var font = GetShapingFont(item.Typeface);
            ShapeItem(buffer, font, prepared, item);
            var infos = buffer.GetGlyphInfoSpan();
            var positions = buffer.GetGlyphPositionSpan();
            var scale = size / font.UnitsPerEm;
            for (var g = 0; g < infos.Length; g++)
            {
                var cluster = Math.Clamp((int)infos[g].Cluster, item.Start, item.Start + item.Length - 1);
                advances[cluster] += positions[g].XAdvance * scale;
            }
        }

        return advances;
    }

    /// <summary>The style's size as <see cref="SkiaFontCache"/> creates fonts (10 pt when not positive).</summary>
    private static float FontSize(TextStyle style) => style.FontSize > 0 ? (float)style.FontSize : 10f;

    /// <summary>Tabs are drawn as spaces (as the unshaped path does).</summary>
    private static string Prepare(string text) => text.Contains('\t') ? text.Replace('\t', ' ') : text;

    private void ShapeItem(Buffer buffer, ShapingFont font, string text, Item item)
    {
        buffer.ClearContents();
        buffer.AddUtf16(text.AsSpan(), item.Start, item.Length);
        buffer.Direction = (item.Level & 1) == 1 ? HarfBuzzSharp.Direction.RightToLeft : HarfBuzzSharp.Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        font.Font.Shape(buffer);
    }

    /// <summary>Splits a line into maximal runs of one bidi level and one face, in logical order.</summary>
    private List<Item> Itemize(string text, byte[] levels, TextStyle style)
    {
        var primary = Fallback.Library.Resolve(style.FontFamily ?? string.Empty, style.EffectiveWeight, style.Italic);
        var items = new List<Item>();
        SKTypeface? current = null;
        var start = 0;
        byte level = 0;
        for (var i = 0; i < text.Length;)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var codePoint = width == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            var face = Fallback.Choose(primary, current, style.EffectiveWeight >= 600, style.Italic, codePoint);
            if (current is null)
            {
                current = face;
                level = levels[i];
            }
            else if (!ReferenceEquals(face, current) || levels[i] != level)
            {
                items.Add(new Item(start, i - start, level, current));
                start = i;
                current = face;
                level = levels[i];
            }

            i += width;
        }

        items.Add(new Item(start, text.Length - start, level, current ?? primary));
        return items;
    }

    private static int[] Utf8Offsets(string text)
    {
        var offsets = new int[text.Length + 1];
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            offsets[i] = bytes;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offsets[i + 1] = bytes;
                bytes += 4;
                i++;
            }
            else
            {
                bytes += Encoding.UTF8.GetByteCount(text.AsSpan(i, 1));
            }
        }

        offsets[text.Length] = bytes;
        return offsets;
    }

    private ShapingFont GetShapingFont(SKTypeface typeface) =>
        hbFonts.GetOrAdd(typeface, static t => new Lazy<ShapingFont>(() => ShapingFont.Create(t), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private readonly record struct Item(int Start, int Length, byte Level, SKTypeface Typeface);

    /// <summary>A HarfBuzz font over a face's bytes, at a scale of one unit per font unit. Lives as long as the shaper.</summary>
    private sealed class ShapingFont
    {
        private ShapingFont(Blob blob, Face face, HarfBuzzSharp.Font font)
        {
            Blob = blob;
            Face = face;
            Font = font;
            UnitsPerEm = face.UnitsPerEm > 0 ? face.UnitsPerEm : 1000;
        }

        public Blob Blob { get; }

        public Face Face { get; }

        public HarfBuzzSharp.Font Font { get; }

        public float UnitsPerEm { get; }

        public static ShapingFont Create(SKTypeface typeface)
        {
            using var stream = typeface.OpenStream(out var ttcIndex)
                ?? throw new InvalidOperationException($"The data of font '{typeface.FamilyName}' cannot be read for shaping.");
            var bytes = new byte[stream.Length];
            if (stream.Read(bytes, bytes.Length) != bytes.Length)
            {
                throw new InvalidOperationException($"The data of font '{typeface.FamilyName}' could not be read for shaping.");
            }

            // HarfBuzz reads the font from native memory for the shaper's lifetime (a managed array could move).
            var data = Marshal.AllocHGlobal(bytes.Length);
            Marshal.Copy(bytes, 0, data, bytes.Length);
            var blob = new Blob(data, bytes.Length, MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(data));
            blob.MakeImmutable();
            var face = new Face(blob, ttcIndex);
            face.MakeImmutable();
            var font = new HarfBuzzSharp.Font(face);
            font.SetScale(face.UnitsPerEm, face.UnitsPerEm);
            return new ShapingFont(blob, face, font);
        }
    }
}
