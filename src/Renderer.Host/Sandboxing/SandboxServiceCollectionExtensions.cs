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
        return services;
    }
}
