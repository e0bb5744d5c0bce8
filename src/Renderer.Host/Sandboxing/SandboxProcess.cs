using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// One running sandbox child: started with an explicit environment and argument list (no shell), stderr drained in
/// the background (last 4 KB kept). Disposing kills the process (and its descendants, when it may have any) if it still
/// runs and reaps it.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private const int StderrTailBytes = 4096;
    private const int StderrHeadBytes = 512;
    private static readonly TimeSpan StderrDrainGrace = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly Task _stderrPump;
    private readonly byte[] _tail = new byte[StderrTailBytes];
    private readonly Lock _tailLock = new();
    private long _tailWritten;
    private readonly MemoryStream _head = new();

    private readonly bool _mayHaveDescendants;
    private readonly bool _wrapped;

    private SandboxProcess(Process process, bool mayHaveDescendants, bool wrapped)
    {
        _process = process;
        _mayHaveDescendants = mayHaveDescendants;
        _wrapped = wrapped;
        _stderrPump = Task.Run(DrainStderrAsync);
    }

    public int Id => _process.Id;

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="dotnet"/> <paramref name="sandboxDll"/> with exactly <paramref name="environment"/>.</summary>
    public static SandboxProcess Start(string dotnet, string sandboxDll, IReadOnlyDictionary<string, string> environment, string workingDirectory) =>
        Start(dotnet, [sandboxDll], environment, workingDirectory);

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/> and exactly <paramref name="environment"/>.</summary>
    /// <param name="mayHaveDescendants">
    /// False when the process cannot create processes (the seccomp layer applies): killing it then needs no search of
    /// every process on the machine for its descendants (reading /proc/*/stat cost the host several milliseconds per render).
    /// </param>
    /// <param name="wrapped">The program runs as a descendant, inside bubblewrap's namespaces (see <see cref="ProgramId"/>).</param>
    public static SandboxProcess Start(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, bool mayHaveDescendants = true, bool wrapped = false)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        startInfo.Environment.Clear();
        foreach (var (name, value) in environment) startInfo.Environment[name] = value;
        // Forked from the long-lived spawner thread: the sandbox's parent-death signal follows that thread (see SpawnThread).
        var process = SpawnThread.Start(startInfo);
        return new SandboxProcess(process, mayHaveDescendants, wrapped);
    }

    /// <summary>
    /// The pid of the program the sandbox runs: this process, or through bubblewrap its innermost descendant. Waits (up
    /// to 5 s) until that runs none of <paramref name="wrappers"/> (the launcher, bubblewrap), i.e. every layer applies
    /// and the program was executed, or the process has ended.
    /// </summary>
    public async Task<int> WaitUntilExecutedAsync(IReadOnlyCollection<string> wrappers)
    {
        for (var i = 0; i < 5000 && !_process.HasExited; i++)
        {
            int pid;
            string first;
            try
            {
                pid = Innermost(_process.Id);
                first = (await File.ReadAllTextAsync($"/proc/{pid}/cmdline").ConfigureAwait(false)).Split('\0')[0];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return _process.Id;
            }
            if (first.Length > 0 && !wrappers.Contains(first)) return pid;
            await Task.Delay(1).ConfigureAwait(false);
        }
        return _process.Id;
    }

    /// <summary>Follows the first child of each process down from <paramref name="pid"/> (bubblewrap's outer process has one child).</summary>
    private static int Innermost(int pid)
    {
        for (var depth = 0; depth < 8; depth++)
        {
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (children.Length == 0 || !int.TryParse(children[0], System.Globalization.CultureInfo.InvariantCulture, out var child)) return pid;
            pid = child;
        }
        return pid;
    }

    /// <summary>Completes when the process has ended (it is not reaped for the caller; see <see cref="WaitForExitAsync(TimeSpan)"/>).</summary>
    public Task WaitForExitAsync() => _process.WaitForExitAsync(CancellationToken.None);

    /// <summary>
    /// The pid of the program the sandbox runs: through bubblewrap the innermost descendant of the started process (the
    /// sandbox is pid 1 of its own pid namespace), else the started process itself; 0 when, through bubblewrap, the
    /// program does not run (not yet, or no longer: bubblewrap's outer process ends just after it).
    /// </summary>
    public int ProgramId
    {
        get
        {
            try
            {
                var pid = Innermost(_process.Id);
                return _wrapped && pid == _process.Id ? 0 : pid;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return _process.Id;
            }
        }
    }

    /// <summary>
    /// Kills the process and its descendants (see <c>mayHaveDescendants</c> of <see cref="Start(string, IReadOnlyList{string}, IReadOnlyDictionary{string, string}, string, bool)"/>); never throws.
    /// Through bubblewrap the sandbox program is killed first: bubblewrap's outer process then reaps it and exits with
    /// its status (killing the outer process first would leave the program to be reaped by init; it dies with it
    /// anyway, by its parent-death signal).
    /// </summary>
    public void Kill()
    {
        try
        {
            if (!_mayHaveDescendants && ProgramId is > 0 and var program && program != _process.Id)
            {
                using var inner = Process.GetProcessById(program);
                inner.Kill();
                return;
            }
            _process.Kill(entireProcessTree: _mayHaveDescendants);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException or AggregateException or ArgumentException)
        {
            // Already gone, or could not be signalled (it then ends with its pipes).
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for the process to end by itself, kills it after that, reaps it and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan grace)
    {
        using (var graceCts = new CancellationTokenSource(grace))
        {
            try
            {
                await _process.WaitForExitAsync(graceCts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill();
                await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        try
        {
            await _stderrPump.WaitAsync(StderrDrainGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A descendant still holds stderr open; the tail collected so far is enough.
        }
        return _process.ExitCode;
    }

    /// <summary>The first 512 bytes of stderr (where the runtime names a fatal error such as a stack overflow).</summary>
    public string StandardErrorHead()
    {
        lock (_tailLock) return Encoding.UTF8.GetString(_head.GetBuffer(), 0, (int)_head.Length);
    }

    /// <summary>The last ~4 KB of stderr (UTF-8, possibly starting mid-character).</summary>
    public string StandardErrorTail()
    {
        lock (_tailLock)
        {
            var length = (int)Math.Min(_tailWritten, StderrTailBytes);
            var start = (int)(_tailWritten % StderrTailBytes);
            var bytes = new byte[length];
            if (_tailWritten <= StderrTailBytes) Array.Copy(_tail, bytes, length);
            else
            {
                Array.Copy(_tail, start, bytes, 0, StderrTailBytes - start);
                Array.Copy(_tail, 0, bytes, StderrTailBytes - start, start);
            }
            return Encoding.UTF8.GetString(bytes);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await _stderrPump.WaitAsync(StderrDrainGrace).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
        }
        _process.Dispose();
    }

    private async Task DrainStderrAsync()
    {
        var buffer = new byte[4096];
        try
        {
            var stream = _process.StandardError.BaseStream;
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0) Append(buffer.AsSpan(0, read));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        lock (_tailLock)
        {
            if (_head.Length < StderrHeadBytes) _head.Write(data[..Math.Min(data.Length, StderrHeadBytes - (int)_head.Length)]);
            foreach (var b in data.Length > StderrTailBytes ? data[^StderrTailBytes..] : data)
            {
                _tail[(int)(_tailWritten % StderrTailBytes)] = b;
                _tailWritten++;
            }
        }
    }
}
