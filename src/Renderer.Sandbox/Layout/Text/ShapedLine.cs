using SkiaSharp;

namespace Renderer.Sandbox.Layout.Text;

/// <summary>
/// Glyphs of one face, in visual order, positioned in points relative to the line's left edge on its baseline (y grows
/// down). <see cref="Text"/> is the logical text the glyphs show and <see cref="Clusters"/> gives, per glyph, the UTF-8
/// byte offset of its cluster in that text, so a PDF keeps the characters behind ligatures and contextual forms.
/// </summary>
internal sealed record ShapedRun(SKTypeface Typeface, ushort[] Glyphs, SKPoint[] Positions, string Text, uint[] Clusters, bool RightToLeft);

/// <summary>A line of text shaped by <see cref="TextShaper"/>: its runs left to right and its advance width in points.</summary>
internal sealed record ShapedLine(IReadOnlyList<ShapedRun> Runs, float Width)
{
    public static ShapedLine Empty { get; } = new([], 0);
}
