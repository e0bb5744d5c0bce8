using System.Collections.Immutable;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// One line of rich text broken for a width: its segments (X from the paragraph's left content edge, before alignment),
/// its advance width, its alignment and left offset, and its height and ascent (the tallest run's).
/// </summary>
internal sealed record RichLine(ImmutableArray<TextSegment> Segments, double Width, TextAlignment Align, double Indent, double Top, double Ascent, double Height)
{
    public string Text => string.Concat(Segments.Select(s => s.Text));
}

/// <summary>
/// Breaks <see cref="RichText"/> into lines: greedy word wrap across runs (a word split between two styles stays
/// whole), paragraph indents (left, first line) and spacing, each line as tall as its tallest run. Widths come from the
/// same <see cref="ITextMeasurer"/> the plain path uses, so the PDF draws each segment where it was measured.
/// </summary>
/// <remarks>Segments are laid out left to right in logical order (no bidi reordering inside rich text).</remarks>
internal static class RichTextLayout
{
    /// <summary>A piece of a run up to and including the spaces after a word (the break opportunities).</summary>
    private readonly record struct Piece(string Text, TextStyle Style, string? Link, double Width, double SpaceWidth, bool EndsWord);

    public static List<RichLine> Break(RichText rich, TextStyle textboxStyle, double width, ITextMeasurer measurer)
    {
        var lines = new List<RichLine>();
        double top = 0;
        foreach (var paragraph in rich.Paragraphs)
        {
            top += paragraph.SpaceBefore;
            var pieces = Pieces(paragraph, measurer);
            double firstIndent = paragraph.LeftIndent + paragraph.FirstLineIndent;
            var current = new List<Piece>();
            double lineWidth = 0;
            bool first = true;
            void Flush(bool last)
            {
                var indent = first ? firstIndent : paragraph.LeftIndent;
                var line = MakeLine(current, paragraph, textboxStyle, indent, top, measurer);
                lines.Add(line);
                top += line.Height;
                current.Clear();
                lineWidth = 0;
                first = false;
            }
            int i = 0;
            while (i < pieces.Count)
            {
                // A word: pieces up to the one that ends it (a word may change style in the middle).
                int end = i;
                double wordWidth = 0;
                while (true)
                {
                    wordWidth += pieces[end].Width;
                    if (pieces[end].EndsWord || end == pieces.Count - 1) break;
                    end++;
                }
                double available = width - (first ? firstIndent : paragraph.LeftIndent);
                double trailing = pieces[end].SpaceWidth;
                if (current.Count > 0 && lineWidth + wordWidth - trailing > available + 0.001) Flush(last: false);
                for (int k = i; k <= end; k++) current.Add(pieces[k]);
                lineWidth += wordWidth;
                i = end + 1;
            }
            Flush(last: true);
            top += paragraph.SpaceAfter;
        }
        return lines;
    }

    private static List<Piece> Pieces(RichParagraph paragraph, ITextMeasurer measurer)
    {
        var pieces = new List<Piece>();
        foreach (var run in paragraph.Runs)
        {
            var text = run.Text;
            int start = 0;
            while (start < text.Length)
            {
                int space = text.IndexOf(' ', start);
                int wordEnd = space < 0 ? text.Length : space;
                int end = wordEnd;
                while (end < text.Length && text[end] == ' ') end++;
                var piece = text[start..end];
                double spaceWidth = end > wordEnd ? measurer.MeasureWidth(text[wordEnd..end], run.Style) : 0;
                pieces.Add(new Piece(piece, run.Style, run.Link, measurer.MeasureWidth(piece, run.Style), spaceWidth, end > wordEnd));
                start = end;
            }
        }
        return pieces;
    }

    private static RichLine MakeLine(List<Piece> pieces, RichParagraph paragraph, TextStyle textboxStyle, double indent, double top, ITextMeasurer measurer)
    {
        // Trailing spaces at a break belong to no line.
        int last = pieces.Count - 1;
        var segments = ImmutableArray.CreateBuilder<TextSegment>();
        double x = 0, ascent = 0, height = 0;
        for (int i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var text = piece.Text;
            var width = piece.Width;
            if (i == last && piece.SpaceWidth > 0)
            {
                text = text.TrimEnd(' ');
                width -= piece.SpaceWidth;
            }
            var metrics = measurer.GetMetrics(piece.Style);
            ascent = Math.Max(ascent, metrics.Ascent);
            height = Math.Max(height, metrics.LineHeight);
            if (segments.Count > 0 && Equals(segments[^1].Style, piece.Style) && segments[^1].Link == piece.Link)
            {
                var previous = segments[^1];
                segments[^1] = previous with { Text = previous.Text + text, Width = previous.Width + width };
            }
            else if (text.Length > 0)
            {
                segments.Add(new TextSegment(x, width, text, piece.Style) { Link = piece.Link });
            }
            x += width;
        }
        if (height == 0)
        {
            var metrics = measurer.GetMetrics(paragraph.Runs.Length > 0 ? paragraph.Runs[0].Style : textboxStyle);
            ascent = metrics.Ascent;
            height = metrics.LineHeight;
        }
        return new RichLine(segments.ToImmutable(), x, paragraph.Align, indent, top, ascent, height);
    }
}
