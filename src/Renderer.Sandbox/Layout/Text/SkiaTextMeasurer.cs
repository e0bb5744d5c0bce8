using System.Buffers;
using System.Collections.Concurrent;
using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Layout.Text;

/// <summary>
/// <see cref="ITextMeasurer"/> over the shipped fonts, with the same <see cref="SKFont"/> settings the PDF writer
/// draws with. Thread-safe. The common case (a short value that fits its cell) costs one native measurement and a
/// one-element array.
/// </summary>
internal sealed class SkiaTextMeasurer : ITextMeasurer
{
    /// <summary>Slack for float rounding, so text measured to exactly the width still fits it.</summary>
    private const double Tolerance = 0.001;

    private static readonly SearchValues<char> NewLines = SearchValues.Create("\r\n");

    private readonly SkiaFontCache fonts;
    private readonly ConcurrentDictionary<SKFont, FontMetrics> metrics = new();

    public SkiaTextMeasurer()
        : this(SkiaFontCache.Shared)
    {
    }

    public SkiaTextMeasurer(SkiaFontCache fonts)
    {
        this.fonts = fonts;
    }

    public static SkiaTextMeasurer Shared { get; } = new();

    public FontMetrics GetMetrics(TextStyle style)
    {
        var font = fonts.Get(style);
        return metrics.GetOrAdd(font, static f => ReadMetrics(f));
    }

    public double MeasureWidth(string text, TextStyle style) =>
        string.IsNullOrEmpty(text) ? 0 : fonts.Get(style).MeasureText(text.AsSpan());

    public IReadOnlyList<string> BreakLines(string text, TextStyle style, double maxWidth)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [string.Empty];
        }

        var font = fonts.Get(style);
        var wrap = maxWidth > 0 && double.IsFinite(maxWidth);
        var limit = (float)(maxWidth + Tolerance);
        var hasNewLine = text.AsSpan().ContainsAny(NewLines);
        if (!hasNewLine && (!wrap || font.MeasureText(text.AsSpan()) <= limit))
        {
            return [text];
        }

        var lines = new List<string>();
        var span = text.AsSpan();
        var start = 0;
        while (true)
        {
            var rel = span[start..].IndexOfAny(NewLines);
            var end = rel < 0 ? span.Length : start + rel;
            AddParagraph(text, start, end, font, wrap, limit, lines);
            if (rel < 0)
            {
                break;
            }

            start = end + (span[end] == '\r' && end + 1 < span.Length && span[end + 1] == '\n' ? 2 : 1);
        }

        return lines;
    }

    /// <summary>Greedy word wrap of text[start..end] (no line breaks inside).</summary>
    private static void AddParagraph(string text, int start, int end, SKFont font, bool wrap, float limit, List<string> lines)
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
            var fit = FitCount(font, rest, limit);
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

    /// <summary>Number of leading characters of <paramref name="text"/> whose width fits within <paramref name="limit"/>.</summary>
    private static int FitCount(SKFont font, ReadOnlySpan<char> text, float limit)
    {
        var count = (int)font.BreakText(text, limit);
        return Math.Clamp(count, 0, text.Length);
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
