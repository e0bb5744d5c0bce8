using System.Globalization;

namespace DataBroker.Connectors;

/// <summary>
/// How large one value and one row may be (see <see cref="DataBrokerOptions.MaxValueBytes"/> and
/// <see cref="DataBrokerOptions.MaxRowBytes"/>). Connectors check them while they read, before a value past the limit is
/// built: text counts one byte per character (SQLite counts its UTF-8 bytes), binary its bytes, anything else 8.
/// </summary>
/// <param name="MaxValueBytes">Largest value.</param>
/// <param name="MaxRowBytes">Largest row.</param>
/// <param name="MaxSourceBytes">Largest source a connector reads whole (a JSON file): <see cref="DataBrokerOptions.MaxRenderBytes"/>.</param>
public sealed record DataLimits(int MaxValueBytes, int MaxRowBytes, long MaxSourceBytes)
{
    /// <summary>The limits <paramref name="options"/> set.</summary>
    public static DataLimits From(DataBrokerOptions options) => new(options.MaxValueBytes, options.MaxRowBytes, options.MaxRenderBytes);

    /// <summary>The size a value counts for.</summary>
    public static long SizeOf(object? value) => value switch
    {
        null => 0,
        string text => text.Length,
        byte[] bytes => bytes.Length,
        _ => 8,
    };

    public DataLimitException ValueTooLarge(string field, long size) =>
        new($"field '{field}' holds a value of {Format(size)} bytes or more, past the limit of {Format(MaxValueBytes)} bytes per value (DataBroker:MaxValueBytes)");

    public DataLimitException RowTooLarge(string field) =>
        new($"a row reached field '{field}' with more than {Format(MaxRowBytes)} bytes, the limit per row (DataBroker:MaxRowBytes)");

    internal static string Format(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>A value, row or render's data passed a <see cref="DataLimits"/> limit; the message names the field and the limit.</summary>
public sealed class DataLimitException(string message) : Exception(message);
