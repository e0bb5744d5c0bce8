using Renderer.Host.Subscriptions;
using DataBroker;
using DataBroker.Credentials;
using DataBroker.Samples;
using Renderer.Host.Catalog;
using Renderer.Host.Cli;
using Renderer.Host.Expressions;
using Renderer.Host.Expressions.Wasm;
using Renderer.Host.Infrastructure;
using Renderer.Host.Infrastructure.Health;
using Renderer.Host.Infrastructure.Telemetry;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;
using Microsoft.AspNetCore.HostFiltering;
using Renderer.Host.Security;
using Renderer.Host.Security.Permissions;
using Renderer.Host.Security.Transport;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class RendererHostExtensions
{
    /// <summary>
    /// Registers the host's services: paths, the sample database, expression compiler cache, data broker, sandbox
    /// launcher, catalog and render service. <c>{DataFolder}</c> and <c>{ProjectRoot}</c> in data source connection
    /// strings are replaced by the resolved folders. Encrypted connection strings live in <c>DataBroker:CredentialFile</c>
    /// (default <c>{DataFolder}/credentials.json</c>) and may use the same placeholders.
    /// </summary>
    public static IHostApplicationBuilder AddRendererHost(this IHostApplicationBuilder builder, HostMode mode = HostMode.Server)
    {
        var cli = mode != HostMode.Server;
        var config = builder.Configuration;
        if (cli) CliLogging.WarnByDefault(config);
        var paths = new RendererPaths(builder.Environment.ContentRootPath, config["DataFolder"], config["SamplesFolder"]);
        foreach (var source in config.GetSection("DataBroker:DataSources").GetChildren())
        {
            var key = $"DataBroker:DataSources:{source.Key}:ConnectionString";
            if (config[key] is { } connection)
                config[key] = connection.Replace("{DataFolder}", paths.DataFolder, StringComparison.Ordinal).Replace("{ProjectRoot}", paths.ProjectRoot, StringComparison.Ordinal);
        }
        SampleDatabase.EnsureCreated(Path.Combine(paths.DataFolder, "sample.db"));
        config["DataBroker:CredentialFile"] = ResolvePath(config["DataBroker:CredentialFile"], paths) ?? Path.Combine(paths.DataFolder, "credentials.json");
        config["DataBroker:KeyRing:File"] = ResolvePath(config["DataBroker:KeyRing:File"], paths);

        builder.Services.AddSingleton(paths);
        builder.Services.AddProblemDetails();
        builder.Services.AddDataBroker(config);
        builder.Services.Configure<CredentialStoreOptions>(o => (o.Placeholders["DataFolder"], o.Placeholders["ProjectRoot"]) = (paths.DataFolder, paths.ProjectRoot));
        builder.Services.AddSandboxOptions();
        builder.Services.AddOptions<WasmModuleOptions>().BindConfiguration(WasmModuleOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WasmModuleOptions>, WasmModuleOptionsValidator>();
        var wasmOptions = config.GetSection(WasmModuleOptions.SectionName).Get<WasmModuleOptions>() ?? new WasmModuleOptions();
        var wasmModules = WasmModuleResolver.FromOptions(wasmOptions, folder => ResolvePath(folder, paths)!);
        builder.Services.AddCompileWorker(!cli);
        builder.Services.AddCompilationCache(Path.Combine(paths.DataFolder, "cache", "expressions"), wasmModules);
        builder.Services.AddSingleton<SandboxLauncher>();
        builder.Services.AddHostedService<SandboxIsolationCheck>();
        // A one-shot CLI render gains nothing from pre-started sandboxes.
        if (!cli) builder.Services.AddSandboxPool();
        builder.Services.AddOptions<CsvExportOptions>().BindConfiguration(CsvExportOptions.SectionName).ValidateOnStart();
        builder.Services.AddOptions<RenderAdmissionOptions>().BindConfiguration(RenderAdmissionOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RenderAdmissionOptions>, RenderAdmissionOptionsValidator>();
        builder.Services.AddSingleton<RenderAdmission>();
        builder.Services.AddSubscriptionOptions();
        // Validated by commands too, so a bad Viewer setting is found before the server is started with it.
        builder.Services.AddOptions<Renderer.Host.Viewer.ViewerOptions>().BindConfiguration(Renderer.Host.Viewer.ViewerOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<Renderer.Host.Viewer.ViewerOptions>, Renderer.Host.Viewer.ViewerOptionsValidator>();
        Renderer.Host.Security.Embedding.EmbeddingSetup.AddEmbeddingOptions(builder.Services);
        if (mode == HostMode.Catalog) builder.Services.AddCatalogStore(config, paths);
        // Each render names where its subreports come from (the catalog folder, or the files beside a CLI report).
        builder.Services.AddSingleton<ISubreportSource>(NoSubreports.Instance);
        if (!cli)
        {
            builder.Services.AddCatalogStore(config, paths);
            builder.Services.AddSingleton<CatalogReports>();
            builder.Services.AddRendererHealthChecks();
            builder.Services.AddOpenApi();
            builder.Services.AddRendererTelemetry(config);
            builder.Services.AddSingleton<Renderer.Host.Viewer.Sessions.ViewerSessions>();
            builder.Services.AddSingleton<Renderer.Host.Viewer.Sessions.SessionRenderer>();
            builder.Services.AddSingleton<Renderer.Host.Security.DataSecurity.DataSetSecurityStore>();
            builder.Services.AddSingleton<Renderer.Host.Security.DataSecurity.SharedDataSetBinder>();
        }
        builder.Services.AddSingleton<RenderService>();
        var publicUrl = AddPublicUrl(builder);
        if (!cli)
        {
            builder.AddRendererHttps(paths);
            builder.AddRendererSignIn(paths, publicUrl);
            builder.Services.AddSingleton<PermissionStore>();
            builder.Services.AddSingleton<PermissionChecker>();
            builder.Services.AddHostedService<PermissionSeeder>(); // after the catalog's start-up work (migrations)
            builder.Services.AddSubscriptions(config, paths); // Quartz starts after the migrations too
        }
        return builder;
    }

    /// <summary>
    /// Renderer:PublicBaseUrl (default from the listen addresses), validated at start; and, unless AllowedHosts is
    /// configured, host filtering that refuses requests for any host but the public URL's and the listen addresses'.
    /// </summary>
    private static string AddPublicUrl(IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var urls = config["Urls"];
        var configured = config[$"{PublicUrlOptions.SectionName}:PublicBaseUrl"];
        var publicUrl = string.IsNullOrWhiteSpace(configured) ? PublicUrlOptions.FromListenAddresses(urls) : configured.Trim().TrimEnd('/');
        builder.Services.AddOptions<PublicUrlOptions>()
            .Configure(o => o.PublicBaseUrl = publicUrl)
            .Validate(o => PublicUrlOptions.Problem(o.PublicBaseUrl) is null, PublicUrlOptions.Problem(publicUrl) ?? "Renderer:PublicBaseUrl is invalid.")
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(config["AllowedHosts"]) && PublicUrlOptions.Problem(publicUrl) is null)
        {
            var hosts = PublicUrlOptions.DefaultAllowedHosts(publicUrl, urls);
            builder.Services.Configure<HostFilteringOptions>(o => o.AllowedHosts = [.. hosts]);
        }
        return publicUrl;
    }

    /// <summary>A configured file path with <c>{DataFolder}</c>/<c>{ProjectRoot}</c> replaced, relative to the project root; null when unset.</summary>
    private static string? ResolvePath(string? value, RendererPaths paths) => string.IsNullOrWhiteSpace(value)
        ? null
        : paths.Resolve(value.Replace("{DataFolder}", paths.DataFolder, StringComparison.Ordinal).Replace("{ProjectRoot}", paths.ProjectRoot, StringComparison.Ordinal));
}
