using Microsoft.Extensions.Options;
using Renderer.Host.Expressions.Worker;

namespace Microsoft.Extensions.DependencyInjection;

public static class CompileWorkerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the compile worker pool (options from <c>CompileWorker</c>, validated at start); with
    /// <paramref name="warmAtStart"/> (the server) one worker is started in the background as the host starts.
    /// </summary>
    public static IServiceCollection AddCompileWorker(this IServiceCollection services, bool warmAtStart)
    {
        services.AddOptions<CompileWorkerOptions>()
            .BindConfiguration(CompileWorkerOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CompileWorkerOptions>, CompileWorkerOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var pool = new CompileWorkerPool(sp.GetRequiredService<IOptions<CompileWorkerOptions>>().Value, sp.GetRequiredService<ILogger<CompileWorkerPool>>());
            if (warmAtStart) pool.WarmUp();
            return pool;
        });
        return services;
    }
}
