using System.Collections.Immutable;
using System.Text;
using Rdl.Model.Diagnostics;

namespace Renderer.Sandbox.Protocol;

/// <summary>Encodes messages into frame payloads and decodes them back; decoding validates every field.</summary>
public static class MessageCodec
{
    /// <summary>Render option flag of a render request: CSV output keeps formula-like text as it is.</summary>
    private const byte KeepCsvFormulas = 1;

    /// <summary>Render option flag: send each page as a <see cref="PageReadyMessage"/> as it is written.</summary>
    private const byte StreamPages = 2;

    /// <summary>Most toggles or user sorts one render request may carry.</summary>
    public const int MaxInteractiveStates = 10_000;

    public static void Encode(SandboxMessage message, PayloadWriter writer)
    {
        switch (message)
        {
            case HelloMessage hello:
                var magic = Encoding.ASCII.GetBytes(hello.Magic);
                if (magic.Length != 4) throw new ArgumentException("The hello magic must be four ASCII characters.", nameof(message));
                foreach (var b in magic) writer.WriteByte(b);
                writer.WriteInt32(hello.Version);
                break;
            case RenderRequestMessage request:
                EncodeInput(request.Input, writer);
                break;
            case DataRequestMessage request:
                writer.WriteInt32(request.RequestId);
                writer.WriteString(request.DataSetName);
                writer.WriteCount(request.Parameters.Count);
                foreach (var (name, value) in request.Parameters)
                {
                    writer.WriteString(name);
                    ValueCodec.Write(writer, value);
                }
                break;
            case DataColumnsMessage columns:
                writer.WriteInt32(columns.RequestId);
                writer.WriteCount(columns.Columns.Count);
                foreach (var column in columns.Columns) writer.WriteString(column);
                break;
            case DataRowsMessage rows:
                writer.WriteInt32(rows.RequestId);
                writer.WriteCount(rows.Rows.Count);
                foreach (var row in rows.Rows) ValueCodec.WriteArray(writer, row);
                break;
            case DataEndMessage end:
                writer.WriteInt32(end.RequestId);
                break;
            case DataErrorMessage error:
                writer.WriteInt32(error.RequestId);
                writer.WriteString(error.Message);
                break;
            case RenderResultMessage result:
                writer.WriteBytes(result.Output.Content);
                writer.WriteString(result.Output.ContentType);
                writer.WriteInt32(result.Output.PageCount);
                writer.WriteInt64(result.Output.PeakMemoryBytes);
                writer.WriteInt64(result.Output.ProcessingMilliseconds);
                writer.WriteInt64(result.Output.RenderingMilliseconds);
                EncodeDiagnostics(result.Output.Diagnostics, writer);
                break;
            case RenderFailedMessage failed:
                EncodeDiagnostics(failed.Diagnostics, writer);
                break;
            case ResultChunkMessage chunk:
                writer.WriteBytes(chunk.Data.Span);
                break;
            case PageReadyMessage page:
                writer.WriteInt32(page.PageIndex);
                writer.WriteInt32(page.PageCount);
                writer.WriteBytes(page.Content.Span);
                break;
            case ProgressMessage progress:
                writer.WriteInt32(progress.PagesDone);
                writer.WriteInt32(progress.PageCount);
                break;
            case LogMessage log:
                writer.WriteByte((byte)log.Level);
                writer.WriteString(log.Text);
                break;
            default:
                throw new ArgumentException($"Unknown message {message.GetType().Name}.", nameof(message));
        }
    }

    public static SandboxMessage Decode(MessageType type, ReadOnlyMemory<byte> payload)
    {
        var reader = new PayloadReader(payload);
        SandboxMessage message = type switch
        {
            MessageType.Hello => DecodeHello(reader),
            MessageType.RenderRequest => new RenderRequestMessage(DecodeInput(reader)),
            MessageType.DataRequest => new DataRequestMessage(reader.ReadInt32(), reader.ReadString(), DecodeValues(reader)),
            MessageType.DataColumns => new DataColumnsMessage(reader.ReadInt32(), DecodeStrings(reader)),
            MessageType.DataRows => new DataRowsMessage(reader.ReadInt32(), DecodeRows(reader)),
            MessageType.DataEnd => new DataEndMessage(reader.ReadInt32()),
            MessageType.DataError => new DataErrorMessage(reader.ReadInt32(), reader.ReadString()),
            MessageType.RenderResult => DecodeResult(reader),
            MessageType.RenderFailed => new RenderFailedMessage(DecodeDiagnostics(reader)),
            MessageType.Log => new LogMessage(DecodeLogLevel(reader.ReadByte()), reader.ReadString()),
            MessageType.ResultChunk => new ResultChunkMessage(reader.ReadBytes()),
            MessageType.Progress => DecodeProgress(reader),
            MessageType.PageReady => DecodePage(reader),
            _ => throw new ProtocolException($"Unknown message type {(byte)type}."),
        };
        reader.EnsureEnd();
        return message;
    }

    private static PageReadyMessage DecodePage(PayloadReader reader)
    {
        var index = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (index < 0 || count < 0 || (count > 0 && index >= count)) throw new ProtocolException($"Page {index} of {count} pages is not valid.");
        return new PageReadyMessage(index, count, reader.ReadBytes());
    }

    private static ProgressMessage DecodeProgress(PayloadReader reader)
    {
        var done = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (done < 0 || count < 0 || done > count) throw new ProtocolException($"A progress of {done} of {count} pages is not valid.");
        return new ProgressMessage(done, count);
    }

    private static HelloMessage DecodeHello(PayloadReader reader)
    {
        Span<byte> magic = [reader.ReadByte(), reader.ReadByte(), reader.ReadByte(), reader.ReadByte()];
        return new HelloMessage(Encoding.ASCII.GetString(magic), reader.ReadInt32());
    }

    private static void EncodeInput(RenderInput input, PayloadWriter writer)
    {
        writer.WriteString(input.ReportName);
        writer.WriteString(input.FileName);
        writer.WriteBytes(input.RdlBytes);
        writer.WriteBytes(input.AssemblyImage);
        writer.WriteString(input.Format);
        writer.WriteCount(input.Parameters.Count);
        foreach (var (name, values) in input.Parameters)
        {
            writer.WriteString(name);
            ValueCodec.WriteArray(writer, values);
        }
        writer.WriteDateTime(input.ExecutionTime);
        writer.WriteString(input.UserId);
        writer.WriteString(input.UserLanguage);
        writer.WriteString(input.ReportServerUrl ?? string.Empty);
        writer.WriteByte((byte)((input.ProtectCsvFormulas ? 0 : KeepCsvFormulas) | (input.StreamPages ? StreamPages : 0)));
        writer.WriteCount(input.ToggledItems.Count);
        foreach (var toggle in input.ToggledItems) writer.WriteString(toggle);
        writer.WriteCount(input.UserSorts.Count);
        foreach (var sort in input.UserSorts)
        {
            writer.WriteString(sort.Id);
            writer.WriteByte(sort.Descending ? (byte)1 : (byte)0);
        }
        var images = ExternalImageCodec.Present(input);
        WasmCodec.Write(input, writer, always: input.Subreports.Count > 0 || images);
        SubreportCodec.Write(input, writer, always: images);
        ExternalImageCodec.Write(input, writer);
    }

    private static RenderInput DecodeInput(PayloadReader reader)
    {
        var reportName = reader.ReadString();
        var fileName = reader.ReadString();
        var rdl = reader.ReadBytes();
        var assembly = reader.ReadBytes();
        var format = reader.ReadString();
        var count = reader.ReadCount(minElementSize: 8);
        var parameters = new Dictionary<string, object?[]>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            if (!parameters.TryAdd(name, ValueCodec.ReadArray(reader))) throw new ProtocolException($"Parameter '{name}' appears twice.");
        }
        var input = new RenderInput(reportName, fileName, rdl, assembly, format, parameters, reader.ReadDateTime(), reader.ReadString()) { UserLanguage = reader.ReadString() };
        var serverUrl = reader.ReadString();
        if (serverUrl.Length > 0) input = input with { ReportServerUrl = serverUrl };
        var flags = reader.ReadByte();
        if ((flags & ~(KeepCsvFormulas | StreamPages)) != 0) throw new ProtocolException($"Unknown render option flags {flags}.");
        if ((flags & KeepCsvFormulas) != 0) input = input with { ProtectCsvFormulas = false };
        if ((flags & StreamPages) != 0) input = input with { StreamPages = true };
        input = input with { ToggledItems = DecodeToggles(reader), UserSorts = DecodeSorts(reader) };
        return ExternalImageCodec.Read(SubreportCodec.Read(WasmCodec.Read(input, reader), reader), reader);
    }

    private static string[] DecodeToggles(PayloadReader reader)
    {
        var count = reader.ReadCount(minElementSize: 4);
        if (count > MaxInteractiveStates) throw new ProtocolException($"{count} toggles are more than the {MaxInteractiveStates} allowed.");
        var toggles = new string[count];
        for (int i = 0; i < count; i++) toggles[i] = reader.ReadString();
        return toggles;
    }

    private static UserSortState[] DecodeSorts(PayloadReader reader)
    {
        var count = reader.ReadCount(minElementSize: 5);
        if (count > MaxInteractiveStates) throw new ProtocolException($"{count} sorts are more than the {MaxInteractiveStates} allowed.");
        var sorts = new UserSortState[count];
        for (int i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            var direction = reader.ReadByte();
            if (direction > 1) throw new ProtocolException($"Sort direction {direction} is not valid.");
            sorts[i] = new UserSortState(id, direction == 1);
        }
        return sorts;
    }

    private static Dictionary<string, object?> DecodeValues(PayloadReader reader)
    {
        var count = reader.ReadCount(minElementSize: 5);
        var values = new Dictionary<string, object?>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            if (!values.TryAdd(name, ValueCodec.Read(reader))) throw new ProtocolException($"Parameter '{name}' appears twice.");
        }
        return values;
    }

    private static string[] DecodeStrings(PayloadReader reader)
    {
        var strings = new string[reader.ReadCount(minElementSize: 4)];
        for (int i = 0; i < strings.Length; i++) strings[i] = reader.ReadString();
        return strings;
    }

    private static object?[][] DecodeRows(PayloadReader reader)
    {
        var rows = new object?[reader.ReadCount(minElementSize: 4)][];
        for (int i = 0; i < rows.Length; i++) rows[i] = ValueCodec.ReadArray(reader);
        return rows;
    }

    private static RenderResultMessage DecodeResult(PayloadReader reader)
    {
        var content = reader.ReadBytes();
        var contentType = reader.ReadString();
        var pageCount = reader.ReadInt32();
        var peak = reader.ReadInt64();
        var processing = reader.ReadInt64();
        var rendering = reader.ReadInt64();
        var diagnostics = DecodeDiagnostics(reader);
        return new RenderResultMessage(new RenderOutput(content, contentType, pageCount, diagnostics)
        {
            PeakMemoryBytes = peak,
            ProcessingMilliseconds = processing,
            RenderingMilliseconds = rendering,
        });
    }

    private static void EncodeDiagnostics(ImmutableArray<RdlDiagnostic> diagnostics, PayloadWriter writer)
    {
        var items = diagnostics.IsDefault ? [] : diagnostics;
        writer.WriteCount(items.Length);
        foreach (var d in items)
        {
            writer.WriteString(d.Code);
            writer.WriteByte((byte)d.Severity);
            writer.WriteString(d.Message);
            writer.WriteString(d.Location.File);
            writer.WriteInt32(d.Location.Line);
            writer.WriteInt32(d.Location.Column);
            writer.WriteNullableString(d.ObjectPath);
            writer.WriteNullableString(d.Expression);
        }
    }

    private static ImmutableArray<RdlDiagnostic> DecodeDiagnostics(PayloadReader reader)
    {
        var count = reader.ReadCount(minElementSize: 29);
        var builder = ImmutableArray.CreateBuilder<RdlDiagnostic>(count);
        for (int i = 0; i < count; i++)
        {
            var code = reader.ReadString();
            var severity = reader.ReadByte();
            if (severity > (byte)DiagnosticSeverity.Error) throw new ProtocolException($"Invalid diagnostic severity {severity}.");
            var message = reader.ReadString();
            var location = new SourceLocation(reader.ReadString(), reader.ReadInt32(), reader.ReadInt32());
            builder.Add(new RdlDiagnostic(code, (DiagnosticSeverity)severity, message, location, reader.ReadNullableString(), reader.ReadNullableString()));
        }
        return builder.MoveToImmutable();
    }

    private static SandboxLogLevel DecodeLogLevel(byte level) =>
        level <= (byte)SandboxLogLevel.Error ? (SandboxLogLevel)level : throw new ProtocolException($"Invalid log level {level}.");
}
