using System.Drawing;
using System.Globalization;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Processing.Styling;

/// <summary>Parses RDL colors: "#RRGGBB", "#AARRGGBB", HTML/.NET names ("LightGrey" and "LightGray"), "Transparent".</summary>
internal static class ColorParser
{
    public static Rgba? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        if (s[0] == '#')
        {
            if (s.Length == 7 && uint.TryParse(s.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
                return new Rgba((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
            if (s.Length == 9 && uint.TryParse(s.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var argb))
                return new Rgba((byte)(argb >> 16), (byte)(argb >> 8), (byte)argb, (byte)(argb >> 24));
            return null;
        }
        var color = Color.FromName(s.Replace("grey", "gray", StringComparison.OrdinalIgnoreCase));
        if (!color.IsKnownColor) return null;
        return new Rgba(color.R, color.G, color.B, color.A);
    }
}
