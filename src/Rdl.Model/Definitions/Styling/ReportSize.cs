using System.Globalization;

namespace Rdl.Model.Definitions.Styling;

/// <summary>An RDL size ("2.5in", "1cm", "10pt", "12mm", "1pc") held in points (1/72 inch).</summary>
public readonly record struct ReportSize(double Points)
{
    public static ReportSize Zero => new(0);

    public double Inches => Points / 72.0;

    /// <summary>
    /// Parses an RDL size; returns false for anything that is not a finite number followed by in, cm, mm, pt or pc
    /// (NaN, Infinity and numbers too large for a double are refused).
    /// </summary>
    public static bool TryParse(string? text, out ReportSize size)
    {
        size = Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        int i = s.Length;
        while (i > 0 && char.IsLetter(s[i - 1])) i--;
        var unit = s[i..].ToLowerInvariant();
        if (!double.TryParse(s[..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return false;
        double factor = unit switch
        {
            "in" => 72.0,
            "cm" => 72.0 / 2.54,
            "mm" => 72.0 / 25.4,
            "pt" => 1.0,
            "pc" => 12.0,
            _ => double.NaN,
        };
        if (double.IsNaN(factor)) return false;
        if (!double.IsFinite(value * factor)) return false;
        size = new ReportSize(value * factor);
        return true;
    }

    public override string ToString() => Points.ToString("0.##", CultureInfo.InvariantCulture) + "pt";
}
