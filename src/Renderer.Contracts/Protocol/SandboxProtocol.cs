namespace Renderer.Sandbox.Protocol;

/// <summary>
/// Constants of the host/sandbox wire protocol. Every frame is
/// <c>[uint32 little-endian payload length][byte message type][payload]</c>; the first frame each way is a
/// <see cref="HelloMessage"/> carrying <see cref="Magic"/> and <see cref="Version"/>.
/// </summary>
public static class SandboxProtocol
{
    /// <summary>The four ASCII bytes every Hello starts with.</summary>
    public const string Magic = "RDLS";

    /// <summary>The protocol version both sides must speak; a different version is a protocol error.</summary>
    public const int Version = 7;

    /// <summary>Largest payload accepted or sent (256 MiB); a larger length prefix is a protocol error.</summary>
    public const int MaxFrameSize = 256 * 1024 * 1024;

    /// <summary>Bytes before the payload: the length (4) and the message type (1).</summary>
    public const int HeaderSize = 5;

    /// <summary>Most rows the host puts in one <see cref="DataRowsMessage"/>.</summary>
    public const int MaxRowsPerFrame = 1024;

    /// <summary>Rough payload size after which the host starts a new <see cref="DataRowsMessage"/> even below <see cref="MaxRowsPerFrame"/> rows.</summary>
    public const int TargetRowsFrameBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Size of the <see cref="ResultChunkMessage"/>s the output travels in: the sandbox never builds a frame as large as
    /// the output (a 22 MB PDF no longer needs two more copies of itself in the sandbox), and outputs are not bound by
    /// <see cref="MaxFrameSize"/>.
    /// </summary>
    public const int ResultChunkSize = 4 * 1024 * 1024;
}

/// <summary>The message type byte of a frame.</summary>
public enum MessageType : byte
{
    Hello = 1,
    RenderRequest = 2,
    DataRequest = 3,
    DataColumns = 4,
    DataRows = 5,
    DataEnd = 6,
    DataError = 7,
    RenderResult = 8,
    RenderFailed = 9,
    Log = 10,
    ResultChunk = 11,
    Progress = 12,
    PageReady = 13,
}

/// <summary>The peer sent something the protocol does not allow: a bad header, an unknown type, a malformed payload.</summary>
public sealed class ProtocolException(string message) : Exception(message);
