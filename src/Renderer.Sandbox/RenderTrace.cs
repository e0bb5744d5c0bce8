using System.Diagnostics;
using System.Globalization;

namespace Renderer.Sandbox;

/// <summary>
/// Optional per-stage timing of a render, written to stderr when RENDERER_TRACE=1 (in-process runs and profiling;
/// the sandbox's launcher passes no such variable, so production renders never trace).
/// </summary>
internal sealed class RenderTrace
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _last;
    private long _lastAllocated = GC.GetTotalAllocatedBytes();
    private TimeSpan _lastPause = GC.GetTotalPauseDuration();
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;

    private RenderTrace()
    {
    }

    /// <summary>A trace when RENDERER_TRACE=1, else null (callers use <c>trace?.Mark(...)</c>).</summary>
    public static RenderTrace? Start() =>
        Environment.GetEnvironmentVariable("RENDERER_TRACE") == "1" ? new RenderTrace() : null;

    /// <summary>
    /// Writes the wall and CPU time since the previous mark (CPU: all threads, JIT included), the live managed heap (after a full collection, whose time is not
    /// counted) and the working set.
    /// </summary>
    public void Mark(string stage)
    {
        var elapsed = _watch.Elapsed - _last;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _lastCpu;
        var allocated = GC.GetTotalAllocatedBytes() - _lastAllocated;
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var pause = GC.GetTotalPauseDuration() - _lastPause;
        var live = GC.GetTotalMemory(forceFullCollection: true);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trace {stage,-10} {elapsed.TotalMilliseconds,8:F0} ms (cpu {cpu.TotalMilliseconds,6:F0} ms)  live heap {live / 1048576.0,6:F0} MB  ws {Environment.WorkingSet / 1048576.0,6:F0} MB  allocated {allocated / 1048576.0,6:F0} MB  committed {committed / 1048576.0,6:F0} MB  gcs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}  gc pause {pause.TotalMilliseconds:F0} ms"));
        _last = _watch.Elapsed;
        _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
        _lastAllocated = GC.GetTotalAllocatedBytes();
        _lastPause = GC.GetTotalPauseDuration();
    }
}
