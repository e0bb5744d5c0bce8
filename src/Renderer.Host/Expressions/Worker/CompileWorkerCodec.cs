using System.Buffers.Binary;
using System.Collections.Immutable;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Expressions.Worker;

/// <summary>What the host asks the worker: compile these RDL bytes (with these WebAssembly modules) within this CPU budget.</summary>
internal sealed record CompileRequest(string FileName, byte[] Rdl, ImmutableArray<(string Name, byte[] Bytes)> Modules, int CpuSeconds);

/// <summary>The worker's answer: the compilation (diagnostics and, on success, the assembly image).</summary>
internal sealed record CompileReply(bool Success, ImmutableArray<RdlDiagnostic> Diagnostics, byte[] AssemblyImage, int ExpressionCount);

/// <summary>
/// The compile worker's protocol over its stdin and stdout: frames of a 4-byte little-endian length and a payload whose
/// first byte is the <see cref="CompileFrame"/> kind. The worker sends Ready once warm, then per request any number of
/// Progress frames (the expression or Code line it is binding) and one Reply.
/// </summary>
internal static class CompileWorkerCodec
{
    /// <summary>The largest frame either side accepts (an RDL upload is at most 32 MiB; images are smaller).</summary>
    public const int MaxFrameBytes = 96 * 1024 * 1024;

    public static async Task WriteFrameAsync(Stream stream, CompileFrame kind, Action<BinaryWriter> body, CancellationToken cancellationToken)
    {
        var frame = Frame(kind, body);
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static void WriteFrame(Stream stream, CompileFrame kind, Action<BinaryWriter> body)
    {
        stream.Write(Frame(kind, body).Span);
        stream.Flush();
    }

    private static ReadOnlyMemory<byte> Frame(CompileFrame kind, Action<BinaryWriter> body)
    {
        var payload = new MemoryStream();
        payload.Write([0, 0, 0, 0, (byte)kind]);
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true)) body(writer);
        var buffer = payload.GetBuffer();
        BinaryPrimitives.WriteInt32LittleEndian(buffer, (int)payload.Length - 4);
        return buffer.AsMemory(0, (int)payload.Length);
    }

    /// <summary>The next frame, or null at the end of the stream.</summary>
    public static async Task<(CompileFrame Kind, BinaryReader Body)?> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        var read = await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0) return null;
        if (read < 4) throw new EndOfStreamException("The compile worker's stream ended inside a frame header.");
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 1 or > MaxFrameBytes) throw new InvalidDataException($"A compile worker frame announced {length} bytes.");
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
        return ((CompileFrame)payload[0], new BinaryReader(new MemoryStream(payload, 1, length - 1, writable: false)));
    }

    public static void WriteRequest(BinaryWriter writer, CompileRequest request)
    {
        writer.Write(request.FileName);
        WriteBytes(writer, request.Rdl);
        writer.Write(request.Modules.Length);
        foreach (var (name, bytes) in request.Modules)
        {
            writer.Write(name);
            WriteBytes(writer, bytes);
        }
        writer.Write(request.CpuSeconds);
    }

    public static CompileRequest ReadRequest(BinaryReader reader)
    {
        var fileName = reader.ReadString();
        var rdl = ReadBytes(reader);
        var modules = ImmutableArray.CreateBuilder<(string, byte[])>();
        for (var count = reader.ReadInt32(); count > 0; count--) modules.Add((reader.ReadString(), ReadBytes(reader)));
        return new CompileRequest(fileName, rdl, modules.ToImmutable(), reader.ReadInt32());
    }

    public static void WriteReply(BinaryWriter writer, CompileReply reply)
    {
        writer.Write(reply.Success);
        writer.Write(reply.ExpressionCount);
        WriteBytes(writer, reply.AssemblyImage);
        writer.Write(reply.Diagnostics.Length);
        foreach (var diagnostic in reply.Diagnostics) WriteDiagnostic(writer, diagnostic);
    }

    public static CompileReply ReadReply(BinaryReader reader)
    {
        var success = reader.ReadBoolean();
        var count = reader.ReadInt32();
        var image = ReadBytes(reader);
        var diagnostics = ImmutableArray.CreateBuilder<RdlDiagnostic>();
        for (var n = reader.ReadInt32(); n > 0; n--) diagnostics.Add(ReadDiagnostic(reader));
        return new CompileReply(success, diagnostics.ToImmutable(), image, count);
    }

    public static void WriteDiagnostic(BinaryWriter writer, RdlDiagnostic diagnostic)
    {
        writer.Write(diagnostic.Code);
        writer.Write((byte)diagnostic.Severity);
        writer.Write(diagnostic.Message);
        writer.Write(diagnostic.Location.File);
        writer.Write(diagnostic.Location.Line);
        writer.Write(diagnostic.Location.Column);
        WriteNullable(writer, diagnostic.ObjectPath);
        WriteNullable(writer, diagnostic.Expression);
    }

    public static RdlDiagnostic ReadDiagnostic(BinaryReader reader)
    {
        var code = reader.ReadString();
        var severity = reader.ReadByte();
        if (severity > (byte)DiagnosticSeverity.Error) throw new InvalidDataException($"Invalid diagnostic severity {severity}.");
        var message = reader.ReadString();
        var location = new SourceLocation(reader.ReadString(), reader.ReadInt32(), reader.ReadInt32());
        return new RdlDiagnostic(code, (DiagnosticSeverity)severity, message, location, ReadNullable(reader), ReadNullable(reader));
    }

    private static void WriteBytes(BinaryWriter writer, byte[] bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static byte[] ReadBytes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > MaxFrameBytes) throw new InvalidDataException($"A compile worker field announced {length} bytes.");
        return reader.ReadBytes(length);
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}

/// <summary>The kind of a compile worker frame.</summary>
internal enum CompileFrame : byte
{
    /// <summary>Worker to host, once: started and warmed up.</summary>
    Ready = 1,

    /// <summary>Host to worker: a <see cref="CompileRequest"/>.</summary>
    Request = 2,

    /// <summary>Worker to host: the site now being bound (a diagnostic whose location, object path and expression name it).</summary>
    Progress = 3,

    /// <summary>Worker to host: a <see cref="CompileReply"/>.</summary>
    Reply = 4,

    /// <summary>Worker to host, last: the GC heap limit was hit (the worker exits after it).</summary>
    OutOfMemory = 5,
}
