using Renderer.Contracts.Formats;

namespace Renderer.Sandbox.Layout.Text;

/// <summary>
/// Which shipped font file draws a report font family at a weight and style, the same choice the PDF makes
/// (<see cref="FontLibrary"/>): for the HTML format's <c>@font-face</c> rules and for callers that check a requested
/// font file name (<see cref="ShippedFonts.IsShipped"/>).
/// </summary>
public static class FontFiles
{
    /// <summary>The shipped face for <paramref name="family"/> at CSS <paramref name="weight"/> (400 normal, 700 bold).</summary>
    public static ShippedFont For(string family, int weight, bool italic)
    {
        var fileName = FontLibrary.FileNameOf(family, weight, italic);
        return ShippedFonts.All.First(f => f.FileName == fileName);
    }

    /// <summary>Every shipped font file.</summary>
    public static IReadOnlyList<ShippedFont> All => ShippedFonts.All;
}
