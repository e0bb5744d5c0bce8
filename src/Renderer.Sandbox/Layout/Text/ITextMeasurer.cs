using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Layout.Text;

/// <summary>
/// Vertical metrics of a font at a size, in points. <see cref="Ascent"/> and <see cref="Descent"/> are positive distances
/// above and below the baseline; <see cref="LineHeight"/> is the recommended baseline-to-baseline distance
/// (ascent + descent + line gap). <see cref="UnderlinePosition"/> is the distance from the baseline down to the
/// top of the underline stroke, <see cref="UnderlineThickness"/> its thickness.
/// </summary>
public readonly record struct FontMetrics(double Ascent, double Descent, double LineHeight, double UnderlinePosition, double UnderlineThickness);

/// <summary>Measures and wraps text with the fonts the writers draw with, so layout and output agree.</summary>
public interface ITextMeasurer
{
    /// <summary>Vertical metrics of the style's font at its size.</summary>
    FontMetrics GetMetrics(TextStyle style);

    /// <summary>Advance width of <paramref name="text"/> on one line, in points, as drawn (plain text unkerned, other text shaped).</summary>
    double MeasureWidth(string text, TextStyle style);

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/> points: hard breaks at
    /// "\r\n", "\n" and "\r"; soft breaks at spaces (which are dropped at the break); a word wider than the line
    /// is split between characters only when it cannot fit on a line by itself. Returns at least one line.
    /// A <paramref name="maxWidth"/> that is not positive disables soft wrapping.
    /// </summary>
    IReadOnlyList<string> BreakLines(string text, TextStyle style, double maxWidth);
}
