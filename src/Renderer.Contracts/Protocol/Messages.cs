using System.Collections.Immutable;
using Rdl.Model.Diagnostics;

namespace Renderer.Sandbox.Protocol;

/// <summary>One message of the host/sandbox protocol; <see cref="MessageCodec"/> turns it into a frame payload and back.</summary>
public abstract record SandboxMessage
{
    public abstract MessageType Type { get; }
}

/// <summary>First frame each way: the magic and the protocol version.</summary>
public sealed record HelloMessage(string Magic, int Version) : SandboxMessage
{
    public static HelloMessage Current { get; } = new(SandboxProtocol.Magic, SandboxProtocol.Version);

    public override MessageType Type => MessageType.Hello;

    /// <summary>Throws <see cref="ProtocolException"/> unless this is an "RDLS" hello of our version.</summary>
    public void Validate()
    {
        if (Magic != SandboxProtocol.Magic) throw new ProtocolException("The peer did not start with the RDLS hello.");
        if (Version != SandboxProtocol.Version)
            throw new ProtocolException($"The peer speaks protocol version {Version}, this side speaks version {SandboxProtocol.Version}.");
    }
}

/// <summary>Host to sandbox: the render to perform.</summary>
public sealed record RenderRequestMessage(RenderInput Input) : SandboxMessage
{
    public override MessageType Type => MessageType.RenderRequest;
}

/// <summary>Sandbox to host: run a dataset's query with these parameter values.</summary>
public sealed record DataRequestMessage(int RequestId, string DataSetName, IReadOnlyDictionary<string, object?> Parameters) : SandboxMessage
{
    public override MessageType Type => MessageType.DataRequest;
}

/// <summary>Host to sandbox: the columns of the dataset; rows follow.</summary>
public sealed record DataColumnsMessage(int RequestId, IReadOnlyList<string> Columns) : SandboxMessage
{
    public override MessageType Type => MessageType.DataColumns;
}

/// <summary>Host to sandbox: a batch of rows (at most <see cref="SandboxProtocol.MaxRowsPerFrame"/>).</summary>
public sealed record DataRowsMessage(int RequestId, IReadOnlyList<object?[]> Rows) : SandboxMessage
{
    public override MessageType Type => MessageType.DataRows;
}

/// <summary>Host to sandbox: the dataset is complete.</summary>
public sealed record DataEndMessage(int RequestId) : SandboxMessage
{
    public override MessageType Type => MessageType.DataEnd;
}

/// <summary>Host to sandbox: the query failed (before or after columns and rows were sent).</summary>
public sealed record DataErrorMessage(int RequestId, string Message) : SandboxMessage
{
    public override MessageType Type => MessageType.DataError;
}

/// <summary>Sandbox to host: the finished render (its own diagnostics may still contain report errors).</summary>
public sealed record RenderResultMessage(RenderOutput Output) : SandboxMessage
{
    public override MessageType Type => MessageType.RenderResult;
}

/// <summary>
/// Sandbox to host: the next piece of the output, in order, before the <see cref="RenderResultMessage"/> that completes
/// it (whose content is then empty). Chunks followed by RenderFailed are discarded.
/// </summary>
public sealed record ResultChunkMessage(ReadOnlyMemory<byte> Data) : SandboxMessage
{
    public override MessageType Type => MessageType.ResultChunk;
}

/// <summary>Sandbox to host: the render failed unexpectedly inside the sandbox.</summary>
public sealed record RenderFailedMessage(ImmutableArray<RdlDiagnostic> Diagnostics) : SandboxMessage
{
    public override MessageType Type => MessageType.RenderFailed;
}

public enum SandboxLogLevel : byte
{
    Debug = 0,
    Information = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>Sandbox to host, optional, at most a few a second: pages composed so far of the report's page count.</summary>
public sealed record ProgressMessage(int PagesDone, int PageCount) : SandboxMessage
{
    public override MessageType Type => MessageType.Progress;
}

/// <summary>
/// Sandbox to host, for a render with <see cref="RenderInput.StreamPages"/>: page <see cref="PageIndex"/> (0-based) of
/// <see cref="PageCount"/> as its writer produced it (an HTML fragment), before the <see cref="RenderResultMessage"/>.
/// Pages arrive in order; the host may show each one at once.
/// </summary>
public sealed record PageReadyMessage(int PageIndex, int PageCount, ReadOnlyMemory<byte> Content) : SandboxMessage
{
    public override MessageType Type => MessageType.PageReady;
}

/// <summary>Sandbox to host, optional: a line for the host's log.</summary>
public sealed record LogMessage(SandboxLogLevel Level, string Text) : SandboxMessage
{
    public override MessageType Type => MessageType.Log;
}
