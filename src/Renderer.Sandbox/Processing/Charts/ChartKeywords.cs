using System.Globalization;
using System.Text.RegularExpressions;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing.Charts;

/// <summary>
/// Replaces the chart keywords of SSRS (the Microsoft chart control's) in data labels, tooltips and legend text:
/// <c>#VALY</c>, <c>#VALX</c>, <c>#PERCENT</c>, <c>#TOTAL</c>, <c>#AVG</c>, <c>#MIN</c>, <c>#MAX</c>, <c>#FIRST</c>,
/// <c>#LAST</c>, <c>#INDEX</c> (zero-based), <c>#SERIESNAME</c> (<c>#SER</c>), <c>#LEGENDTEXT</c>, <c>#AXISLABEL</c> and
/// <c>#LABEL</c>, each optionally followed by a .NET format in braces (<c>#PERCENT{P0}</c>, <c>#VALY{N2}</c>).
/// <c>#PERCENT</c> without a format shows two decimals (P2); numbers without one use the data label's Format, else the
/// general format. Unknown keywords stay as written.
/// </summary>
internal static partial class ChartKeywords
{
    /// <summary>True when <paramref name="text"/> may hold a keyword (a cheap test before the regex).</summary>
    public static bool Has(string? text) => text is not null && text.Contains('#', StringComparison.Ordinal);

    public static string Replace(string text, in ChartKeywordValues values, CultureInfo culture)
    {
        if (!Has(text)) return text;
        var v = values;
        return Keyword().Replace(text, match =>
        {
            var format = match.Groups[2].Success ? match.Groups[2].Value : null;
            return match.Groups[1].Value.ToUpperInvariant() switch
            {
                "VALY" => Number(v.Y, format ?? v.Format, culture),
                "VALX" => v.X is { } x ? Number(x, format ?? v.Format, culture) : v.AxisLabel,
                "PERCENT" => v.Y is { } y && v.Total != 0 ? (y / v.Total).ToString(format ?? "P2", culture) : string.Empty,
                "TOTAL" => Number(v.Total, format ?? v.Format, culture),
                "AVG" => Number(v.Count == 0 ? null : v.Total / v.Count, format ?? v.Format, culture),
                "MIN" => Number(v.Minimum, format ?? v.Format, culture),
                "MAX" => Number(v.Maximum, format ?? v.Format, culture),
                "FIRST" => Number(v.First, format ?? v.Format, culture),
                "LAST" => Number(v.Last, format ?? v.Format, culture),
                "INDEX" => v.Index.ToString(format, culture),
                "SERIESNAME" or "SER" => v.SeriesName,
                "LEGENDTEXT" => v.LegendText,
                "AXISLABEL" or "LABEL" => v.AxisLabel,
                _ => match.Value,
            };
        });
    }

    private static string Number(double? value, string? format, CultureInfo culture) =>
        value is { } number ? ValueFormatter.Format(number, format, culture) : string.Empty;

    [GeneratedRegex(@"#(VALY|VALX|PERCENT|TOTAL|AVG|MIN|MAX|FIRST|LAST|INDEX|SERIESNAME|SER|LEGENDTEXT|AXISLABEL|LABEL)(?:\{([^}]*)\})?", RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();
}

/// <summary>What the keywords of one data point (or of a series, for its legend text) stand for.</summary>
internal readonly record struct ChartKeywordValues(
    double? Y,
    double? X,
    int Index,
    string AxisLabel,
    string SeriesName,
    string LegendText,
    double Total,
    int Count,
    double? Minimum,
    double? Maximum,
    double? First,
    double? Last,
    string? Format)
{
    /// <summary>The series-wide values of <paramref name="points"/> (Y values, empty ones left out).</summary>
    public static ChartKeywordValues ForSeries(IReadOnlyList<ChartPointData> points, string seriesName, string legendText, string? format)
    {
        double total = 0;
        int count = 0;
        double? min = null, max = null, first = null, last = null;
        foreach (var point in points)
        {
            if (point.Y is not { } y) continue;
            total += y;
            count++;
            min = min is { } m && m <= y ? m : y;
            max = max is { } n && n >= y ? n : y;
            first ??= y;
            last = y;
        }
        return new ChartKeywordValues(null, null, 0, string.Empty, seriesName, legendText, total, count, min, max, first, last, format);
    }
}
