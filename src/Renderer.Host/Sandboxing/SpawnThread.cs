using System.Collections.Concurrent;
using System.Diagnostics;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// The one thread that starts sandbox processes, for as long as the host runs. bubblewrap's <c>--die-with-parent</c>
/// (PR_SET_PDEATHSIG) kills a sandbox when the THREAD that forked it ends, not only when the host ends; the thread
/// pool retires idle threads, so a sandbox started from a pool thread could be killed with SIGKILL in the middle of its
/// render. Starting every sandbox here keeps that protection (the sandbox dies with the host) without the accident.
/// </summary>
internal static class SpawnThread
{
    private static readonly BlockingCollection<(ProcessStartInfo StartInfo, TaskCompletionSource<Process> Started)> Requests = new();

    static SpawnThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "sandbox spawner" };
        thread.Start();
    }

    /// <summary>Starts <paramref name="startInfo"/> on the spawner thread and returns the process (or the start's exception).</summary>
    public static Process Start(ProcessStartInfo startInfo)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((startInfo, started));
        return started.Task.GetAwaiter().GetResult();
    }

    private static void Run()
    {
        foreach (var (startInfo, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                var process = Process.Start(startInfo);
                if (process is null) started.SetException(new InvalidOperationException("The sandbox process did not start."));
                else started.SetResult(process);
            }
            catch (Exception ex)
            {
                started.SetException(ex);
            }
        }
    }
}
