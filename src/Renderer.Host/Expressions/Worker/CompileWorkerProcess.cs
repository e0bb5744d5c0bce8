using System.Diagnostics;
using Rdl.Model.Diagnostics;
using Renderer.Host.Sandboxing;

namespace Renderer.Host.Expressions.Worker;

/// <summary>How one compile in a worker ended.</summary>
internal sealed record CompileOutcome(CompileReply? Reply, string? ExceededLimit, RdlDiagnostic? Site, string? Failure)
{
    /// <summary>The worker answered and stays usable.</summary>
    public bool Answered => Reply is not null;
}

/// <summary>
/// One compile worker process (the host executable with <c>--compile-worker</c>) seen from the host: started with an
/// empty environment except its GC heap hard limit, it runs one compile at a time while the host watches its CPU time and
/// resident memory in /proc and its wall-clock time, and kills it when one passes its limit.
/// </summary>
internal sealed class CompileWorkerProcess : IDisposable
{
    private const int PollMilliseconds = 20;

    private readonly Process _process;
    private readonly CompileWorkerOptions _options;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly StderrTail _stderr;

    private CompileWorkerProcess(Process process, CompileWorkerOptions options)
    {
        _process = process;
        _options = options;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        _stderr = new StderrTail(process);
    }

    public int ProcessId => _process.Id;

    /// <summary>Resident memory in bytes now (0 once the process is gone).</summary>
    public long ResidentBytes => ProcStat.ResidentBytes(_process.Id);

    public static async Task<CompileWorkerProcess> StartAsync(CompileWorkerOptions options, CancellationToken cancellationToken)
    {
        var dotnet = DotnetMuxer.Find(options.DotnetPath) ?? throw new InvalidOperationException("The dotnet muxer was not found; the compile worker cannot start.");
        var hostDll = typeof(CompileWorkerMain).Assembly.Location;
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add(CompileWorkerMain.Argument);
        // Nothing of the host's environment (connection strings, keys) reaches the worker.
        start.Environment.Clear();
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root) start.Environment["DOTNET_ROOT"] = root;
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)options.MemoryMegabytes * 1024 * 1024 * 3 / 4).ToString("X");
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The compile worker did not start.");
        var worker = new CompileWorkerProcess(process, options);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(options.StartSeconds));
            var ready = await CompileWorkerCodec.ReadFrameAsync(worker._output, deadline.Token).ConfigureAwait(false);
            if (ready is not { Kind: CompileFrame.Ready })
                throw new InvalidOperationException($"The compile worker ended while starting: {worker._stderr.Text}");
            return worker;
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="request"/>; when a limit is passed the worker is killed and the outcome names the limit and the site.</summary>
    public async Task<CompileOutcome> CompileAsync(CompileRequest request, CancellationToken cancellationToken)
    {
        var cpuAtStart = ProcStat.CpuSeconds(_process.Id);
        var wall = Stopwatch.StartNew();
        var memoryLimit = (long)_options.MemoryMegabytes * 1024 * 1024;
        RdlDiagnostic? site = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exchange = ExchangeAsync(request, s => Volatile.Write(ref site, s), stop.Token);
        string? exceeded = null;
        while (!exchange.IsCompleted)
        {
            await Task.WhenAny(exchange, Task.Delay(PollMilliseconds, CancellationToken.None)).ConfigureAwait(false);
            if (exchange.IsCompleted) break;
            var cpu = ProcStat.CpuSeconds(_process.Id) - cpuAtStart;
            if (cpu > _options.CpuSeconds) exceeded = $"CPU time limit of {_options.CpuSeconds} s";
            else if (ProcStat.ResidentBytes(_process.Id) > memoryLimit) exceeded = $"memory limit of {_options.MemoryMegabytes} MiB";
            else if (wall.Elapsed.TotalSeconds > _options.WallSeconds) exceeded = $"time limit of {_options.WallSeconds} s";
            else if (cancellationToken.IsCancellationRequested) exceeded = "cancelled";
            if (exceeded is null) continue;
            Kill();
            await stop.CancelAsync().ConfigureAwait(false);
            break;
        }

        try
        {
            var (reply, outOfMemory) = await exchange.ConfigureAwait(false);
            if (reply is not null) return new CompileOutcome(reply, null, null, null);
            if (outOfMemory) return new CompileOutcome(null, $"memory limit of {_options.MemoryMegabytes} MiB (GC heap)", Volatile.Read(ref site), null);
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or OperationCanceledException or InvalidDataException or ObjectDisposedException)
        {
            if (exceeded is not null) return new CompileOutcome(null, exceeded, Volatile.Read(ref site), null);
        }
        Kill();
        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        // SIGXCPU (24) from the RLIMIT_CPU backstop.
        if (_process.HasExited && _process.ExitCode == 128 + 24) return new CompileOutcome(null, $"CPU time limit of {_options.CpuSeconds} s", Volatile.Read(ref site), null);
        return new CompileOutcome(null, exceeded, Volatile.Read(ref site), $"the compile worker ended unexpectedly (exit code {(_process.HasExited ? _process.ExitCode : -1)}): {_stderr.Text}");
    }

    private async Task<(CompileReply? Reply, bool OutOfMemory)> ExchangeAsync(CompileRequest request, Action<RdlDiagnostic> onProgress, CancellationToken cancellationToken)
    {
        await CompileWorkerCodec.WriteFrameAsync(_input, CompileFrame.Request, w => CompileWorkerCodec.WriteRequest(w, request), cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var frame = await CompileWorkerCodec.ReadFrameAsync(_output, cancellationToken).ConfigureAwait(false);
            switch (frame?.Kind)
            {
                case null:
                    return (null, false);
                case CompileFrame.Progress:
                    onProgress(CompileWorkerCodec.ReadDiagnostic(frame.Value.Body));
                    break;
                case CompileFrame.Reply:
                    return (CompileWorkerCodec.ReadReply(frame.Value.Body), false);
                case CompileFrame.OutOfMemory:
                    return (null, true);
                default:
                    throw new InvalidDataException($"Unexpected compile worker frame {frame.Value.Kind}.");
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        try
        {
            _input.Dispose(); // the worker ends when its stdin closes
        }
        catch (IOException)
        {
        }
        if (!_process.WaitForExit(200)) Kill();
        _process.Dispose();
    }

    /// <summary>The last few KiB the worker wrote to stderr, kept for the failure message.</summary>
    private sealed class StderrTail
    {
        private readonly System.Text.StringBuilder _text = new();

        public StderrTail(Process process)
        {
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (_text)
                {
                    _text.Append(e.Data).Append('\n');
                    if (_text.Length > 4096) _text.Remove(0, _text.Length - 4096);
                }
            };
            process.BeginErrorReadLine();
        }

        public string Text
        {
            get
            {
                lock (_text) return _text.ToString().Trim();
            }
        }
    }
}
