using System.Collections.Concurrent;
using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Layout.Text;

/// <summary>
/// <see cref="ITextMeasurer"/> over the shipped fonts, with the same <see cref="SKFont"/> settings the PDF writer
/// draws with. Thread-safe. The common case (a short value that fits its cell) costs one native measurement and a
/// one-element array. Text the style's face cannot draw from advances alone (right-to-left, complex scripts, combining
/// marks, characters only a fallback face has) is measured as <see cref="TextShaper"/> shapes it, which is how the PDF
/// writer draws it.
/// </summary>
internal sealed class SkiaTextMeasurer : ITextMeasurer
{
    /// <summary>Slack for float rounding, so text measured to exactly the width still fits it.</summary>
    private const double Tolerance = 0.001;


    private readonly SkiaFontCache fonts;
    private readonly TextShaper shaper;
    private readonly ConcurrentDictionary<SKFont, FontMetrics> metrics = new();

    public SkiaTextMeasurer()
        : this(SkiaFontCache.Shared)
    {
    }

    public SkiaTextMeasurer(SkiaFontCache fonts)
    {
        this.fonts = fonts;
        shaper = TextShaper.For(fonts.Library);
    }

    public static SkiaTextMeasurer Shared { get; } = new();

    public FontMetrics GetMetrics(TextStyle style)
    {
        var resolved = fonts.Resolve(style);
        return (resolved.Metrics ??= new(metrics.GetOrAdd(resolved.Font, static f => ReadMetrics(f)))).Value;
    }

    public double MeasureWidth(string text, TextStyle style)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var resolved = fonts.Resolve(style);
        var font = resolved.Font;
        return shaper.Fallback.IsSimple(text, resolved.Typeface) ? font.MeasureText(text.AsSpan()) : shaper.Shape(text, style).Width;
    }

    public IReadOnlyList<string> BreakLines(string text, TextStyle style, double maxWidth)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [string.Empty];
        }

        var resolved = fonts.Resolve(style);
        var font = resolved.Font;
        var wrap = maxWidth > 0 && double.IsFinite(maxWidth);
        var limit = (float)(maxWidth + Tolerance);
        var hasNewLine = text.AsSpan().ContainsAny('\r', '\n');
        var simple = shaper.Fallback.IsSimple(text, resolved.Typeface);
        if (!hasNewLine && (!wrap || (simple ? font.MeasureText(text.AsSpan()) : shaper.Shape(text, style).Width) <= limit))
        {
            return [text];
        }

        var lines = new List<string>();
        var span = text.AsSpan();
        var start = 0;
        while (true)
        {
            var rel = span[start..].IndexOfAny('\r', '\n');
            var end = rel < 0 ? span.Length : start + rel;
            var fitter = simple || !wrap || start == end ? new LineFitter(font) : new LineFitter(start, shaper.LogicalAdvances(text[start..end], style));
            AddParagraph(text, start, end, fitter, wrap, limit, lines);
            if (rel < 0)
            {
                break;
            }

            start = end + (span[end] == '\r' && end + 1 < span.Length && span[end + 1] == '\n' ? 2 : 1);
        }

        return lines;
    }

    /// <summary>Greedy word wrap of text[start..end] (no line breaks inside).</summary>
    private static void AddParagraph(string text, int start, int end, LineFitter fitter, bool wrap, float limit, List<string> lines)
    {
        if (start == end)
        {
            lines.Add(string.Empty);
            return;
        }

        if (!wrap)
        {
            lines.Add(text[start..end]);
            return;
        }

        var position = start;
        var first = true;
        while (position < end)
        {
            if (!first)
            {
                // Spaces at a soft break belong to neither line.
                while (position < end && IsSpace(text[position]))
                {
                    position++;
                }

                if (position == end)
                {
                    return;
                }
            }

            first = false;
            var rest = text.AsSpan(position, end - position);
            var fit = fitter.FitCount(rest, position, limit);
            if (fit >= rest.Length)
            {
                lines.Add(text.Substring(position, rest.Length));
                return;
            }

            // Break at the last space within the fitting prefix (a space right after it counts too).
            var breakAt = rest[..(fit + 1)].LastIndexOfAny(' ', '\t');
            int lineEnd;
            if (breakAt > 0 && !rest[..breakAt].TrimEnd(" \t").IsEmpty)
            {
                lineEnd = position + rest[..breakAt].TrimEnd(" \t").Length;
                lines.Add(text[position..lineEnd]);
                position += breakAt;
            }
            else
            {
                // The first word alone is wider than the line: split it between characters (at least one per line).
                lineEnd = position + Math.Max(1, fit);
                if (char.IsHighSurrogate(text[lineEnd - 1]) && lineEnd < end)
                {
                    lineEnd = lineEnd - position > 1 ? lineEnd - 1 : lineEnd + 1;
                }

                lines.Add(text[position..lineEnd]);
                position = lineEnd;
            }
        }
    }

    /// <summary>
    /// Counts how many leading characters fit a width: from the font's advances (unshaped text), or from the shaped
    /// advances of the whole paragraph (<see cref="TextShaper.LogicalAdvances"/>), whose first unit is at
    /// <c>offset</c> in the text.
    /// </summary>
    private readonly struct LineFitter
    {
        private readonly SKFont? font;
        private readonly float[]? advances;
        private readonly int offset;

        public LineFitter(SKFont font)
        {
            this.font = font;
        }

        public LineFitter(int offset, float[] advances)
        {
            this.offset = offset;
            this.advances = advances;
        }

        /// <summary>Number of leading characters of <paramref name="text"/> (at <paramref name="position"/>) whose width fits <paramref name="limit"/>.</summary>
        public int FitCount(ReadOnlySpan<char> text, int position, float limit)
        {
            if (advances is null)
            {
                // BreakText reads all the text it is given, so give it a window that grows only while all of it fits:
                // a line costs its own length, not the rest of the paragraph's (a 60,000-character word was quadratic).
                for (var window = Math.Min(text.Length, 256); ; window = Math.Min(text.Length, window * 4))
                {
                    var fit = Math.Clamp((int)font!.BreakText(text[..window], limit), 0, window);
                    if (fit < window || window == text.Length) return fit;
                }
            }

            var first = position - offset;
            var width = 0f;
            var count = 0;
            while (count < text.Length)
            {
                width += advances[first + count];
                if (width > limit)
                {
                    break;
                }

                count++;
            }

            // Do not end a line inside a cluster (a base and its marks, a ligature): back up to its first unit.
            while (count > 0 && count < text.Length && advances[first + count] == 0 && !char.IsWhiteSpace(text[count]))
            {
                count--;
            }

            return count;
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t';

    internal static FontMetrics ReadMetrics(SKFont font)
    {
        font.GetFontMetrics(out var m);
        var ascent = -m.Ascent;
        var descent = m.Descent;
        var size = font.Size;
        return new FontMetrics(
            ascent,
            descent,
            ascent + descent + Math.Max(0, m.Leading),
            m.UnderlinePosition ?? size * 0.1f,
            m.UnderlineThickness is > 0 ? m.UnderlineThickness.Value : size / 14f);
    }
}
