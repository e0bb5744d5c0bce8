using Microsoft.Extensions.Logging;
using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// One started sandbox process, good for exactly one render: the process, its own temporary working folder and the
/// frame reader/writer on its pipes. A pre-started (pooled) instance warms up first; <see cref="Hello"/> completes when
/// its Hello (the "ready" signal) has been read. Disposing kills and reaps the process and deletes the working folder.
/// </summary>
internal sealed class SandboxInstance : IAsyncDisposable
{
    private readonly ILogger _logger;
    private int _disposed;

    public SandboxInstance(SandboxProcess process, string workingDirectory, bool throughLauncher, bool prewarmed, ILogger logger)
    {
        Process = process;
        WorkingDirectory = workingDirectory;
        ThroughLauncher = throughLauncher;
        _logger = logger;
        Reader = new FrameReader(process.Output);
        Writer = new FrameWriter(process.Input);
        Hello = prewarmed ? ReadHelloAsync() : null;
        Exited = process.WaitForExitAsync();
    }

    public SandboxProcess Process { get; }

    public string WorkingDirectory { get; }

    /// <summary>Started through rdl-sandbox-launcher (isolation layers applied before the runtime starts).</summary>
    public bool ThroughLauncher { get; }

    public FrameReader Reader { get; }

    public FrameWriter Writer { get; }

    /// <summary>For a pre-started instance: completes once its Hello arrived after the warm-up; faults if it died first. Null for an on-demand instance (the conversation reads its Hello).</summary>
    public Task? Hello { get; }

    /// <summary>Completes when the process has ended.</summary>
    public Task Exited { get; }

    /// <summary>Waiting for its job: warmed up and still running.</summary>
    public bool IsReady => Hello is { IsCompletedSuccessfully: true } && !Exited.IsCompleted;

    /// <summary>Dead, or its warm-up failed: never hand it a job.</summary>
    public bool IsBroken => Exited.IsCompleted || Hello is { IsFaulted: true } or { IsCanceled: true };

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await Process.DisposeAsync().ConfigureAwait(false);
        if (Hello is not null)
        {
            try
            {
                await Hello.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ProtocolException or EndOfStreamException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                // The process was killed before (or while) it said Hello.
            }
        }
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "The sandbox working folder {Folder} could not be deleted", WorkingDirectory);
        }
    }

    private async Task ReadHelloAsync()
    {
        await Task.Yield();
        await Reader.ReadHelloAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
