namespace Renderer.Host.Rendering;

/// <summary>
/// How many renders run at once and how many may wait, bound from "Renderer:Admission" and validated at start
/// (see <see cref="RenderAdmission"/>).
/// </summary>
public sealed class RenderAdmissionOptions
{
    public const string SectionName = "Renderer:Admission";

    /// <summary>Most renders (each one sandbox process) running at once; 0: twice the number of processor cores.</summary>
    public int MaxConcurrentRenders { get; set; }

    /// <summary>Most renders waiting for a free slot; a render beyond that is refused at once (503 with Retry-After).</summary>
    public int MaxQueuedRenders { get; set; } = 16;

    /// <summary>Longest time a render waits in the queue before it is refused (503 with Retry-After).</summary>
    public int QueueTimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds a refused client is told to wait (the Retry-After header).</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>
    /// Most memory the running sandboxes may be granted together: the sum of their heap limits
    /// (Sandbox:MemoryLimitMegabytes each) never exceeds it, so it caps <see cref="MaxConcurrentRenders"/>.
    /// 0: half of the memory the host sees (physical memory or its cgroup limit).
    /// </summary>
    public int MemoryBudgetMegabytes { get; set; }
}
