using Microsoft.Extensions.Options;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Catalog;

/// <summary>
/// Before the server takes requests: migrates the catalog schema and seeds the samples. Then, once an hour, purges
/// items deleted longer ago than <see cref="CatalogDatabaseOptions.DeletedRetentionDays"/> and execution-log rows older
/// than <see cref="CatalogDatabaseOptions.ExecutionLogRetentionDays"/>.
/// </summary>
public sealed class CatalogStartup(CatalogMigrator migrator, SampleSeeder seeder, CatalogTree tree, Logs.LogQueries logs, IOptions<CatalogDatabaseOptions> options, ILogger<CatalogStartup> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _purgeLoop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await seeder.SeedAsync(cancellationToken).ConfigureAwait(false);
        _purgeLoop = PurgeLoop(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_purgeLoop is not null) await _purgeLoop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task PurgeLoop(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var purged = await tree.PurgeAsync(TimeSpan.FromDays(options.Value.DeletedRetentionDays), stopping).ConfigureAwait(false);
                if (purged > 0) logger.LogInformation("Purged {Count} catalog item(s) deleted more than {Days} days ago", purged, options.Value.DeletedRetentionDays);
                await logs.PurgeExecutionsAsync(TimeSpan.FromDays(options.Value.ExecutionLogRetentionDays), stopping).ConfigureAwait(false);
                if (!await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false)) return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Purging deleted catalog items failed");
            }
        }
    }
}
