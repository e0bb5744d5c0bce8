using System.Globalization;

namespace Renderer.Sandbox.Processing.Styling;

/// <summary>RDL FontWeight values (and CSS font-weight ones) as CSS weights, 100 to 900.</summary>
internal static class FontWeights
{
    /// <summary>
    /// The weight of an RDL FontWeight (Thin, ExtraLight, Light, Normal, Medium, SemiBold, Bold, ExtraBold, Heavy; CSS's
    /// "Black", "lighter", "bolder" and numbers 1-1000 too); 400 for null, Default and anything else.
    /// </summary>
    public static int Parse(string? weight)
    {
        if (weight is null) return 400;
        var text = weight.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number is >= 1 and <= 1000 ? number : 400;
        return text.ToLowerInvariant() switch
        {
            "thin" or "hairline" => 100,
            "extralight" or "ultralight" => 200,
            "light" or "lighter" => 300,
            "medium" => 500,
            "semibold" or "demibold" => 600,
            "bold" or "bolder" => 700,
            "extrabold" or "ultrabold" => 800,
            "heavy" or "black" => 900,
            _ => 400,
        };
    }
}
