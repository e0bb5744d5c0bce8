using Microsoft.Extensions.Options;
using Renderer.Host.Sandboxing;

namespace Renderer.Host.Rendering;

/// <summary>
/// Admission control for renders: at most <see cref="Limit"/> run at once (from
/// <see cref="RenderAdmissionOptions.MaxConcurrentRenders"/> and the memory budget divided by the sandbox heap limit),
/// at most <see cref="RenderAdmissionOptions.MaxQueuedRenders"/> wait (each for at most
/// <see cref="RenderAdmissionOptions.QueueTimeoutSeconds"/>), and any other is refused at once, so a burst of requests
/// can neither start unbounded sandboxes nor hold the host's threads. Pre-started pool sandboxes are not counted: they
/// hold only their warm-up memory until a render takes one, and then count as that render.
/// </summary>
public sealed class RenderAdmission : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _queueTimeout;
    private int _queued;

    public RenderAdmission(IOptions<RenderAdmissionOptions> options, IOptions<SandboxOptions> sandbox)
    {
        var settings = options.Value;
        Limit = EffectiveLimit(settings, sandbox.Value, TotalMemoryMegabytes());
        MaxQueued = settings.MaxQueuedRenders;
        RetryAfterSeconds = settings.RetryAfterSeconds;
        _queueTimeout = TimeSpan.FromSeconds(settings.QueueTimeoutSeconds);
        _slots = new SemaphoreSlim(Limit, Limit);
    }

    /// <summary>Most renders running at once.</summary>
    public int Limit { get; }

    public int MaxQueued { get; }

    public int RetryAfterSeconds { get; }

    /// <summary>Renders waiting for a slot now (for metrics).</summary>
    public int QueueLength => Volatile.Read(ref _queued);

    /// <summary>Renders running now.</summary>
    public int Running => Limit - _slots.CurrentCount;

    /// <summary>The concurrency limit: the configured (or core-derived) count, capped by how many heap limits fit in the budget.</summary>
    public static int EffectiveLimit(RenderAdmissionOptions settings, SandboxOptions sandbox, long totalMemoryMegabytes)
    {
        var limit = settings.MaxConcurrentRenders > 0 ? settings.MaxConcurrentRenders : 2 * Environment.ProcessorCount;
        if (sandbox.MemoryLimitMegabytes > 0)
            limit = (int)Math.Min(limit, Budget(settings, totalMemoryMegabytes) / sandbox.MemoryLimitMegabytes);
        return Math.Max(1, limit);
    }

    /// <summary>The memory budget in megabytes: the configured one, else half of <paramref name="totalMemoryMegabytes"/>.</summary>
    public static long Budget(RenderAdmissionOptions settings, long totalMemoryMegabytes) =>
        settings.MemoryBudgetMegabytes > 0 ? settings.MemoryBudgetMegabytes : totalMemoryMegabytes / 2;

    /// <summary>The memory this process may use: physical memory, or the container's limit when lower.</summary>
    public static long TotalMemoryMegabytes() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);

    /// <summary>
    /// Waits for a slot; null when the queue is full or the wait timed out (the caller answers 503). Dispose the lease
    /// when the render has ended.
    /// </summary>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0)) return new Lease(this);
        if (Interlocked.Increment(ref _queued) > MaxQueued)
        {
            Interlocked.Decrement(ref _queued);
            return null;
        }
        try
        {
            return await _slots.WaitAsync(_queueTimeout, cancellationToken).ConfigureAwait(false) ? new Lease(this) : null;
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Lease(RenderAdmission owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner._slots.Release();
        }
    }
}
