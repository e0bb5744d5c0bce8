using System.Globalization;

namespace DataBroker.Connectors.Inline;

/// <summary>
/// Types inline text values: by the element path's type (<c>String, Integer, Boolean, Float, Decimal, Date</c>) when given,
/// else by the dataset field's type name (rd:TypeName such as <c>System.Int32</c>, or fyiReporting's <c>TypeName</c>).
/// Text that does not parse as the type, and values of untyped fields, stay strings (as SSRS's XML provider returns them).
/// </summary>
internal static class InlineValueConverter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static object? Convert(string text, string? type)
    {
        var kind = Normalize(type);
        if (kind is null or "string") return text;
        var value = text.Trim();
        if (value.Length == 0) return null;
        return kind switch
        {
            "int" => int.TryParse(value, NumberStyles.Integer, Invariant, out var i) ? i : text,
            "long" => long.TryParse(value, NumberStyles.Integer, Invariant, out var l) ? l : text,
            "decimal" => decimal.TryParse(value, NumberStyles.Number | NumberStyles.AllowExponent, Invariant, out var m) ? m : text,
            "double" => double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, Invariant, out var d) ? d : text,
            "bool" => bool.TryParse(value, out var b) ? b : value is "1" ? true : value is "0" ? false : text,
            "datetime" => DateTime.TryParse(value, Invariant, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var dt) ? dt : text,
            _ => text,
        };
    }

    internal static string? Normalize(string? type)
    {
        if (string.IsNullOrWhiteSpace(type)) return null;
        var t = type.Trim();
        if (t.StartsWith("System.", StringComparison.OrdinalIgnoreCase)) t = t[7..];
        return t.ToLowerInvariant() switch
        {
            "string" or "char" or "guid" => "string",
            "int16" or "int32" or "int" or "integer" or "short" or "byte" or "sbyte" or "uint16" => "int",
            "int64" or "long" or "uint32" => "long",
            "decimal" or "money" => "decimal",
            "double" or "single" or "float" => "double",
            "boolean" or "bool" => "bool",
            "datetime" or "date" or "datetimeoffset" => "datetime",
            _ => null,
        };
    }
}
