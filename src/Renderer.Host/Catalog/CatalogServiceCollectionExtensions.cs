using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Infrastructure;

namespace Renderer.Host.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database-backed catalog: options (section <c>Catalog</c>, validated at start; SQLite in
    /// <c>{DataFolder}/catalog.db</c> by default), the database, its store services, and the start-up work that
    /// migrates the schema, seeds the samples into <c>/Samples</c> and purges expired deletions; the bounds of the cache of
    /// compiled catalog reports (<c>Catalog:ReportCache</c>, validated at start); and the flat report
    /// names of <c>/api/reports</c> (<see cref="LegacyReports"/>).
    /// </summary>
    public static IServiceCollection AddCatalogStore(this IServiceCollection services, IConfiguration config, RendererPaths paths)
    {
        services.AddOptions<CatalogDatabaseOptions>()
            .Bind(config.GetSection(CatalogDatabaseOptions.SectionName))
            .PostConfigure(o => o.ConnectionString = string.IsNullOrWhiteSpace(o.ConnectionString)
                ? $"Data Source={Path.Combine(paths.DataFolder, "catalog.db")}"
                : o.ConnectionString.Replace("{DataFolder}", paths.DataFolder, StringComparison.Ordinal))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogDatabaseOptions>, CatalogDatabaseOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CatalogDatabaseOptions>>().Value;
            return new CatalogDatabase(options.ParsedProvider, options.ConnectionString!);
        });
        services.AddOptions<CatalogReportCacheOptions>().Bind(config.GetSection(CatalogReportCacheOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogReportCacheOptions>, CatalogReportCacheOptionsValidator>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CatalogMigrator>();
        services.AddSingleton<CatalogQueries>();
        services.AddSingleton<CatalogPublisher>();
        services.AddSingleton<CatalogTree>();
        services.AddSingleton<ParameterSettings>();
        services.AddSingleton<SampleSeeder>();
        services.AddSingleton<LegacyReports>();
        // A report name in a data source's AllowedReports (no '/') allows the sample of that name: /Samples/{name}.
        services.PostConfigure<DataBroker.DataBrokerOptions>(o =>
        {
            foreach (var source in o.DataSources.Values)
                if (source?.AllowedReports is { } allowed)
                    allowed.AddRange(allowed.Where(r => !r.StartsWith('/')).Select(r => SampleSeeder.Folder.Child(r).Value).Except(allowed, StringComparer.OrdinalIgnoreCase).ToList());
        });
        services.AddSingleton<Logs.ExecutionLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<Logs.ExecutionLogWriter>());
        services.AddSingleton<Logs.LogQueries>();
        services.AddHostedService<CatalogStartup>();
        return services;
    }
}
