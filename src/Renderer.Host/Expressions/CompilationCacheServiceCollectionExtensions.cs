using Microsoft.Extensions.Options;
using Renderer.Host.Expressions;
using Renderer.Host.Expressions.Wasm;

namespace Microsoft.Extensions.DependencyInjection;

public static class CompilationCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers the compiled-expression cache: its memory and disk bounds from <c>Compiler:Cache</c> (validated at start,
    /// a bad value stops start-up naming the setting), its disk folder <paramref name="folder"/>, and the compile worker pool.
    /// </summary>
    public static IServiceCollection AddCompilationCache(this IServiceCollection services, string folder, WasmModuleResolver wasmModules)
    {
        services.AddOptions<CompilationCacheOptions>().BindConfiguration(CompilationCacheOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CompilationCacheOptions>, CompilationCacheOptionsValidator>();
        services.AddSingleton(sp => new CompilationCache(
            folder,
            wasmModules,
            sp.GetRequiredService<Renderer.Host.Expressions.Worker.CompileWorkerPool>(),
            sp.GetRequiredService<IOptions<CompilationCacheOptions>>().Value));
        return services;
    }
}
