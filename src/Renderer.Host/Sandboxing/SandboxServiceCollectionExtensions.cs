using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Renderer.Host.Sandboxing;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SandboxLauncher"/> (singleton) with <see cref="SandboxOptions"/> bound from the "Sandbox" section.</summary>
    public static IServiceCollection AddSandboxLauncher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSandboxOptions(configuration.GetSection(SandboxOptions.SectionName));
        services.AddSingleton<SandboxLauncher>();
        services.AddHostedService<SandboxIsolationCheck>();
        services.AddSandboxPool();
        return services;
    }

    /// <summary><see cref="SandboxOptions"/> bound from <paramref name="section"/> (default: the "Sandbox" section), validated at start (<see cref="SandboxOptionsValidator"/>).</summary>
    public static IServiceCollection AddSandboxOptions(this IServiceCollection services, IConfigurationSection? section = null)
    {
        var options = services.AddOptions<SandboxOptions>();
        if (section is null) options.BindConfiguration(SandboxOptions.SectionName);
        else options.Bind(section);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>());
        return services;
    }

    /// <summary>
    /// Registers <see cref="SandboxPool"/> (singleton, started and stopped with the host) so that
    /// <see cref="SandboxLauncher"/> takes pre-started processes from it; Sandbox:PoolSize 0 leaves it empty.
    /// </summary>
    public static IServiceCollection AddSandboxPool(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>());
        services.AddSingleton<SandboxPool>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxPool>());
        return services;
    }
}
