using System.Diagnostics;

namespace Renderer.Sandbox;

/// <summary>
/// Tells the host how far a long render has got: the highest page composed so far of the report's page count, at most
/// every <see cref="Interval"/>, so a short render reports nothing. The sandbox session sets <see cref="Sink"/> for
/// its render (the value flows with the render's async context); renders without a sink report nothing.
/// </summary>
internal sealed class RenderProgress
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private static readonly AsyncLocal<RenderProgress?> Current = new();

    private readonly Action<int, int> _sink;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _lastReport;
    private int _highest;

    private RenderProgress(Action<int, int> sink) => _sink = sink;

    /// <summary>Reports to <paramref name="sink"/> (pages done, page count) for the rest of this async flow.</summary>
    public static void Start(Action<int, int> sink) => Current.Value = new RenderProgress(sink);

    /// <summary>Page <paramref name="index"/> (0-based) of <paramref name="count"/> has been composed.</summary>
    public static void PageComposed(int index, int count)
    {
        if (Current.Value is not { } progress || index + 1 <= progress._highest) return;
        progress._highest = index + 1;
        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(Math.Max(progress._started, progress._lastReport), now) < Interval) return;
        progress._lastReport = now;
        progress._sink(progress._highest, count);
    }
}
