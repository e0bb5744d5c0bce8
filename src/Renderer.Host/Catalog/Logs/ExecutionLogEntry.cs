namespace Renderer.Host.Catalog.Logs;

/// <summary>
/// One render, with the fields of SSRS's ExecutionLog3: what ran, for whom, how (request type, format, parameters),
/// when, where the time went (ms), where the data came from, the outcome (Success or the first error code), and the
/// size of the result; plus the sandbox's peak memory and, in <see cref="AdditionalInfo"/> (JSON), the sandbox's own
/// processing time.
/// </summary>
public sealed record ExecutionLogEntry(
    string ItemPath,
    string UserName,
    string RequestType,
    string Format,
    string? Parameters,
    DateTimeOffset TimeStart,
    DateTimeOffset TimeEnd,
    long TimeDataRetrieval,
    long TimeProcessing,
    long TimeRendering,
    string Source,
    string Status,
    long ByteCount,
    long RowCount,
    int PageCount,
    long PeakMemoryKb,
    string? AdditionalInfo = null,
    string? ClientAddress = null);

/// <summary>The request types of the execution log.</summary>
public static class RequestTypes
{
    public const string Interactive = "Interactive";
    public const string Export = "Export";
    public const string Subscription = "Subscription";
}
