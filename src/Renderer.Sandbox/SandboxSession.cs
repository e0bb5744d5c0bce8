using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Protocol;

namespace Renderer.Sandbox;

/// <summary>
/// The sandbox's side of one conversation: hello, read the render request, render (asking the host for data through
/// <see cref="ProtocolDataSetProvider"/>), then answer with RenderResult, or RenderFailed (SBX7002) when the render threw.
/// </summary>
internal static class SandboxSession
{
    public const int ExitSuccess = 0;
    public const int ExitRenderFailed = 1;
    public const int ExitProtocolError = 2;

    public static async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        var reader = new FrameReader(input);
        var writer = new FrameWriter(output);
        await writer.WriteHelloAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadHelloAsync(cancellationToken).ConfigureAwait(false);
        var request = await reader.ReadExpectedAsync<RenderRequestMessage>(cancellationToken).ConfigureAwait(false);
        var renderInput = request.Input;
        var data = new ProtocolDataSetProvider(reader, writer);
        // Pages done go to the host as the render composes them (a long render's command line shows them).
        RenderProgress.Start((done, count) => writer.WriteAsync(new ProgressMessage(done, count), cancellationToken).GetAwaiter().GetResult());
        // A viewer render's pages go to the host as each one is written, before the result.
        PageStream.Start((index, count, content) => writer.WriteAsync(new PageReadyMessage(index, count, content), cancellationToken).GetAwaiter().GetResult());

        RenderOutput result;
        try
        {
            result = await SandboxTestHooks.TryRunAsync(renderInput, data, output, cancellationToken).ConfigureAwait(false)
                ?? await RenderEngine.RenderAsync(renderInput, data, cancellationToken, chunkedOutput: true).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ProtocolException and not EndOfStreamException and not IOException)
        {
            await SendFailedAsync(writer, renderInput, $"The render of report '{renderInput.ReportName}' failed unexpectedly: {ex.Message}", cancellationToken).ConfigureAwait(false);
            return ExitRenderFailed;
        }

        try
        {
            // The output goes in chunks, then the result without it: no frame as large as the output is ever built.
            var peak = PeakMemory.ReadBytes();
            foreach (var block in result.ContentChunks ?? [result.Content])
            {
                for (int offset = 0; offset < block.Length; offset += SandboxProtocol.ResultChunkSize)
                {
                    var chunk = block.Slice(offset, Math.Min(SandboxProtocol.ResultChunkSize, block.Length - offset));
                    await writer.WriteAsync(new ResultChunkMessage(chunk), cancellationToken).ConfigureAwait(false);
                }
            }
            await writer.WriteAsync(new RenderResultMessage(result with { Content = [], ContentChunks = null, PeakMemoryBytes = peak }), cancellationToken).ConfigureAwait(false);
        }
        catch (ProtocolException ex)
        {
            // Raised while building a frame, before that frame was written; the host drops any chunks it already has.
            await SendFailedAsync(writer, renderInput, $"The output of report '{renderInput.ReportName}' could not be returned: {ex.Message}", cancellationToken).ConfigureAwait(false);
            return ExitRenderFailed;
        }
        return ExitSuccess;
    }

    private static Task SendFailedAsync(FrameWriter writer, RenderInput input, string message, CancellationToken cancellationToken) =>
        writer.WriteAsync(new RenderFailedMessage([RdlDiagnostic.Error(DiagnosticCodes.Sandbox.RenderFailed, message, new SourceLocation(input.FileName, 0, 0))]), cancellationToken);
}

/// <summary>The process's peak resident memory (VmHWM in /proc/self/status); 0 where that file does not exist.</summary>
internal static class PeakMemory
{
    public static long ReadBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var parts = line["VmHWM:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                return parts.Length > 0 && long.TryParse(parts[0], out var kilobytes) ? kilobytes * 1024 : 0;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }
}
