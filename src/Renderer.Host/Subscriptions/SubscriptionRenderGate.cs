using Microsoft.Extensions.Options;

namespace Renderer.Host.Subscriptions;

/// <summary>
/// Caps the subscription renders running at once on this host (Subscriptions:MaxConcurrentRenders, default 1), so a
/// burst of fires waits here instead of taking every render slot from interactive users.
/// </summary>
public sealed class SubscriptionRenderGate(IOptions<SubscriptionOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRenders, options.Value.MaxConcurrentRenders);

    public async Task<T> RunAsync<T>(Func<Task<T>> render, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try { return await render().ConfigureAwait(false); }
        finally { _slots.Release(); }
    }

    public void Dispose() => _slots.Dispose();
}
