using System.Globalization;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// The attributes and inline CSS of SSRS's HTML subset (<see cref="HtmlText"/>): font-family, font-size, font-weight,
/// font-style, color, text-decoration for runs; text-align, text-indent and padding for paragraphs. Lengths are read in
/// pt, px (96 per inch), in, cm, mm, em and %; colours as names, #RGB, #RRGGBB and rgb(r, g, b). Anything else is ignored.
/// </summary>
internal static class HtmlCss
{
    /// <summary>The attributes of a start tag's text after its name (<c> href="x" style='y' size=3</c>), names lower-cased.</summary>
    public static Dictionary<string, string> Attributes(ReadOnlySpan<char> text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '=') i++;
            if (i == start)
            {
                i++;
                continue;
            }
            var name = text[start..i].ToString().ToLowerInvariant();
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            string value = string.Empty;
            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                if (i < text.Length && text[i] is '"' or '\'')
                {
                    char quote = text[i++];
                    int close = text[i..].IndexOf(quote);
                    int end = close < 0 ? text.Length : i + close;
                    value = text[i..end].ToString();
                    i = Math.Min(text.Length, end + 1);
                }
                else
                {
                    int valueStart = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                    value = text[valueStart..i].ToString();
                }
            }
            attributes.TryAdd(name, DecodeReferences(value));
        }
        return attributes;
    }

    /// <summary>The declarations of a style attribute, property names lower-cased, values trimmed.</summary>
    public static IEnumerable<(string Property, string Value)> Declarations(string css)
    {
        foreach (var declaration in css.Split(';'))
        {
            int colon = declaration.IndexOf(':');
            if (colon <= 0) continue;
            yield return (declaration[..colon].Trim().ToLowerInvariant(), declaration[(colon + 1)..].Trim());
        }
    }

    /// <summary><paramref name="style"/> with the text properties of <paramref name="css"/> applied.</summary>
    public static TextStyle ApplyText(string css, TextStyle style)
    {
        foreach (var (property, value) in Declarations(css))
        {
            switch (property)
            {
                case "font-family" when value.Length > 0:
                    style = style with { FontFamily = value };
                    break;
                case "font-size" when FontSize(value, style.FontSize) is { } size:
                    style = style with { FontSize = size };
                    break;
                case "font-weight":
                    var weight = value.Equals("bolder", StringComparison.OrdinalIgnoreCase) ? 700 : FontWeights.Parse(value);
                    style = style with { Bold = weight >= 600, Weight = weight is 400 or 700 ? 0 : weight };
                    break;
                case "font-style":
                    style = style with { Italic = value.Equals("italic", StringComparison.OrdinalIgnoreCase) || value.Equals("oblique", StringComparison.OrdinalIgnoreCase) };
                    break;
                case "color" when Color(value) is { } color:
                    style = style with { Color = color };
                    break;
                case "text-decoration":
                    style = style with
                    {
                        Underline = value.Contains("underline", StringComparison.OrdinalIgnoreCase),
                        LineThrough = value.Contains("line-through", StringComparison.OrdinalIgnoreCase),
                    };
                    break;
            }
        }
        return style;
    }

    public static TextAlignment? Align(string value) => value.Trim().ToLowerInvariant() switch
    {
        "left" or "start" => TextAlignment.Left,
        "center" => TextAlignment.Center,
        "right" or "end" => TextAlignment.Right,
        _ => null,
    };

    /// <summary>A CSS colour: a name (as RDL knows them), #RGB, #RRGGBB or rgb(r, g, b).</summary>
    public static Rgba? Color(string value)
    {
        var text = value.Trim();
        if (text.Length == 4 && text[0] == '#')
            text = string.Concat("#", new string(text[1], 2), new string(text[2], 2), new string(text[3], 2));
        if (text.StartsWith("rgb(", StringComparison.OrdinalIgnoreCase) && text.EndsWith(')'))
        {
            var parts = text[4..^1].Split(',');
            if (parts.Length != 3) return null;
            var channels = new byte[3];
            for (int i = 0; i < 3; i++)
            {
                if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var channel)) return null;
                channels[i] = (byte)Math.Clamp(channel, 0, 255);
            }
            return new Rgba(channels[0], channels[1], channels[2]);
        }
        return ColorParser.Parse(text);
    }

    /// <summary>A CSS length in points (em and % relative to <paramref name="fontSize"/>); null when unreadable or out of range.</summary>
    public static double? Length(string value, double fontSize)
    {
        var text = value.Trim().ToLowerInvariant();
        (string Unit, double Points)[] units = [("pt", 1), ("px", 0.75), ("in", 72), ("cm", 72 / 2.54), ("mm", 72 / 25.4), ("em", fontSize), ("%", fontSize / 100)];
        foreach (var (unit, points) in units)
        {
            if (!text.EndsWith(unit, StringComparison.Ordinal)) continue;
            if (!double.TryParse(text[..^unit.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number)) return null;
            var length = number * points;
            return Math.Abs(length) <= 1000 ? length : null;
        }
        return text == "0" ? 0 : null;
    }

    /// <summary>A CSS padding shorthand (one to four lengths) as top, right, bottom, left.</summary>
    public static (double Top, double Right, double Bottom, double Left)? Padding(string value, double fontSize)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lengths = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (Length(parts[i], fontSize) is not { } length) return null;
            lengths[i] = length;
        }
        return lengths.Length switch
        {
            1 => (lengths[0], lengths[0], lengths[0], lengths[0]),
            2 => (lengths[0], lengths[1], lengths[0], lengths[1]),
            3 => (lengths[0], lengths[1], lengths[2], lengths[1]),
            4 => (lengths[0], lengths[1], lengths[2], lengths[3]),
            _ => null,
        };
    }

    /// <summary>A CSS font-size in points: a length, or a keyword (xx-small ... xx-large, smaller, larger); 1 to 400 pt.</summary>
    public static double? FontSize(string value, double current)
    {
        double? size = value.Trim().ToLowerInvariant() switch
        {
            "xx-small" => 7,
            "x-small" => 7.5,
            "small" => 10,
            "medium" => 12,
            "large" => 13.5,
            "x-large" => 18,
            "xx-large" => 24,
            "smaller" => current / 1.2,
            "larger" => current * 1.2,
            _ => Length(value, current),
        };
        return size is >= 1 and <= 400 ? size : null;
    }

    /// <summary>FONT's size attribute: 1-7 (7.5, 10, 12, 13.5, 18, 24, 36 pt), or +n/-n relative to 3.</summary>
    public static double? FontTagSize(string value, double current)
    {
        var text = value.Trim();
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return null;
        if (text[0] is '+' or '-') number += 3;
        double[] sizes = [7.5, 10, 12, 13.5, 18, 24, 36];
        return sizes[Math.Clamp(number, 1, 7) - 1];
    }

    private static string DecodeReferences(string value) =>
        value.Contains('&') ? value.Replace("&amp;", "&", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal)
            .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&#39;", "'", StringComparison.Ordinal) : value;
}
