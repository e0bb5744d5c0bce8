using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Renderer.Sandbox.Processing.Interactivity;

/// <summary>
/// Spells toggle and sort ids as safe tokens of <c>[A-Za-z0-9_.-]</c>: the textbox name, then for each enclosing group
/// <c>.Group-Value</c> (values of several group expressions joined by <c>-</c>). Letters and digits stay; any other
/// character becomes <c>_XX</c> per UTF-8 byte, and a null value is a lone <c>_</c>, so
/// <c>Textbox3|Region=West|City=New York</c> reads <c>Textbox3.Region-West.City-New_20York</c>. Ids longer than
/// <see cref="MaxLength"/> keep their start and end with a hash of the whole.
/// </summary>
internal static class InstanceIds
{
    public const int MaxLength = 200;

    public static void AppendName(StringBuilder id, string name) => Escape(id, name);

    public static void AppendValue(StringBuilder id, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                id.Append('_');
                break;
            case DateTime d:
                Escape(id, d.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset d:
                Escape(id, d.ToString("o", CultureInfo.InvariantCulture));
                break;
            case decimal m:
                // 1.0m and 1.00m group together (GroupKey): spell them alike.
                Escape(id, (m / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
                break;
            case double f:
                Escape(id, f.ToString("R", CultureInfo.InvariantCulture));
                break;
            case IFormattable f:
                Escape(id, f.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                Escape(id, value.ToString() ?? string.Empty);
                break;
        }
    }

    /// <summary>The id as given when short enough; else its first part, a dot and 16 hex digits of its SHA-256.</summary>
    public static string Limit(string id)
    {
        if (id.Length <= MaxLength) return id;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
        return string.Concat(id.AsSpan(0, MaxLength - 17), ".", hash);
    }

    private static void Escape(StringBuilder id, string text)
    {
        Span<byte> bytes = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                id.Append(c);
                continue;
            }
            int count;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                count = Encoding.UTF8.GetBytes(text.AsSpan(i, 2), bytes);
                i++;
            }
            else
            {
                count = Encoding.UTF8.GetBytes(text.AsSpan(i, 1), bytes);
            }
            for (int b = 0; b < count; b++) id.Append('_').Append(bytes[b].ToString("X2", CultureInfo.InvariantCulture));
        }
    }
}
