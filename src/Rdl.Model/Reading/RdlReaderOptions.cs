namespace Rdl.Model.Reading;

/// <summary>
/// Limits applied while reading an RDL document, before any tree is built. The defaults are far above real reports: of
/// the 64 corpus and sample reports the deepest nests 23 levels, the largest has 5,484 elements and 508 KB.
/// </summary>
public sealed class RdlReaderOptions
{
    public const int DefaultMaxDepth = 128;

    public const long DefaultMaxDocumentBytes = 32L * 1024 * 1024;

    public const int DefaultMaxElements = 100_000;

    public static RdlReaderOptions Default { get; } = new();

    /// <summary>Deepest allowed element nesting (the root element is depth 1). Default 128.</summary>
    public int MaxDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = DefaultMaxDepth;

    /// <summary>Largest accepted document in bytes. Default 32 MiB.</summary>
    public long MaxDocumentBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = DefaultMaxDocumentBytes;

    /// <summary>Most elements a document may have (attributes and text not counted). Default 100,000.</summary>
    public int MaxElements
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = DefaultMaxElements;
}
