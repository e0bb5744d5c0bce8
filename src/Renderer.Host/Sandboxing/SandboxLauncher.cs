using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox;
using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// Runs each render in a fresh Renderer.Sandbox process with an empty environment (see <see cref="SandboxEnvironment"/>),
/// in its own temporary working folder, and talks to it over stdin/stdout. A crash (SBX7001), an exceeded time limit
/// (SBX7003), a protocol error (SBX7004) or a failure to start (SBX7000) comes back as a failed
/// <see cref="SandboxResult"/>, never as an exception; the child is killed and reaped before this returns, except after
/// a completed render: its answer is returned as soon as it has arrived, while the child ends by itself (the kernel's
/// teardown of a render's memory took 10-15 ms) and is reaped, and its folder deleted, in the background
/// (<see cref="SandboxResult.ProcessExit"/>). Cancellation by the caller also kills the child, then throws <see cref="OperationCanceledException"/>.
/// With a <see cref="SandboxPool"/> (registered by the host), a render takes a pre-started, warmed-up process from it
/// instead of starting one; the process still serves this one render only and is killed afterwards.
/// </summary>
public sealed class SandboxLauncher(IOptions<SandboxOptions> options, ILogger<SandboxLauncher> logger, SandboxPool? pool = null) : IAsyncDisposable
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Task<int>, byte> _ending = new();
    private readonly Lock _headStartLock = new();
    private Task<(SandboxInstance? Instance, string? Failure)>? _headStart;
    private int _inFlight;
    private int _peakInFlight;

    /// <summary>Sandbox processes that hold a render now: from taking or starting one until it has exited (for metrics and tests).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most sandbox processes that held a render at the same time since this launcher was made.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    public Task<SandboxResult> RenderAsync(RenderInput input, ISandboxDataHandler data, CancellationToken cancellationToken) =>
        RenderAsync(input, data, onStarted: null, cancellationToken);

    /// <param name="onStarted">Called with the sandbox program's process id once it runs (for tests and diagnostics).</param>
    public async Task<SandboxResult> RenderAsync(RenderInput input, ISandboxDataHandler data, Action<int>? onStarted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = options.Value;

        // A process started ahead (the command line's head start, else the pool's) when there is one, else a new one:
        // either way used for this render only.
        var instance = await TakeHeadStartAsync().ConfigureAwait(false) ?? pool?.TryTake();
        if (instance is null)
        {
            var (started, failure) = new SandboxStarter(settings, logger).Start(prewarm: false);
            if (started is null) return StartFailed(input, failure ?? "unknown reason");
            instance = started;
        }
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _peakInFlight); inFlight > peak; peak = Volatile.Read(ref _peakInFlight))
            if (Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak) == peak) break;

        SandboxResult? result = null;
        try
        {
            if (onStarted is not null)
            {
                // Through the launcher, report the sandbox's own process once every layer applies (after the last execve;
                // with bubblewrap that is a descendant of the process started here).
                var pid = instance.ThroughLauncher
                    ? await instance.Process.WaitUntilExecutedAsync([settings.ResolveLauncherPath(), settings.ResolveBubblewrapPath()]).ConfigureAwait(false)
                    : instance.Process.Id;
                onStarted(pid);
            }
            // The time limit starts here, when the job is sent, not when a pooled process was started.
            result = await ConverseAsync(instance, input, data, settings.TimeoutSeconds, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == SandboxOutcome.Completed) result = result with { ProcessExit = EndInBackground(instance) };
            return result;
        }
        finally
        {
            if (result?.ProcessExit is null)
            {
                await instance.DisposeAsync().ConfigureAwait(false);
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    /// <summary>
    /// Starts the process the next render will use now, in the background, with the same layers and environment as any
    /// other (the isolation probe first, if this process has not run it yet). A command that renders once calls it before
    /// it reads and compiles the report, so the sandbox's start-up, and its warm-up for <paramref name="format"/> when one
    /// is given, run beside that work instead of after it. The server has its pool instead. A process started ahead and
    /// never used is killed when the launcher is disposed.
    /// </summary>
    public void StartAhead(string? format = null)
    {
        lock (_headStartLock)
            _headStart ??= Task.Run(() => new SandboxStarter(options.Value, logger).Start(prewarm: format is not null, format));
    }

    /// <summary>The sandbox program's process id of the process started ahead and not used yet; 0 while it starts or when there is none (for tests and diagnostics).</summary>
    internal int StartedAheadProcessId
    {
        get
        {
            lock (_headStartLock)
                return _headStart is { IsCompletedSuccessfully: true } started && started.Result.Instance is { } instance ? instance.Process.ProgramId : 0;
        }
    }

    /// <summary>The process <see cref="StartAhead"/> started, once; null when there is none or it failed to start (the render then starts its own).</summary>
    private async Task<SandboxInstance?> TakeHeadStartAsync()
    {
        Task<(SandboxInstance? Instance, string? Failure)>? headStart;
        lock (_headStartLock)
        {
            headStart = _headStart;
            _headStart = null;
        }
        if (headStart is null) return null;
        var (instance, failure) = await headStart.ConfigureAwait(false);
        if (instance is null) logger.LogWarning("The sandbox started ahead could not start ({Failure}); the render starts its own", failure);
        return instance;
    }

    /// <summary>Kills a process started ahead and never used, then waits for the processes of completed renders still ending in the background (so no working folder outlives the host).</summary>
    public async ValueTask DisposeAsync()
    {
        Task<(SandboxInstance? Instance, string? Failure)>? unused;
        lock (_headStartLock)
        {
            unused = _headStart;
            _headStart = null;
        }
        if (unused is not null && (await unused.ConfigureAwait(false)).Instance is { } instance) await instance.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(_ending.Keys).ConfigureAwait(false);
    }

    /// <summary>Lets a process that has answered end by itself (killed after the grace period), then reaps it and deletes its folder.</summary>
    private Task<int> EndInBackground(SandboxInstance instance)
    {
        var ending = EndAsync(instance);
        _ending.TryAdd(ending, 0);
        _ = ending.ContinueWith(done => _ending.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return ending;
    }

    private async Task<int> EndAsync(SandboxInstance instance)
    {
        await Task.Yield();
        try
        {
            await using (instance.ConfigureAwait(false))
                return await instance.Process.WaitForExitAsync(ExitGrace).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<SandboxResult> ConverseAsync(SandboxInstance instance, RenderInput input, ISandboxDataHandler data, int timeoutSeconds, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var process = instance.Process;
        var conversation = new SandboxConversation(instance.Reader, instance.Writer, data, logger, input.ReportName);

        SandboxMessage? final = null;
        Exception? failure = null;
        using (linked.Token.Register(process.Kill))
        {
            try
            {
                final = await conversation.RunAsync(input, instance.Hello, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ProtocolException or EndOfStreamException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                failure = ex;
            }
        }

        if (final is not null)
        {
            // The answer arrived (even if the time limit ran out just after it): use it. A result is returned at once
            // (the caller reaps the process in the background); a failure waits for the exit code and stderr for the log.
            return final switch
            {
                RenderResultMessage result => new SandboxResult(SandboxOutcome.Completed, result.Output, result.Output.Diagnostics) { StandardErrorTail = process.StandardErrorTail() },
                RenderFailedMessage failed => Failed(process, await process.WaitForExitAsync(ExitGrace).ConfigureAwait(false), SandboxOutcome.RenderFailed, input, failed.Diagnostics),
                _ => throw new InvalidOperationException("Unreachable: the conversation returns only final messages."),
            };
        }

        if (cancellationToken.IsCancellationRequested)
        {
            process.Kill();
            await process.WaitForExitAsync(TimeSpan.Zero).ConfigureAwait(false);
            throw new OperationCanceledException("The render was cancelled.", failure, cancellationToken);
        }
        if (timeout.IsCancellationRequested)
        {
            process.Kill();
            var exitCode = await process.WaitForExitAsync(TimeSpan.Zero).ConfigureAwait(false);
            return Failed(process, exitCode, SandboxOutcome.TimedOut, input, Error(DiagnosticCodes.Sandbox.TimedOut,
                $"The render of report '{input.ReportName}' exceeded the time limit of {timeoutSeconds} s and was stopped", input));
        }
        if (failure is ProtocolException)
        {
            process.Kill();
            var exitCode = await process.WaitForExitAsync(TimeSpan.Zero).ConfigureAwait(false);
            return Failed(process, exitCode, SandboxOutcome.ProtocolError, input, Error(DiagnosticCodes.Sandbox.ProtocolError,
                $"The sandbox for report '{input.ReportName}' was stopped after a protocol error: {failure.Message}", input));
        }
        {
            // The pipes broke: the process is ending (or ended); let it finish so its exit code is known.
            var exitCode = await process.WaitForExitAsync(ExitGrace).ConfigureAwait(false);
            var stderr = process.StandardErrorTail();
            if (SandboxCrash.LauncherFailure(exitCode, stderr) is { } launcherError)
                return Failed(process, exitCode, SandboxOutcome.StartFailed, input, Error(DiagnosticCodes.Sandbox.StartFailed,
                    $"The sandbox for report '{input.ReportName}' could not be started: {launcherError}", input));
            if (SandboxCrash.IsCpuLimit(exitCode))
                return Failed(process, exitCode, SandboxOutcome.TimedOut, input, Error(DiagnosticCodes.Sandbox.TimedOut,
                    $"The render of report '{input.ReportName}' exceeded the CPU time limit and was stopped ({DescribeExit(exitCode)})", input));
            return Failed(process, exitCode, SandboxOutcome.Crashed, input, Error(DiagnosticCodes.Sandbox.Crashed,
                $"The sandbox process for report '{input.ReportName}' exited unexpectedly ({DescribeExit(exitCode)}{SandboxCrash.Cause(process.StandardErrorHead() + stderr)})", input));
        }
    }

    private SandboxResult Failed(SandboxProcess process, int exitCode, SandboxOutcome outcome, RenderInput input, ImmutableArray<RdlDiagnostic> diagnostics)
    {
        var stderr = process.StandardErrorTail();
        logger.LogWarning("Sandbox render of report {Report} failed ({Outcome}, exit code {ExitCode}): {Diagnostics}\nSandbox stderr (tail):\n{Stderr}",
            input.ReportName, outcome, exitCode, string.Join("; ", diagnostics), stderr);
        return new SandboxResult(outcome, null, diagnostics) { ExitCode = exitCode, StandardErrorTail = stderr };
    }

    private static SandboxResult StartFailed(RenderInput input, string reason) =>
        new(SandboxOutcome.StartFailed, null, Error(DiagnosticCodes.Sandbox.StartFailed, $"The sandbox for report '{input.ReportName}' could not be started: {reason}", input));

    private static ImmutableArray<RdlDiagnostic> Error(string code, string message, RenderInput input) =>
        [RdlDiagnostic.Error(code, message, new SourceLocation(input.FileName, 0, 0))];

    /// <summary>On Unix a process ended by signal N reports exit code 128 + N.</summary>
    internal static string DescribeExit(int exitCode) =>
        OperatingSystem.IsWindows() || exitCode <= 128 || exitCode > 128 + 64
            ? $"exit code {exitCode}"
            : $"killed by signal {exitCode - 128}{SignalName(exitCode - 128)}";

    private static string SignalName(int signal) => signal switch
    {
        6 => " (SIGABRT)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        24 => " (SIGXCPU: CPU time limit)",
        15 => " (SIGTERM)",
        _ => string.Empty,
    };
}
