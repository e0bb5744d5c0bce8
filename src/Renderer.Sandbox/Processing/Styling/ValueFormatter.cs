using System.Globalization;

namespace Renderer.Sandbox.Processing.Styling;

/// <summary>Turns a typed value and an RDL Format (a .NET format string) into display text, as SSRS does.</summary>
internal static class ValueFormatter
{
    public static string Format(object? value, string? format, CultureInfo culture)
    {
        switch (value)
        {
            case null or DBNull:
                return string.Empty;
            case string s:
                return s;
            case IFormattable f when !string.IsNullOrEmpty(format):
                try
                {
                    return f.ToString(format, culture);
                }
                catch (FormatException)
                {
                    return f.ToString(null, culture);
                }
            case IFormattable f:
                return f.ToString(null, culture);
            case object?[] array:
                return string.Join(", ", array.Select(v => Format(v, format, culture)));
            default:
                return value.ToString() ?? string.Empty;
        }
    }
}
