using Microsoft.Extensions.Options;
using Quartz;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Infrastructure;

namespace Renderer.Host.Subscriptions;

public static class SubscriptionServiceCollectionExtensions
{
    /// <summary>The <c>Subscriptions</c> options, validated at start by the server and by every command.</summary>
    public static IServiceCollection AddSubscriptionOptions(this IServiceCollection services)
    {
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SubscriptionOptions>, SubscriptionOptionsValidator>();
        return services;
    }

    /// <summary>
    /// Registers subscriptions: options (section <c>Subscriptions</c>, validated at start), the store, the delivery
    /// ledger and channels, the runner, and Quartz with its persistent ADO.NET store in the catalog database (its QRTZ_
    /// tables created at start from Quartz's own schema script when missing): SQLite, or PostgreSQL with clustering so
    /// several hosts on one catalog each fire a trigger once. Without Subscriptions:Enabled no scheduler runs here.
    /// </summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services, IConfiguration config, RendererPaths paths)
    {
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<SubscriptionRenderGate>();
        services.AddSingleton<RecipientQuery>();
        services.AddSingleton<IDeliveryChannel, EmailDelivery>();
        services.AddSingleton<IDeliveryChannel, FileShareDelivery>();
        services.AddSingleton<SubscriptionRunner>();
        services.AddSingleton<SubscriptionScheduler>();

        var section = config.GetSection(SubscriptionOptions.SectionName);
        var threads = section.GetValue(nameof(SubscriptionOptions.SchedulerThreads), 4);
        var provider = (config[$"{CatalogDatabaseOptions.SectionName}:Provider"] ?? "sqlite").Trim().ToLowerInvariant();
        var configured = config[$"{CatalogDatabaseOptions.SectionName}:ConnectionString"];
        var connectionString = string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(paths.DataFolder, "catalog.db")}"
            : configured.Replace("{DataFolder}", paths.DataFolder, StringComparison.Ordinal);
        var postgres = provider is "postgresql" or "postgres" or "npgsql";
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => (s.InstanceName, s.GenerateInstanceId) = ("RendererSubscriptions", true));
            q.UseDefaultThreadPool(Math.Clamp(threads, 1, 64));
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer(_ => { });
                store.ProvisionSchema();
                // A fire cut short by a shutdown is run again at the next start (its sent deliveries are skipped).
                store.ConfigureStore(o => o.RecoverFiringsCancelledByShutdown = true);
                if (postgres)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
            });
        });
        if (section.GetValue(nameof(SubscriptionOptions.Enabled), true))
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        return services;
    }
}
