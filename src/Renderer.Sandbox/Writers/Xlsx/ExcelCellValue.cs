using System.Globalization;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>How a cell value is stored in the sheet.</summary>
internal enum ExcelValueKind : byte
{
    Blank,
    Number,
    Text,
    Boolean,

    /// <summary>A point in time, stored as an OLE Automation date serial with a date number format.</summary>
    DateTime,

    /// <summary>A <see cref="TimeSpan"/>, stored as a number of days with an elapsed-time number format.</summary>
    Duration,
}

/// <summary>
/// A typed cell value (number, text, date, bool), in the spirit of ClosedXML's XLCellValue: numbers and dates keep
/// their numeric value so Excel can sort, sum and format them; text is kept as text.
/// </summary>
internal readonly struct ExcelCellValue
{
    /// <summary>Excel's limit on the characters of one cell.</summary>
    public const int MaxTextLength = 32767;

    private static readonly DateTime ExcelEpochLeapBug = new(1900, 3, 1);
    private static readonly DateTime ExcelFirstDate = new(1900, 1, 1);

    private readonly object? _text; // the text, or a RichCellText for a rich-text item (one field keeps the struct small)

    private ExcelCellValue(ExcelValueKind kind, double number, object? text)
    {
        Kind = kind;
        Number = number;
        _text = text;
    }

    public static ExcelCellValue Blank => default;

    public ExcelValueKind Kind { get; }

    /// <summary>The numeric value for Number, DateTime (Excel serial), Duration (days) and Boolean (0/1).</summary>
    public double Number { get; }

    /// <summary>The text for <see cref="ExcelValueKind.Text"/>.</summary>
    public string? Text => _text as string ?? (_text as RichCellText)?.Plain;

    /// <summary>The styled runs of a rich-text item's text (written as a rich-text shared string); null for plain text.</summary>
    public RichText? Rich => (_text as RichCellText)?.Rich;

    public bool IsBlank => Kind == ExcelValueKind.Blank;

    public static ExcelCellValue FromNumber(double value)
        => double.IsFinite(value) ? new(ExcelValueKind.Number, value, null) : FromText(value.ToString(CultureInfo.InvariantCulture));

    public static ExcelCellValue FromBoolean(bool value) => new(ExcelValueKind.Boolean, value ? 1 : 0, null);

    public static ExcelCellValue FromText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Blank;
        }

        return new(ExcelValueKind.Text, 0, value.Length > MaxTextLength ? value[..MaxTextLength] : value);
    }

    /// <summary>A date as an Excel serial number (1900 date system); dates Excel cannot show become text.</summary>
    public static ExcelCellValue FromDateTime(DateTime value, string fallbackText)
    {
        if (value < ExcelFirstDate)
        {
            return FromText(fallbackText);
        }

        var serial = value.ToOADate();

        // Excel counts the non-existent 1900-02-29 (Lotus compatibility); OLE dates do not.
        if (value < ExcelEpochLeapBug)
        {
            serial -= 1;
        }

        return new(ExcelValueKind.DateTime, serial, null);
    }

    public static ExcelCellValue FromDuration(TimeSpan value) => new(ExcelValueKind.Duration, value.TotalDays, null);

    /// <summary>The value of a text item: typed values stay typed; anything else falls back to the rendered text.</summary>
    public static ExcelCellValue FromItem(TextItem item)
    {
        if (item.Rich is { } rich && item.Value is string or null && item.Text.Length is > 0 and <= MaxTextLength)
        {
            return new(ExcelValueKind.Text, 0, new RichCellText(item.Text, rich));
        }

        // The common data types first, by exact type (one type-handle compare each); the rest below.
        var value = item.Value;
        var type = value?.GetType();
        if (type == typeof(string))
        {
            return FromText((string)value!);
        }

        if (type == typeof(int))
        {
            return FromNumber((int)value!);
        }

        if (type == typeof(decimal))
        {
            return FromNumber((double)(decimal)value!);
        }

        if (type == typeof(double))
        {
            return FromNumber((double)value!);
        }

        if (type == typeof(DateTime))
        {
            return FromDateTime((DateTime)value!, item.Text);
        }

        return FromOther(item);
    }

    private static ExcelCellValue FromOther(TextItem item) => item.Value switch
    {
        null => FromText(item.Text),
        string s => FromText(s),
        double d => FromNumber(d),
        float f => FromNumber(double.Parse(f.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)), // 0.1f stays 0.1
        decimal m => FromNumber((double)m),
        int i => FromNumber(i),
        long l => FromNumber(l),
        short s => FromNumber(s),
        byte b => FromNumber(b),
        sbyte b => FromNumber(b),
        uint u => FromNumber(u),
        ulong u => FromNumber(u),
        ushort u => FromNumber(u),
        bool b => FromBoolean(b),
        DateTime dt => FromDateTime(dt, item.Text),
        DateTimeOffset dto => FromDateTime(dto.DateTime, item.Text),
        DateOnly date => FromDateTime(date.ToDateTime(TimeOnly.MinValue), item.Text),
        TimeSpan ts => FromDuration(ts),
        _ => FromText(item.Text),
    };

    private sealed record RichCellText(string Plain, RichText Rich);

    /// <summary>The invariant text written into the cell's &lt;v&gt; element for numeric kinds.</summary>
    public string FormatNumber() => Kind == ExcelValueKind.Boolean
        ? (Number != 0 ? "1" : "0")
        : Number.ToString(CultureInfo.InvariantCulture);
}
