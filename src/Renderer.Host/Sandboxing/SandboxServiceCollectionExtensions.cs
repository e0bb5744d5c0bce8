using Microsoft.Extensions.DependencyInjection;

namespace Renderer.Host.Sandboxing;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SandboxLauncher"/> (singleton) with <see cref="SandboxOptions"/> bound from the "Sandbox" section.</summary>
    public static IServiceCollection AddSandboxLauncher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>()
            .Bind(configuration.GetSection(SandboxOptions.SectionName))
            .Validate(o => o.TimeoutSeconds > 0, "Sandbox:TimeoutSeconds must be positive.")
            .Validate(o => o.MemoryLimitMegabytes >= 0, "Sandbox:MemoryLimitMegabytes must be 0 (no limit) or positive.")
            .ValidateOnStart();
        services.AddSingleton<SandboxLauncher>();
        services.AddHostedService<SandboxIsolationCheck>();
        services.AddSandboxPool();
        return services;
    }

    /// <summary>
    /// Registers <see cref="SandboxPool"/> (singleton, started and stopped with the host) so that
    /// <see cref="SandboxLauncher"/> takes pre-started processes from it; Sandbox:PoolSize 0 leaves it empty.
    /// </summary>
    public static IServiceCollection AddSandboxPool(this IServiceCollection services)
    {
        services.AddOptions<SandboxOptions>()
            .Validate(o => o.PoolSize is >= 0 and <= 64, "Sandbox:PoolSize must be between 0 (off) and 64.")
            .Validate(o => o.PoolIdleLifetimeSeconds >= 0, "Sandbox:PoolIdleLifetimeSeconds must be 0 (no limit) or positive.")
            .Validate(o => o.PoolMaxConcurrentStarts >= 1, "Sandbox:PoolMaxConcurrentStarts must be at least 1.")
            .Validate(o => o.PoolWarmUpFormats.All(c => c is (>= 'a' and <= 'z') or ','), "Sandbox:PoolWarmUpFormats is a comma-separated list of formats (pdf, xlsx, csv, docx).");
        services.AddSingleton<SandboxPool>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxPool>());
        return services;
    }
}
