using System.Buffers.Binary;

namespace Renderer.Sandbox.Protocol;

/// <summary>
/// Reads frames from a stream (buffered) and decodes them. <see cref="ReadAsync"/> returns null when the stream ends
/// cleanly between frames; a stream ending inside a frame is an <see cref="EndOfStreamException"/>; a bad header or
/// payload is a <see cref="ProtocolException"/>.
/// </summary>
public sealed class FrameReader
{
    private readonly Stream _stream;
    private readonly int _maxFrameSize;
    private readonly byte[] _header = new byte[SandboxProtocol.HeaderSize];

    public FrameReader(Stream stream, int maxFrameSize = SandboxProtocol.MaxFrameSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        _stream = stream is BufferedStream ? stream : new BufferedStream(stream, 64 * 1024);
        _maxFrameSize = maxFrameSize;
    }

    /// <summary>The next message, or null at a clean end of stream.</summary>
    public async Task<SandboxMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        var read = await _stream.ReadAtLeastAsync(_header, _header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0) return null;
        if (read < _header.Length) throw new EndOfStreamException("The stream ended inside a frame header.");

        var length = BinaryPrimitives.ReadUInt32LittleEndian(_header);
        var type = (MessageType)_header[4];
        if (length > (uint)_maxFrameSize)
            throw new ProtocolException($"A frame announced {length} bytes, more than the limit of {_maxFrameSize} bytes.");
        if (!Enum.IsDefined(type)) throw new ProtocolException($"Unknown message type {(byte)type}.");

        var payload = length == 0 ? [] : new byte[length];
        if (payload.Length > 0)
        {
            read = await _stream.ReadAtLeastAsync(payload, payload.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < payload.Length) throw new EndOfStreamException($"The stream ended inside a {type} frame.");
        }
        return MessageCodec.Decode(type, payload);
    }

    /// <summary>Reads the next message and requires it to be a <typeparamref name="T"/>; the end of the stream is an <see cref="EndOfStreamException"/>.</summary>
    public async Task<T> ReadExpectedAsync<T>(CancellationToken cancellationToken) where T : SandboxMessage
    {
        var message = await ReadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new EndOfStreamException($"The stream ended while a {typeof(T).Name} was expected.");
        return message as T ?? throw new ProtocolException($"Expected a {typeof(T).Name.Replace("Message", string.Empty, StringComparison.Ordinal)} message but received {message.Type}.");
    }

    /// <summary>Reads the peer's hello and checks magic and version.</summary>
    public async Task ReadHelloAsync(CancellationToken cancellationToken)
    {
        var hello = await ReadExpectedAsync<HelloMessage>(cancellationToken).ConfigureAwait(false);
        hello.Validate();
    }
}
