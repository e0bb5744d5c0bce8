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

    private RenderTrace()
    {
    }

    /// <summary>A trace when RENDERER_TRACE=1, else null (callers use <c>trace?.Mark(...)</c>).</summary>
    public static RenderTrace? Start() =>
        Environment.GetEnvironmentVariable("RENDERER_TRACE") == "1" ? new RenderTrace() : null;

    /// <summary>Writes the time since the previous mark, the managed heap and the working set.</summary>
    public void Mark(string stage)
    {
        var now = _watch.Elapsed;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trace {stage,-10} {(now - _last).TotalMilliseconds,8:F0} ms  heap {GC.GetTotalMemory(false) / 1048576.0,6:F0} MB  ws {Environment.WorkingSet / 1048576.0,6:F0} MB"));
        _last = now;
    }
}
