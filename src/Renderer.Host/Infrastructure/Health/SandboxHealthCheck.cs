using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Renderer.Host.Sandboxing;

namespace Renderer.Host.Infrastructure.Health;

/// <summary>
/// The sandbox's isolation layers and pool: unhealthy when a requested layer is missing in strict mode, degraded when
/// one is missing otherwise or when the pool has no warmed-up process; the data lists what is applied.
/// </summary>
public sealed class SandboxHealthCheck(IOptions<SandboxOptions> options, IServiceProvider services) : IHealthCheck
{
    private readonly Lazy<IsolationSupport> _support = new(() => SandboxIsolation.Support(options.Value));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var missing = settings.Layers & ~_support.Value.Available;
        var pool = services.GetService<SandboxPool>();
        var data = new Dictionary<string, object>
        {
            ["layersApplied"] = (settings.Layers & _support.Value.Available).ToString(),
            ["layersMissing"] = missing.ToString(),
            ["poolEnabled"] = pool?.IsEnabled ?? false,
            ["poolReady"] = pool?.ReadyCount ?? 0,
        };
        if (missing != SandboxLayers.None)
        {
            var message = $"Isolation layers missing on this machine: {missing} ({_support.Value.Problem}).";
            return Task.FromResult(settings.Strict ? HealthCheckResult.Unhealthy(message, data: data) : HealthCheckResult.Degraded(message, data: data));
        }
        if (pool is { IsEnabled: true, ReadyCount: 0 } && settings.PoolSize > 0)
            return Task.FromResult(HealthCheckResult.Degraded("No pre-started sandbox is ready; renders start their own.", data: data));
        return Task.FromResult(HealthCheckResult.Healthy("Every requested isolation layer is available.", data));
    }
}
