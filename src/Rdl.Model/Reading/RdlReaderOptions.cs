namespace Rdl.Model.Reading;

/// <summary>Limits applied while reading an RDL document.</summary>
public sealed class RdlReaderOptions
{
    public const int DefaultMaxDepth = 128;

    public const long DefaultMaxDocumentBytes = 32L * 1024 * 1024;

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
}
