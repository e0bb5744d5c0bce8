using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using DataBroker.Connectors.Inline;

namespace DataBroker.Connectors;

/// <summary>
/// Reads datasets from JSON files of a registered <c>json</c> source. The connection string is the path of a .json file, or
/// of a folder in which <c>&lt;DataSetName&gt;.json</c> is read (as for CSV, the name cannot leave the folder). The file
/// holds an array of objects, one per row; columns are the property names in order of first appearance (a row lacking one
/// is null there). Numbers become <see cref="long"/> when integral, else <see cref="decimal"/> (or <see cref="double"/> beyond
/// decimal's range); strings in ISO 8601 date form (<c>2024-01-31</c>, <c>2024-01-31T10:00:00</c>) become <see cref="DateTime"/>;
/// nested objects and arrays stay as their JSON text. The query text and parameters are ignored. The file is read whole,
/// so it may not be larger than <see cref="DataLimits.MaxSourceBytes"/>; a value's raw JSON longer than
/// <see cref="DataLimits.MaxValueBytes"/>, or a row past <see cref="DataLimits.MaxRowBytes"/>, is refused before it becomes a string.
/// </summary>
internal sealed class JsonConnector : IDataSourceConnector
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"];

    public string Provider => "json";

    public async Task<IRowSource> OpenAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = CsvConnector.ResolvePath(request.DataSource.ConnectionString, request.DataSetName, ".json");
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var limits = request.Limits;
        if (stream.Length > limits.MaxSourceBytes)
            throw new DataLimitException($"{Path.GetFileName(path)} is larger than {DataLimits.Format(limits.MaxSourceBytes)} bytes, the most a render may receive (DataBroker:MaxRenderBytes)");
        using var document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }, cancellationToken).ConfigureAwait(false);
        var fileName = Path.GetFileName(path);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new FormatException($"{fileName} must hold an array of objects, one per row");

        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var objects = new List<JsonElement>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
                throw new FormatException($"{fileName}: row {objects.Count + 1} is a {item.ValueKind}, not an object");
            foreach (var property in item.EnumerateObject())
            {
                if (index.TryAdd(property.Name, columns.Count)) columns.Add(property.Name);
            }
            objects.Add(item);
        }

        var rows = new List<object?[]>(objects.Count);
        foreach (var item in objects)
        {
            var row = new object?[columns.Count];
            long rowBytes = 0;
            foreach (var property in item.EnumerateObject())
            {
                var size = JsonMarshal.GetRawUtf8Value(property.Value).Length;
                if (size > limits.MaxValueBytes) throw limits.ValueTooLarge(property.Name, size);
                if ((rowBytes += size) > limits.MaxRowBytes) throw limits.RowTooLarge(property.Name);
                row[index[property.Name]] = Convert(property.Value);
            }
            rows.Add(row);
        }
        return new MemoryRowSource(columns, rows);
    }

    private static object? Convert(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.TryGetDecimal(out var m) ? m : value.GetDouble(),
        JsonValueKind.String => value.GetString() is { } s && s.Length >= 10 && char.IsAsciiDigit(s[0])
            && DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : value.GetString(),
        _ => value.GetRawText(),
    };
}
