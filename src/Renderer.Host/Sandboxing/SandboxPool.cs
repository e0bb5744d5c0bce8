using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// Keeps <see cref="SandboxOptions.PoolSize"/> pre-started sandbox processes (same launcher, isolation layers and
/// environment as an on-demand one, each with its own working folder) that have warmed up and wait, blocked on their
/// input, for their one job. <see cref="SandboxLauncher"/> takes one per render and kills it afterwards: a process is
/// never reused. Taken, dead, failed and expired (<see cref="SandboxOptions.PoolIdleLifetimeSeconds"/>) processes are
/// replaced in the background, at most <see cref="SandboxOptions.PoolMaxConcurrentStarts"/> warming up at a time so
/// refills do not starve renders of CPU. Filling starts with the host (<see cref="StartAsync"/>); stopping the host
/// kills every idle process. An idle process whose host disappears sees its input end and exits by itself.
/// </summary>
public sealed class SandboxPool : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly SandboxOptions _settings;
    private readonly ILogger<SandboxPool> _logger;
    private readonly SandboxStarter _starter;
    private readonly Lock _lock = new();
    private readonly List<SandboxInstance> _idle = [];
    private readonly CancellationTokenSource _stopping = new();
    private bool _running;
    private int _failures;
    private bool _retryScheduled;
    private int _refillRunning;
    private int _refillRequested;

    public SandboxPool(IOptions<SandboxOptions> options, ILogger<SandboxPool> logger)
    {
        _settings = options.Value;
        _logger = logger;
        _starter = new SandboxStarter(_settings, logger);
    }

    /// <summary>Whether the pool hands out processes (started, not stopped, <see cref="SandboxOptions.PoolSize"/> &gt; 0).</summary>
    public bool IsEnabled
    {
        get
        {
            lock (_lock) return _running;
        }
    }

    /// <summary>How many warmed-up processes wait for a job now (for monitoring and the bench).</summary>
    public int ReadyCount
    {
        get
        {
            lock (_lock) return _idle.Count(i => i.IsReady);
        }
    }

    /// <summary>Process ids of the warmed-up sandboxes waiting for a job (their program's, as <see cref="SandboxLauncher"/> reports them; for tests and diagnostics).</summary>
    internal IReadOnlyList<int> ReadyProcessIds
    {
        get
        {
            lock (_lock) return [.. _idle.Where(i => i.IsReady).Select(i => i.Process.ProgramId).Where(pid => pid > 0)];
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_settings.PoolSize <= 0) return Task.CompletedTask;
        lock (_lock)
        {
            if (_stopping.IsCancellationRequested) return Task.CompletedTask;
            _running = true;
        }
        _logger.LogInformation("Sandbox pool: {Size} pre-started processes, warm-up formats {Formats}", _settings.PoolSize, _settings.PoolWarmUpFormats);
        RequestRefill();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        SandboxInstance[] idle;
        lock (_lock)
        {
            _running = false;
            idle = [.. _idle];
            _idle.Clear();
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var instance in idle) await instance.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Same as <see cref="StopAsync"/>; safe to call more than once (the container disposes the pool and its hosted-service alias).</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>
    /// Takes a process for one render: a warmed-up one if any, else one still warming up (its warm-up finishes sooner
    /// than a new process could start); null when the pool is off or empty. The caller owns (and must dispose) it.
    /// </summary>
    internal SandboxInstance? TryTake()
    {
        SandboxInstance? taken;
        List<SandboxInstance> broken;
        lock (_lock)
        {
            if (!_running) return null;
            broken = _idle.Where(i => i.IsBroken).ToList();
            foreach (var instance in broken) _idle.Remove(instance);
            taken = _idle.FirstOrDefault(i => i.IsReady) ?? _idle.FirstOrDefault();
            if (taken is not null) _idle.Remove(taken);
        }
        foreach (var instance in broken) Discard(instance, "it ended while idle");
        RequestRefill();
        return taken;
    }

    /// <summary>Starts processes (off the caller's thread) until the pool is full, with at most the allowed number warming up.</summary>
    private void RequestRefill()
    {
        Volatile.Write(ref _refillRequested, 1);
        if (Interlocked.CompareExchange(ref _refillRunning, 1, 0) == 0) _ = Task.Run(RefillLoop);
    }

    /// <summary>One refill at a time, so the size and warm-up bounds hold; a request made meanwhile runs another round.</summary>
    private void RefillLoop()
    {
        do
        {
            Volatile.Write(ref _refillRequested, 0);
            try
            {
                Refill();
            }
            finally
            {
                Volatile.Write(ref _refillRunning, 0);
            }
        }
        while (Volatile.Read(ref _refillRequested) == 1 && Interlocked.CompareExchange(ref _refillRunning, 1, 0) == 0);
    }

    private void Refill()
    {
        while (true)
        {
            lock (_lock)
            {
                var warming = _idle.Count(i => i.Hello is { IsCompleted: false });
                if (!_running || _retryScheduled || _idle.Count >= _settings.PoolSize || warming >= Math.Max(1, _settings.PoolMaxConcurrentStarts)) return;
            }
            var (instance, failure) = _starter.Start(prewarm: true);
            if (instance is null)
            {
                OnStartFailed(failure ?? "unknown reason");
                return;
            }
            bool keep;
            lock (_lock)
            {
                keep = _running;
                if (keep) _idle.Add(instance);
            }
            if (!keep)
            {
                _ = instance.DisposeAsync().AsTask();
                return;
            }
            _ = WatchAsync(instance);
        }
    }

    /// <summary>Follows one pooled process: its warm-up, its idle lifetime, and its death while idle.</summary>
    private async Task WatchAsync(SandboxInstance instance)
    {
        try
        {
            await instance.Hello!.WaitAsync(_stopping.Token).ConfigureAwait(false);
            Interlocked.Exchange(ref _failures, 0);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception ex)
        {
            if (Remove(instance))
            {
                Discard(instance, $"its warm-up failed ({ex.GetType().Name}: {ex.Message})");
                OnStartFailed("the process ended during its warm-up: " + instance.Process.StandardErrorTail().Trim());
            }
            return;
        }
        // The next one may start warming up now.
        RequestRefill();

        var lifetime = _settings.PoolIdleLifetimeSeconds > 0 ? TimeSpan.FromSeconds(_settings.PoolIdleLifetimeSeconds) : Timeout.InfiniteTimeSpan;
        // Its own token, cancelled below, so a used process leaves no idle-lifetime timer behind.
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var expired = Task.Delay(lifetime, waiting.Token);
        var ended = await Task.WhenAny(instance.Exited, expired).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        if (ended == expired && expired.IsCanceled) return;
        if (!Remove(instance)) return;
        Discard(instance, ended == instance.Exited ? "it ended while idle" : "its idle lifetime ran out");
        RequestRefill();
    }

    private bool Remove(SandboxInstance instance)
    {
        lock (_lock) return _idle.Remove(instance);
    }

    private void Discard(SandboxInstance instance, string reason)
    {
        _logger.LogInformation("Sandbox pool: replacing process {Pid} because {Reason}", instance.Process.Id, reason);
        _ = instance.DisposeAsync().AsTask();
    }

    /// <summary>Backs off (1 s, 2 s, 4 s ... up to a minute) after consecutive failures instead of spinning.</summary>
    private void OnStartFailed(string reason)
    {
        var failures = Interlocked.Increment(ref _failures);
        var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 6))));
        _logger.LogWarning("Sandbox pool: a process could not be pre-started ({Reason}); retrying in {Delay} s (renders start their own process meanwhile)", reason, delay.TotalSeconds);
        lock (_lock)
        {
            if (_retryScheduled || !_running) return;
            _retryScheduled = true;
        }
        _ = RetryAfterAsync(delay);
    }

    private async Task RetryAfterAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        lock (_lock) _retryScheduled = false;
        RequestRefill();
    }
}
