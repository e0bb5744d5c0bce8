using DataBroker;
using DataBroker.Samples;
using Renderer.Host.Catalog;
using Renderer.Host.Expressions;
using Renderer.Host.Infrastructure;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;

namespace Microsoft.Extensions.DependencyInjection;

public static class RendererHostExtensions
{
    /// <summary>
    /// Registers the host's services: paths, the sample database, expression compiler cache, data broker, sandbox
    /// launcher, catalog and render service. <c>{DataFolder}</c> and <c>{ProjectRoot}</c> in data source connection
    /// strings are replaced by the resolved folders.
    /// </summary>
    public static IHostApplicationBuilder AddRendererHost(this IHostApplicationBuilder builder, bool cli = false)
    {
        var config = builder.Configuration;
        if (cli) config["Logging:LogLevel:Default"] ??= "Warning";
        var paths = new RendererPaths(builder.Environment.ContentRootPath, config["DataFolder"], config["SamplesFolder"]);
        foreach (var source in config.GetSection("DataBroker:DataSources").GetChildren())
        {
            var key = $"DataBroker:DataSources:{source.Key}:ConnectionString";
            if (config[key] is { } connection)
                config[key] = connection.Replace("{DataFolder}", paths.DataFolder, StringComparison.Ordinal).Replace("{ProjectRoot}", paths.ProjectRoot, StringComparison.Ordinal);
        }
        SampleDatabase.EnsureCreated(Path.Combine(paths.DataFolder, "sample.db"));

        builder.Services.AddSingleton(paths);
        builder.Services.AddProblemDetails();
        builder.Services.AddDataBroker(config);
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName);
        builder.Services.AddSingleton(sp => new CompilationCache(Path.Combine(paths.DataFolder, "cache", "expressions")));
        builder.Services.AddSingleton<SandboxLauncher>();
        builder.Services.AddHostedService<SandboxIsolationCheck>();
        builder.Services.AddSingleton<ReportCatalog>();
        builder.Services.AddSingleton<RenderService>();
        return builder;
    }
}
