using System.Globalization;

namespace DataBroker.Connectors;

/// <summary>
/// One CSV column from a header cell <c>Name:type</c> (types: string, int, long, decimal, double, datetime, date, bool) or
/// plain <c>Name</c> (string). Values are parsed with the invariant culture; an empty value is null, except in a string
/// column where it is the empty string.
/// </summary>
internal sealed class CsvColumn
{
    public static readonly string[] TypeNames = ["string", "int", "long", "decimal", "double", "datetime", "date", "bool"];

    private const NumberStyles IntegerStyle = NumberStyles.Integer;
    private const NumberStyles DecimalStyle = NumberStyles.Number | NumberStyles.AllowExponent;
    private const NumberStyles DoubleStyle = NumberStyles.Float | NumberStyles.AllowThousands;

    private CsvColumn(string name, string type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public string Type { get; }

    public static CsvColumn Parse(ReadOnlySpan<char> headerCell, int index)
    {
        var cell = headerCell.Trim();
        var colon = cell.LastIndexOf(':');
        var name = (colon < 0 ? cell : cell[..colon]).Trim().ToString();
        var type = colon < 0 ? "string" : cell[(colon + 1)..].Trim().ToString().ToLowerInvariant();
        if (name.Length == 0) throw new FormatException($"header column {index + 1} has no name");
        if (!TypeNames.Contains(type))
        {
            throw new FormatException($"header column '{name}' has unknown type '{type}'; expected one of: {string.Join(", ", TypeNames)}");
        }

        return new CsvColumn(name, type);
    }

    /// <summary>The typed value of <paramref name="text"/>, or throws a <see cref="FormatException"/> naming the column and line.</summary>
    public object? Convert(ReadOnlySpan<char> text, int lineNumber)
    {
        if (Type == "string") return text.Length == 0 ? string.Empty : text.ToString();
        if (text.IsWhiteSpace()) return null;

        var invariant = CultureInfo.InvariantCulture;
        object? value = Type switch
        {
            "int" => int.TryParse(text, IntegerStyle, invariant, out var i) ? i : null,
            "long" => long.TryParse(text, IntegerStyle, invariant, out var l) ? l : null,
            "decimal" => decimal.TryParse(text, DecimalStyle, invariant, out var m) ? m : null,
            "double" => double.TryParse(text, DoubleStyle, invariant, out var d) ? d : null,
            "datetime" => TryParseDate(text, out var dt) ? dt : null,
            "date" => TryParseDate(text, out var date) ? date.Date : null,
            "bool" => TryParseBool(text.Trim(), out var b) ? b : null,
            _ => null,
        };
        return value ?? throw new FormatException($"line {lineNumber}, column '{Name}': '{text}' is not a valid {Type}");
    }

    private static bool TryParseDate(ReadOnlySpan<char> text, out DateTime value) =>
        (text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);

    private static bool TryParseBool(ReadOnlySpan<char> text, out bool value)
    {
        if (bool.TryParse(text, out value)) return true;
        if (text is "1" || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return text is "0" || text.Equals("no", StringComparison.OrdinalIgnoreCase);
    }
}
